// What the page fetches, and in which order, on the way to New game (issue 18, "the first screen first"): index.html
// asks for no Phaser; New game's files are at most six (a browser fetches six at a time from an HTTP/1.1 server); the
// canvas's files (Phaser, the canvas's start) are asked for only once New game's have come, so that their download and
// compilation do not take the network and the cores from the title's and New game's. And the screen New game leads to
// still opens with its heading focused and the panel at its top, though both are now set at the next frame.
import { describe, expect, it } from 'vitest';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

interface Fetched {
  name: string;
  start: number;
  end: number;
}

/** A file's chunk name: `assets/engine-AbC123.js` is `engine`. */
const chunk = (url: string) => /\/assets\/([\w-]+?)-[\w-]{8}\.js$/.exec(url)?.[1] ?? null;

describe('the start’s order of files', () => {
  const withGame = useGameBrowser();

  it('fetches the canvas’s files only once New game’s have come, and New game’s are six at most', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open();
      // The page as served (the bundler's import wrapper adds preloads of its own to the live page later).
      const html = await page.evaluate(() => fetch('/').then((r) => r.text()));
      const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
        (m) => new URL(m[1]!, page.url()).href,
      );
      expect(preloaded.length).toBeGreaterThan(0);
      expect(preloaded.map(chunk)).not.toContain('phaser');
      expect(preloaded.map(chunk)).not.toContain('canvas-start');
      await titleLoaded(page);
      await page.getByRole('button', { name: 'New game' }).click();
      await sceneReady(page, 'perspective');
      const fetched = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming;
          return { name: r.name, start: r.startTime, end: r.responseEnd };
        }),
      );
      const byChunk = new Map<string, Fetched>();
      for (const f of fetched as Fetched[]) {
        const name = chunk(f.name);
        if (name) byChunk.set(name, f);
      }
      // What early-start.ts asks for at once: the language, the scenario and New game's chunk with what it imports.
      const newGame = ['i18next', 'en', 'baghdad-2021', 'solo-play', 'shared-play', 'engine'];
      for (const name of newGame) expect(byChunk.has(name), name).toBe(true);
      const firstWave = [...byChunk.values()].filter(
        (f) =>
          f.start >= Math.min(...newGame.map((n) => byChunk.get(n)!.start)) && !preloaded.includes(f.name),
      );
      const newGameEnd = Math.max(...['solo-play', 'shared-play', 'engine'].map((n) => byChunk.get(n)!.end));
      // Beside New game's six, only the offline worker's registration may be asked for meanwhile: it waits for the
      // page's load and an idle moment, which a slow server can give before New game's files have all come.
      const idleTime = ['worker-registration'];
      expect(
        firstWave
          .filter((f) => f.start < newGameEnd)
          .map((f) => chunk(f.name))
          .filter((name) => !idleTime.includes(name!))
          .sort(),
        'the files asked for while New game’s were coming',
      ).toEqual([...newGame].sort());
      for (const name of ['phaser', 'canvas-start']) {
        const canvasFile = byChunk.get(name);
        expect(canvasFile, name).toBeDefined();
        expect(canvasFile!.start, `${name} asked for after New game's files came`).toBeGreaterThanOrEqual(
          newGameEnd,
        );
      }
      // New game's screen: its heading has the focus, and the panel is at its top.
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement?.tagName === 'H1' && document.body.dataset.scene),
        )
        .toBe('perspective');
      expect(await page.evaluate(() => document.getElementById('ui')!.scrollTop)).toBe(0);
      expect(game.problems).toEqual([]);
    });
  });
});
