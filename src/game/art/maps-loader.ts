/**
 * The map's drawing code (scenario-map.ts), a lazy chunk shared with the later scenes: the title shows a map only once
 * the scenario has loaded (before, none), so the first download need not hold it. Asked for before the title is
 * created (src/early-start.ts), so that the title's first frame draws the map with the scenario rather than drawing
 * itself again when it comes (issue 18). Imports no Phaser: it is evaluated before Phaser's code.
 */
type Maps = typeof import('./scenario-map.ts');

/** The map's drawing code once it has come, for every title scene after. */
let loaded: Maps | null = null;
let loading: Promise<Maps> | null = null;

export function loadMaps(): Promise<Maps> {
  loading ??= import('./scenario-map.ts').then(
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
