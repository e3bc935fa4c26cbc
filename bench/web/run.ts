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
import { servePreview } from '../../scripts/browser/preview-server.ts';
import { buildBoth } from './build-both.ts';
import { measureInitialJs } from './measure-size.ts';
import { timeToTitle } from './measure-startup.ts';
import { median, range } from './stats.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 7) : 7;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, game: string, base: string, ratio: string, target: string) =>
  console.log(`${label.padEnd(34)} ${game.padEnd(22)} ${base.padEnd(22)} ${ratio.padEnd(8)} ${target}`);

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
    row('situation room frame p95 (canvas)', 'not measured yet', '-', '-', '≤ 17 ms');
    row('JS heap, game 20 vs game 2', 'not measured yet', '-', '-', '≤ +5 MB');
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
