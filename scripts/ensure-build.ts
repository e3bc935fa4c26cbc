// Before `npm run serve` starts the classroom server: build the game only when dist/ is missing or older than what
// it is built from (src/, scenarios/, the two pages, vite.config.ts, package.json). One line says which.
// `tsx scripts/ensure-build.ts --force` builds anyway.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the build is made from: folders (walked) and files. */
export const SOURCES = [
  'src',
  'scenarios',
  'assets',
  // The manifest and its icons, copied into the build as they are.
  'public',
  // The build's own plugins (the checked scenarios, the service worker, the compressed copies).
  'scripts/checked-scenario-plugin.ts',
  'scripts/service-worker-plugin.ts',
  'scripts/precompress.ts',
  'index.html',
  'class.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
];
/** The build's own pages: the build is as old as the older of them (Vite writes them last). */
export const BUILT = ['index.html', 'class.html'];

export type Decision = { build: false; why: string } | { build: true; why: string };

/**
 * The decision alone, on modification times (ms): `built` holds one time per built page (null when it is
 * missing), `sources` the newest time of each source (null when it does not exist).
 */
export function buildDecision(
  built: Record<string, number | null>,
  sources: Record<string, number | null>,
): Decision {
  const missing = Object.entries(built).find(([, t]) => t === null);
  if (missing) return { build: true, why: `dist/${missing[0]} is missing` };
  const times = Object.values(built) as number[];
  if (times.length === 0) return { build: true, why: 'no built page to compare' };
  const builtAt = Math.min(...times);
  let newest: [string, number] | null = null;
  for (const [name, t] of Object.entries(sources))
    if (t !== null && (!newest || t > newest[1])) newest = [name, t];
  if (newest && newest[1] > builtAt) return { build: true, why: `${newest[0]} changed after the last build` };
  return { build: false, why: 'dist/ is newer than its sources' };
}

function mtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest modification time under a path, folders included (a deleted file changes its folder's time). */
function newestUnder(path: string): [string, number] | null {
  let s: ReturnType<typeof statSync>;
  try {
    s = statSync(path);
  } catch {
    return null;
  }
  let best: [string, number] = [path, s.mtimeMs];
  if (s.isDirectory()) {
    for (const name of readdirSync(path)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const inner = newestUnder(join(path, name));
      if (inner && inner[1] > best[1]) best = inner;
    }
  }
  return best;
}

/** The times of this checkout: the built pages under `dist`, the newest file of each source. */
export function readTimes(root = ROOT, dist = join(root, 'dist')) {
  const built: Record<string, number | null> = {};
  for (const page of BUILT) built[page] = mtime(join(dist, page));
  const sources: Record<string, number | null> = {};
  for (const source of SOURCES) {
    const newest = newestUnder(join(root, source));
    if (newest) sources[relative(root, newest[0]) || source] = newest[1];
  }
  return { built, sources };
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const { built, sources } = readTimes();
  const decision = force ? { build: true, why: '--force' } : buildDecision(built, sources);
  if (!decision.build) {
    console.log(`ensure-build: not building, ${decision.why}.`);
    return;
  }
  const started = performance.now();
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`ensure-build: built dist/ in ${seconds} s (${decision.why}).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(`ensure-build: the build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
