/**
 * One start of the game, read from the inside (not a figure, a map for the next change): when each file was asked
 * for and came, the long tasks of the main thread, the title's menu (HTML) up, New game acting and the canvas's first
 * frame (the title's, or New game's screen's when the click came first).
 *
 *   npx tsx bench/web/probe-start.ts DIST [QUERY]
 */
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveCompressed } from './serve-compressed.ts';

const dist = process.argv[2] ?? 'dist';
const query = process.argv[3] ?? '?renderer=canvas';

const WATCH = `(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  const poke = () => {
    if (window.__titleAt === undefined && document.body?.dataset.scene === 'title') window.__titleAt = performance.now();
    if (window.__canvasAt === undefined && document.body?.dataset.sceneReady) window.__canvasAt = performance.now();
    if (document.body?.dataset.scene === 'perspective') window.__actedAt ??= performance.now();
    if (window.__actedAt !== undefined && window.__canvasAt !== undefined) return;
    if (window.__actedAt === undefined) document.querySelector('button[data-intent="new-game"]:not([disabled])')?.click();
    setTimeout(poke, 10);
  };
  new MutationObserver(() => { if (window.__actedAt === undefined || window.__canvasAt === undefined) poke(); }).observe(document, { subtree: true, childList: true, attributes: true });
  poke();
})();`;

const server = await serveCompressed(dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH);
  await page.goto(server.url + query);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __actedAt?: number; __canvasAt?: number };
      return w.__actedAt !== undefined && w.__canvasAt !== undefined;
    },
    undefined,
    {
      timeout: 30_000,
    },
  );
  const out = await page.evaluate(() => {
    const w = window as unknown as {
      __long: number[][];
      __titleAt: number;
      __actedAt: number;
      __canvasAt: number;
    };
    const files = performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return `${Math.round(r.startTime).toString().padStart(5)} → ${Math.round(r.responseEnd).toString().padStart(5)}  ${r.name.split('/').pop()}`;
    });
    return {
      files,
      long: w.__long,
      title: Math.round(w.__titleAt),
      acted: Math.round(w.__actedAt),
      canvas: Math.round(w.__canvasAt),
    };
  });
  console.log(out.files.join('\n'));
  console.log('long tasks [start, ms]:', JSON.stringify(out.long));
  console.log(
    `title menu up ${out.title} ms, New game acted ${out.acted} ms, canvas's first frame ${out.canvas} ms`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
