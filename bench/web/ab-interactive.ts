/**
 * Time to interactive of two or more builds of the game, against the empty game, in one run (a diagnostic for A/B
 * changes on a loaded machine, not the bench's figure): each round loads every build and the empty game once, in turn,
 * as the bench measures them (measure-interactive.ts), so that load falls on all alike. It prints each build's median
 * New game acting, title and canvas, and the median of its per-round ratios to the empty game's first input.
 *
 *   npx tsx bench/web/ab-interactive.ts ROUNDS QUERY EMPTY_DIST DIST...
 *
 * A DIST may carry its own query, `dist?lang=ar-IQ`, in place of QUERY (the empty game keeps QUERY): one build read in
 * two languages in the same run, say.
 */
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { type Interactive, timeToInteractive } from './measure-interactive.ts';
import { serveCompressed } from './serve-compressed.ts';
import { median } from './stats.ts';

const [roundsArg = '9', query = '?renderer=canvas', emptyDir = '', ...dists] = process.argv.slice(2);
const rounds = Number(roundsArg);

const empty = await serveCompressed(emptyDir);
const builds = dists.map((d) =>
  d.includes('?') ? { dir: d.slice(0, d.indexOf('?')), query: d.slice(d.indexOf('?')) } : { dir: d, query },
);
const servers = await Promise.all(builds.map((b) => serveCompressed(b.dir)));
const browser = await launchChromium();
try {
  // Warm-up: the first launch pays for fonts and the GPU process.
  await timeToInteractive(browser, servers[0]!.url + builds[0]!.query, false);
  const games: Interactive[][] = dists.map(() => []);
  const base: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // The order turns each round, so that no build always follows the empty game.
    const order = [...servers.keys()].map((k) => (k + round) % servers.length);
    for (const k of order)
      games[k]!.push(await timeToInteractive(browser, servers[k]!.url + builds[k]!.query, false));
    base.push((await timeToInteractive(browser, empty.url + query, true)).acted);
  }
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`empty game's first input: median ${ms(median(base))}`);
  dists.forEach((dist, k) => {
    const runs = games[k]!;
    const ratios = runs.map((g, i) => g.acted / base[i]!);
    console.log(
      `${dist}: New game acts ${ms(median(runs.map((g) => g.acted)))} (ratio of medians ${(median(runs.map((g) => g.acted)) / median(base)).toFixed(2)}, median ratio ${median(ratios).toFixed(2)}), title ${ms(median(runs.map((g) => g.title)))}, canvas ${ms(median(runs.map((g) => g.canvas)))}`,
    );
  });
} finally {
  await browser.close();
  await empty.close();
  await Promise.all(servers.map((s) => s.close()));
}
