/**
 * The map's drawing code (scenario-map.ts), which the later scenes import: the title shows a map only once the scenario
 * has loaded (before, none), so the first download need not hold it. It comes with the solo game's chunk
 * (src/solo-play.ts), asked for before the title is created (src/early-start.ts hands it in here), so that the title's
 * first frame draws the map with the scenario rather than drawing itself again when it comes, and so that it is not
 * two more files of its own on the way to New game (issue 18). Imports no Phaser: it is evaluated before Phaser's code.
 */
type Maps = typeof import('./scenario-map.ts');

/** The map's drawing code once it has come, for every title scene after. */
let loaded: Maps | null = null;
let loading: Promise<Maps> | null = null;
let source: (() => Promise<Maps>) | null = null;

/** Where the drawing code comes from (src/early-start.ts: the solo game's chunk); asked for at once. */
export function provideMaps(load: () => Promise<Maps>): void {
  source = load;
  void loadMaps().catch(() => null);
}

export function loadMaps(): Promise<Maps> {
  if (!source) return Promise.reject(new Error('the map code was not provided'));
  loading ??= source().then(
    (maps) => {
      loaded = maps;
      return maps;
    },
    (error: unknown) => {
      // A chunk that did not arrive (a lost connection): the next call asks again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The map's drawing code if it has come already; null before. */
export function mapsLoaded(): Maps | null {
  return loaded;
}
