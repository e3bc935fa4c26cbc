/**
 * One start of the game under a Chrome trace, read from the inside (not a figure, a map for the next change): the
 * main thread's tasks from navigation until New game acts, each with what ran in it (the scripts and functions, the
 * forced and unforced style and layout), and when each file was asked for and came, all on the trace's one clock.
 * The bench's clicks (measure-interactive.ts) are made the same way: New game is clicked as soon as it is there.
 *
 *   npx tsx bench/web/trace-start.ts DIST [QUERY] [RUNS]
 */
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { serveCompressed } from './serve-compressed.ts';
import { sourceReader } from './source-of.ts';

const dist = process.argv[2] ?? 'dist';
const query = process.argv[3] ?? '?renderer=canvas';
const runs = Number(process.argv[4] ?? 1);
/** QUIET=1: the summary line of each run alone. */
const quiet = process.env.QUIET === '1';

const WATCH = `(() => {
  const poke = () => {
    if (window.__titleAt === undefined && document.body?.dataset.scene === 'title' && document.querySelector('button[data-intent="new-game"]:not([disabled])')) { window.__titleAt = performance.now(); performance.mark('bench:title'); }
    if (window.__canvasAt === undefined && document.body?.dataset.sceneReady) { window.__canvasAt = performance.now(); performance.mark('bench:canvas'); }
    if (document.body?.dataset.scene === 'perspective' && window.__actedAt === undefined) { window.__actedAt = performance.now(); performance.mark('bench:acted'); }
    if (window.__actedAt !== undefined && window.__canvasAt !== undefined) return;
    if (window.__actedAt === undefined) document.querySelector('button[data-intent="new-game"]:not([disabled])')?.click();
    setTimeout(poke, 10);
  };
  new MutationObserver(() => { if (window.__actedAt === undefined || window.__canvasAt === undefined) poke(); }).observe(document, { subtree: true, childList: true, attributes: true });
  poke();
})();`;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time of a complete event */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: {
      url?: string;
      functionName?: string;
      frame?: string;
      requestId?: string;
      stackTrace?: unknown[];
      type?: string;
    };
  };
}

const short = (url = '') =>
  url
    .split('/')
    .pop()
    ?.replace(/-[\w-]{8}\.(js|css)$/, '.$1')
    .replace(/\?.*$/, '') || '(page)';

async function traceOnce(browser: Awaited<ReturnType<typeof launchChromium>>, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
      'v8.execute',
      'loading',
      'toplevel',
      'disabled-by-default-v8.cpu_profiler',
    ],
  });
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __actedAt?: number; __canvasAt?: number };
      return w.__actedAt !== undefined && w.__canvasAt !== undefined;
    },
    undefined,
    { timeout: 30_000 },
  );
  const buffer = await browser.stopTracing();
  await context.close();
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  // The renderer's main thread: the one that ran the page's marks.
  const mark = (name: string) => traceEvents.find((e) => e.name === name && e.cat.includes('user_timing'));
  const acted = mark('bench:acted');
  const title = mark('bench:title');
  // The page's navigation: the last one on the page's thread before its title.
  const nav = traceEvents
    .filter((e) => e.name === 'navigationStart' && e.tid === title?.tid && e.ts < (title?.ts ?? 0))
    .at(-1);
  if (!nav || !acted || !title) {
    console.log('no marks in the trace');
    return;
  }
  const main = traceEvents.filter((e) => e.pid === acted.pid && e.tid === acted.tid);
  const at = (ts: number) => ((ts - nav.ts) / 1000).toFixed(0).padStart(5);
  const tasks = main.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= nav.ts && (e.dur ?? 0) > 1500,
  );
  const lines: [number, string][] = [];
  for (const task of tasks) {
    if (task.ts > acted.ts + 300_000) break;
    const inside = main.filter(
      (e) =>
        e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && e !== task,
    );
    const what = new Map<string, number>();
    for (const e of inside) {
      let key: string | null = null;
      const d = e.args?.data;
      if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') key = `eval ${short(d?.url)}`;
      else if (e.name === 'FunctionCall') key = `call ${short(d?.url)}:${d?.functionName || '?'}`;
      else if (e.name === 'Layout' || e.name === 'UpdateLayoutTree')
        key = `${e.name === 'Layout' ? 'layout' : 'style'}${d?.stackTrace || (e.args as { beginData?: { stackTrace?: unknown } })?.beginData?.stackTrace ? ' (forced)' : ''}`;
      else if (e.name === 'v8.compileModule' || e.name === 'v8.compile') key = `compile ${short(d?.url)}`;
      else if (e.name === 'Paint' || e.name === 'PrePaint') key = 'paint';
      else if (e.name === 'ParseHTML') key = 'parse html';
      else if (e.name === 'FireIdleCallback') key = 'idle callback';
      else if (e.name === 'TimerFire') key = 'timer';
      else if (e.name === 'RunMicrotasks') key = 'microtasks';
      if (key) what.set(key, (what.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const top = [...what]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
    lines.push([
      task.ts,
      `${at(task.ts)} task ${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${top}`,
    ]);
  }
  // The page's own files (not the browser's), by request id.
  const site = url.split('?')[0] ?? url;
  const sentUrl = new Map<string, string>();
  for (const e of traceEvents) {
    const d = e.args?.data;
    if (e.name === 'ResourceSendRequest' && d?.requestId && d.url?.startsWith(site))
      sentUrl.set(d.requestId, d.url);
  }
  for (const e of traceEvents) {
    if (e.ts < nav.ts || e.ts > acted.ts + 300_000) continue;
    const file = sentUrl.get(e.args?.data?.requestId ?? '');
    if (file === undefined) continue;
    if (e.name === 'ResourceSendRequest') lines.push([e.ts, `${at(e.ts)}   → ${short(file)}`]);
    if (e.name === 'ResourceFinish') lines.push([e.ts, `${at(e.ts)}   ← ${short(file)}`]);
  }
  // Style and layout done at a script's demand (forced), with the script's innermost frame.
  for (const e of main) {
    if ((e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') || e.ts < nav.ts || e.ts > acted.ts) continue;
    const begin = (e.args as { beginData?: { stackTrace?: Frame[] } } | undefined)?.beginData;
    const stack = begin?.stackTrace ?? (e.args?.data?.stackTrace as Frame[] | undefined);
    const top = stack?.[0];
    if (!top || (e.dur ?? 0) < 500) continue;
    const where = sourceOf(short(top.url), top.lineNumber, top.columnNumber);
    lines.push([
      e.ts,
      `${at(e.ts)}   forced ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms by ${where} ${top.functionName}`,
    ]);
  }
  for (const m of ['bench:title', 'bench:acted', 'bench:canvas']) {
    const e = mark(m);
    if (e) lines.push([e.ts, `${at(e.ts)} ==== ${m}`]);
  }
  if (!quiet) for (const [, line] of lines.sort((a, b) => a[0] - b[0])) console.log(line);
  // The main thread's CPU time (its tasks' thread time, those that began in each window): what the page itself spent,
  // whatever the network and the other processes on the machine.
  const cpu = (from: number, to: number) =>
    main
      .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= from && e.ts < to)
      .reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  console.log(
    `title ${at(title.ts)} ms, New game acted ${at(acted.ts)} ms; main thread CPU ${cpu(nav.ts, title.ts).toFixed(0)} ms before the title, ${cpu(title.ts, acted.ts).toFixed(0)} ms from the title to New game acting`,
  );
  if (quiet) return;
  jsBetween(traceEvents, nav.ts, title.ts, 'navigation and the title');
  jsBetween(traceEvents, title.ts, acted.ts, 'the title and New game acting');
}

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
const sourceOf = sourceReader(dist);

/** The JS samples (the trace's CPU profile) in a window of the start, by source file and by function. */
function jsBetween(events: TraceEvent[], from: number, to: number, between: string): void {
  const frames = new Map<number, Frame>();
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let at = 0;
  for (const e of events) {
    const data = e.args?.data as
      | {
          startTime?: number;
          cpuProfile?: { nodes?: { id: number; callFrame: Frame }[]; samples?: number[] };
          timeDeltas?: number[];
        }
      | undefined;
    if (e.name === 'Profile' && data?.startTime) at = data.startTime;
    if (e.name !== 'ProfileChunk' || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) frames.set(n.id, n.callFrame);
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      const delta = data.timeDeltas?.[i] ?? 0;
      at += delta;
      const f = frames.get(id);
      if (at < from || at > to || !f?.url) return;
      const file = f.url.split('/').pop() ?? '';
      const source = sourceOf(file, f.lineNumber, f.columnNumber);
      bySource.set(source, (bySource.get(source) ?? 0) + delta / 1000);
      const fn = `${source} ${f.functionName || '(top)'}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + delta / 1000);
    });
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `${v.toFixed(1).padStart(6)} ms  ${k}`)
      .join('\n');
  console.log(`--- JS between ${between}, by source\n${top(bySource)}`);
  console.log(`--- by function\n${top(byFunction)}`);
}

const server = await serveCompressed(dist);
const browser = await launchChromium();
try {
  for (let i = 0; i < runs; i++) {
    await traceOnce(browser, server.url + query);
    console.log('----');
  }
} finally {
  await browser.close();
  await server.close();
}
