// npm run bench: bundles each benchmark with esbuild and runs it with plain node, so that the figures measure
// the game's code rather than a development loader's wrappers (tsx keeps function names, at a cost).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Inside the project, so that the bundle's external packages resolve from node_modules.
const out = join('node_modules', '.cache', 'bench');
mkdirSync(out, { recursive: true });
for (const entry of ['bench/sim.bench.ts', 'bench/validate.bench.ts']) {
  const outfile = join(out, `${entry.replace(/\W/g, '_')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  try {
    // One core, as the targets say: the garbage collector works on the main thread too, rather than on helper
    // threads whose time on the second core would count as the process's CPU time but not as its work.
    execFileSync(process.execPath, ['--single-threaded-gc', outfile], { stdio: 'inherit' });
  } catch {
    process.exitCode = 1;
  }
}
