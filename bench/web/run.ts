/**
 * The web bench (`npm run bench:web`): builds the game and an empty Phaser 4 game in the same run,
 * then prints each figure beside its baseline and the target from issue 4. It asserts nothing:
 * timings on a shared machine are for reading, not for failing a build.
 *
 *   npm run bench:web -- --runs 9
 */
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { playByKeyboard, sceneReady } from '../../scripts/browser/keyboard-play.ts';
import { servePreview } from '../../scripts/browser/preview-server.ts';
import { buildBoth } from './build-both.ts';
import { frameStats } from './measure-frames.ts';
import { heapOverGames } from './measure-heap.ts';
import { measureInitialJs } from './measure-size.ts';
import { timeToTitle } from './measure-startup.ts';
import { median, range } from './stats.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 7) : 7;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, game: string, base: string, ratio: string, target: string) =>
  console.log(`${label.padEnd(34)} ${game.padEnd(22)} ${base.padEnd(22)} ${ratio.padEnd(8)} ${target}`);

/** Frame times in the situation room (turn 3, canvas renderer), beside the empty game's idle frames. */
async function measureFrames(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  gameUrl: string,
  emptyUrl: string,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(`${gameUrl}?renderer=canvas&seed=3`);
    await playByKeyboard(page, { perspective: 1, turns: 2 });
    await sceneReady(page, 'situation');
    await page.waitForTimeout(1000); // let the scene and the music settle
    const game = await frameStats(page);
    await page.goto(`${emptyUrl}?renderer=canvas`);
    await page.locator('body[data-scene-ready=title]').waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    const empty = await frameStats(page);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    row(
      'situation room frame p95 (canvas)',
      `${ms(game.p95)} (median ${ms(game.median)})`,
      `${ms(empty.p95)} (empty game)`,
      (game.p95 / empty.p95).toFixed(2),
      '≤ 17 ms',
    );
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const builds = await buildBoth(repoRoot);
  const game = measureInitialJs(builds.gameDir);
  const empty = measureInitialJs(builds.emptyDir);

  console.log(
    `\nCrisis Table web bench: ${RUNS} runs per cell, headless Chromium, vite preview on 127.0.0.1`,
  );
  row('figure', 'game', 'baseline (empty)', 'ratio', 'target');
  row(
    'initial JS download (gzip -9)',
    kb(game.initialGzip),
    kb(empty.initialGzip),
    (game.initialGzip / empty.initialGzip).toFixed(2),
    '≤ 0.85× baseline',
  );
  console.log(`  game initial files: ${game.initialFiles.join(', ')}`);
  console.log(`  game lazy chunks (after the title): ${kb(game.lazyGzip)} in ${game.lazyFiles.length} files`);

  const gameServer = await servePreview({ root: builds.root, outDir: builds.gameDir });
  const emptyServer = await servePreview({ root: builds.emptyRoot, outDir: builds.emptyDir });
  const browser = await launchChromium();
  try {
    for (const renderer of ['canvas', 'auto'] as const) {
      const query = renderer === 'canvas' ? '?renderer=canvas' : '';
      const gameTimes: number[] = [];
      const emptyTimes: number[] = [];
      await timeToTitle(browser, gameServer.url + query); // warm-up: the first launch pays for fonts and the GPU process
      for (let i = 0; i < RUNS; i++) {
        gameTimes.push(await timeToTitle(browser, gameServer.url + query));
        emptyTimes.push(await timeToTitle(browser, emptyServer.url + query));
      }
      const g = median(gameTimes);
      const e = median(emptyTimes);
      row(
        `time to interactive title (${renderer})`,
        `${Math.round(g)} ms (${range(gameTimes)})`,
        `${Math.round(e)} ms (${range(emptyTimes)})`,
        (g / e).toFixed(2),
        '≤ 1.30× baseline (median)',
      );
    }
    await measureFrames(browser, gameServer.url, emptyServer.url);
    const heap = await heapOverGames(browser, `${gameServer.url}?renderer=canvas&seed=11`);
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    row(
      `JS heap after game ${heap.games} (canvas)`,
      mb(heap.afterLast),
      `${mb(heap.afterSecond)} after game 2`,
      `${heap.afterLast >= heap.afterSecond ? '+' : ''}${mb(heap.afterLast - heap.afterSecond)}`,
      '≤ +5 MB over game 2',
    );
  } finally {
    await browser.close();
    await gameServer.close();
    await emptyServer.close();
    rmSync(dirname(builds.gameDir), { recursive: true, force: true });
  }
  console.log(`\n(bench took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
