// The Arabic start's files (issues 18 and 20): a device that reads Arabic asks for the Arabic fonts, their module,
// i18next and the interface's Arabic strings, the scenario in English and in Arabic, New game's chunk with what it
// imports, and the modules that put the texts in place, from index.html itself (scripts/arabic-preload-plugin.ts): all
// of them while the page's own module is held back, so before any of its code has run. Each comes once (the fonts'
// module uses the preloaded fonts, the modules' imports the preloaded chunks); it loads no English strings and not the
// map's YAML reader. An English device asks for none of the Arabic files.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

/** A file's name without its hash: `assets/engine-AbC123.js` is `engine`, a font `noto-sans-arabic-arabic-400-normal`. */
const fileName = (url: string) => /\/assets\/([\w.-]+?)-[\w-]{8}\.(js|woff2)$/.exec(url)?.[1] ?? null;

const FONTS = ['noto-sans-arabic-arabic-400-normal', 'noto-sans-arabic-arabic-700-normal'];
/** Everything the Arabic start fetches that an English one must not. */
const ARABIC_FILES = [...FONTS, 'arabic-fonts', 'ar-IQ', 'baghdad-2021.ar-IQ', 'localize', 'localize-art'];
/** What both starts fetch, which the page's modules ask for on an English page (src/early-start.ts). */
const NEW_GAME_FILES = ['i18next', 'baghdad-2021', 'solo-play', 'shared-play', 'engine'];

describe('the Arabic start’s files', () => {
  const withGame = useGameBrowser();

  /**
   * Opens the game on a device of `locale` with the page's module (main.js) held back until `whileHeld` has seen what
   * the page asks for without it, then plays New game. Gives what was asked for while it was held, and every file the
   * start fetched, by name (each time it was fetched).
   */
  async function startIn(
    locale: string,
    whileHeld: (page: Page, asked: readonly string[]) => Promise<void>,
  ): Promise<{ held: string[]; fetched: string[]; problems: string[] }> {
    let out: { held: string[]; fetched: string[]; problems: string[] } | null = null;
    await withGame(
      async (game) => {
        const { page } = game;
        const asked: string[] = [];
        page.on('request', (r) => {
          const name = fileName(r.url());
          if (name) asked.push(name);
        });
        let release = () => {};
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        await page.route(/\/assets\/main-[\w-]{8}\.js$/, async (route) => {
          await released;
          await route.continue();
        });
        const opened = game.open();
        // The page is parsed (its module, deferred, is held): index.html's scripts have run.
        await expect.poll(() => page.evaluate(() => document.readyState)).toBe('interactive');
        await whileHeld(page, asked);
        const held = [...asked];
        release();
        await opened;
        await titleLoaded(page);
        await page.locator('button[data-intent="new-game"]').click();
        await sceneReady(page, 'perspective');
        const fetched = (await page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => e.name),
        )) as string[];
        out = { held, fetched: fetched.flatMap((url) => fileName(url) ?? []), problems: game.problems };
      },
      undefined,
      { locale },
    );
    return out!;
  }

  it('asks for the Arabic files and New game’s from the page itself, before its module has run, each once', async () => {
    const wanted = [...ARABIC_FILES, ...NEW_GAME_FILES];
    const { held, fetched, problems } = await startIn('ar-IQ', async (_page, asked) => {
      await expect.poll(() => wanted.filter((name) => !asked.includes(name))).toEqual([]);
    });
    // Asked for, and held back: none of the page's code had run.
    expect(held).toContain('main');
    for (const name of wanted)
      expect(
        fetched.filter((n) => n === name),
        name,
      ).toHaveLength(1);
    // Only the language it reads, and the map's words without the map's YAML reader.
    expect(fetched).not.toContain('en');
    expect(fetched).not.toContain('map-art');
    expect(problems).toEqual([]);
  });

  it('asks for no Arabic file on an English device, and for New game’s only once its module has run', async () => {
    const { held, fetched, problems } = await startIn('en-GB', async () => {});
    expect(held.filter((name) => [...ARABIC_FILES, ...NEW_GAME_FILES].includes(name))).toEqual([]);
    expect(fetched).toContain('en');
    for (const name of NEW_GAME_FILES) expect(fetched, name).toContain(name);
    for (const name of ARABIC_FILES) expect(fetched, name).not.toContain(name);
    expect(problems).toEqual([]);
  });
});
