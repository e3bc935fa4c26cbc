/**
 * The initial download: the JS that index.html loads (its module script and the module preloads
 * Vite adds for static imports), gzip level 9, and the chunks that `atStart` names: those the page imports lazily but
 * at once, on the way to its first screen (the game's Phaser and canvas, which it evaluates after its HTML title and
 * New game's session, src/main.ts; issue 18: they are part of its first download all the same). Chunks loaded later
 * by dynamic import are listed apart: they are not part of the first download.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeReport {
  initialGzip: number;
  initialFiles: string[];
  lazyGzip: number;
  lazyFiles: string[];
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measureInitialJs(distDir: string, atStart?: RegExp): SizeReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(
    /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g,
  )) {
    if (m[1]) initial.add(m[1]);
  }
  const all = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  for (const f of all) if (atStart?.test(f)) initial.add(f);
  const lazy = all.filter((f) => !initial.has(f));
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(join(distDir, f)), 0);
  return { initialGzip: sum(initial), initialFiles: [...initial], lazyGzip: sum(lazy), lazyFiles: lazy };
}
