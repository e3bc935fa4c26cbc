// The Arabic start's files (issues 18 and 20): a device that reads Arabic asks for the Arabic fonts, their module, the
// interface's Arabic strings and the scenario's Arabic texts from index.html itself (scripts/arabic-preload-plugin.ts),
// before its modules have run, each once (the fonts' module uses the preloaded fonts, not a second download); it loads
// no English strings and not the map's YAML reader. An English device asks for none of the Arabic files.
import { describe, expect, it } from 'vitest';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

interface Fetched {
  name: string;
  start: number;
  end: number;
}

/** A file's name without its hash: `assets/engine-AbC123.js` is `engine`, a font `noto-sans-arabic-arabic-400-normal`. */
const fileName = (url: string) => /\/assets\/([\w.-]+?)-[\w-]{8}\.(js|woff2)$/.exec(url)?.[1] ?? null;

const FONTS = ['noto-sans-arabic-arabic-400-normal', 'noto-sans-arabic-arabic-700-normal'];
/** Everything the Arabic start fetches that an English one must not. */
const ARABIC_FILES = [...FONTS, 'arabic-fonts', 'ar-IQ', 'baghdad-2021.ar-IQ', 'localize', 'localize-art'];

describe('the Arabic start’s files', () => {
  const withGame = useGameBrowser();

  /** Opens the game on a device of `locale`, plays New game, and gives every file fetched, by name, in order. */
  async function startIn(locale: string): Promise<{ fetched: Fetched[]; problems: string[] }> {
    let out: { fetched: Fetched[]; problems: string[] } | null = null;
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open();
        await titleLoaded(page);
        await page.locator('button[data-intent="new-game"]').click();
        await sceneReady(page, 'perspective');
        const entries = (await page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => {
            const r = e as PerformanceResourceTiming;
            return { name: r.name, start: r.startTime, end: r.responseEnd };
          }),
        )) as Fetched[];
        out = {
          fetched: entries.flatMap((f) => {
            const name = fileName(f.name);
            return name ? [{ ...f, name }] : [];
          }),
          problems: game.problems,
        };
      },
      undefined,
      { locale },
    );
    return out!;
  }

  it('asks for the Arabic files from the page itself, each once, before the modules ask for New game’s', async () => {
    const { fetched, problems } = await startIn('ar-IQ');
    const names = fetched.map((f) => f.name);
    for (const name of ARABIC_FILES)
      expect(
        names.filter((n) => n === name),
        name,
      ).toHaveLength(1);
    // The page's own modules ask for New game's chunk (src/early-start.ts); the Arabic files, and i18next with them,
    // were asked for before, by index.html.
    const soloPlay = fetched.find((f) => f.name === 'solo-play');
    expect(soloPlay).toBeDefined();
    for (const name of [...ARABIC_FILES, 'i18next'])
      expect(fetched.find((f) => f.name === name)!.start, `${name} asked for before solo-play`).toBeLessThan(
        soloPlay!.start,
      );
    expect(names.filter((n) => n === 'i18next')).toHaveLength(1);
    // Only the language it reads, and the map's words without the map's YAML reader.
    expect(names).not.toContain('en');
    expect(names).not.toContain('map-art');
    expect(problems).toEqual([]);
  });

  it('asks for no Arabic file on an English device', async () => {
    const { fetched, problems } = await startIn('en-GB');
    const names = fetched.map((f) => f.name);
    expect(names).toContain('en');
    for (const name of ARABIC_FILES) expect(names, name).not.toContain(name);
    expect(problems).toEqual([]);
  });
});
