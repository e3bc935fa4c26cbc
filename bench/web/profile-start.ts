/**
 * Where the main thread's time goes from navigation until New game acts (a map for the next change, not a figure):
 * a CPU profile of one start, its self time summed by file and by the source behind it (the build's source maps,
 * when the build has them: `vite build --sourcemap`).
 *
 *   npx tsx bench/web/profile-start.ts DIST [QUERY]
 */
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveCompressed } from './serve-compressed.ts';
import { sourceReader } from './source-of.ts';

const dist = process.argv[2] ?? 'dist';
const query = process.argv[3] ?? '?renderer=canvas';

const CLICK = `(() => {
  const poke = () => {
    if (document.body?.dataset.scene === 'perspective') { window.__actedAt ??= performance.now(); return; }
    document.querySelector('button[data-intent="new-game"]:not([disabled])')?.click();
    setTimeout(poke, 10);
  };
  new MutationObserver(() => { if (window.__actedAt === undefined) poke(); }).observe(document, { subtree: true, childList: true, attributes: true });
  poke();
})();`;

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
}

const server = await serveCompressed(dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.addInitScript(CLICK);
  await page.goto(server.url + query);
  await page.waitForFunction(() => (window as { __actedAt?: number }).__actedAt !== undefined, undefined, {
    timeout: 30_000,
  });
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const file = frame?.url ? frame.url.split('/').pop()! : `(${frame?.functionName || 'other'})`;
    byFile.set(file, (byFile.get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const rows = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [file, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)} ms  ${file}`);
  // By source, for the chunks whose maps are there.
  const bySource = new Map<string, number>();
  const sourceOf = sourceReader(dist);
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url) return;
    const file = frame.url.split('/').pop()!;
    const name = sourceOf(file, frame.lineNumber, frame.columnNumber);
    bySource.set(name, (bySource.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f?.url) return;
    const key = `${f.url.split('/').pop()} ${f.functionName || '(top)'} ${f.lineNumber}:${f.columnNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // A timeline: each 50 ms of the start, its three busiest functions.
  const windows = new Map<number, Map<string, number>>();
  // From the profile's start, which is the navigation's within a few milliseconds.
  const origin = (profile as unknown as { startTime: number }).startTime;
  let at = origin;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const f = byId.get(id)?.callFrame;
    if (!f?.url) return;
    const slot = Math.floor((at - origin) / 50_000) * 50;
    const key = `${f.url
      .split('/')
      .pop()
      ?.replace(/-[\w-]{8}\.js$/, '')}:${f.functionName || '(top)'}`;
    const w = windows.get(slot) ?? new Map<string, number>();
    w.set(key, (w.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    windows.set(slot, w);
  });
  console.log('--- timeline (ms since navigation: busiest functions)');
  for (const [slot, w] of [...windows].sort((a, b) => a[0] - b[0])) {
    const busy = [...w.values()].reduce((n, v) => n + v, 0);
    const top = [...w].sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(
      `${String(slot).padStart(5)} ${busy.toFixed(0).padStart(3)} ms  ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`,
    );
  }
  console.log('--- by function');
  for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('--- by source');
  for (const [name, ms] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log(
    `New game acted ${Math.round(await page.evaluate(() => (window as { __actedAt?: number }).__actedAt ?? 0))} ms`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
