// What a phone downloads before it can join a class (issue 17): the class page's own code, never the solo game's
// Phaser, its start, or the engine (Zod, XState, the rules), which a classroom device never runs. Read from the
// build the browser tests serve: the files class.html loads, and every file they import statically, to the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** The files a page loads before its code runs: its script, its module preloads, and their static imports. */
function firstDownload(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`): a dynamic import() is fetched later, if ever.
    for (const m of code.matchAll(/import(?:\{[^}]*\}from|\s*\*\s*as\s+\w+\s+from|)\s*"\.\/([^"]+\.js)"/g))
      queue.push(`assets/${m[1]!}`);
  }
  return [...seen].map((f) => f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, ''));
}

/** The chunks a chunk imports statically, in the order of its import statements (the order they are evaluated in). */
function staticImports(dist: string, file: string): string[] {
  const code = readFileSync(join(dist, 'assets', file), 'utf8');
  return [...code.matchAll(/import(?:\{[^}]*\}from|\s*\*\s*as\s+\w+\s+from|)\s*"\.\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
}

describe('the game’s early start (issue 18)', () => {
  it('is evaluated before Phaser: main’s first import, reaching no Phaser', () => {
    const dist = inject('distDir');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const main = /src="\/assets\/(main-[\w-]+\.js)"/.exec(html)?.[1];
    expect(main).toBeDefined();
    const first = staticImports(dist, main!)[0] ?? '';
    expect(first).toMatch(/^early-start-/);
    const seen = new Set<string>();
    const queue = [first];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...staticImports(dist, file));
    }
    expect([...seen].filter((f) => /^(phaser|game-start)-/.test(f))).toEqual([]);
  });
});

describe('the class page’s first download', () => {
  it('holds neither Phaser, nor the solo game’s start, nor the engine', () => {
    const files = firstDownload(inject('distDir'), 'class.html');
    expect(files).toContain('class');
    expect(files.filter((f) => ['phaser', 'game-start', 'engine', 'howler'].includes(f))).toEqual([]);
  });

  it('is the check that sees them: the solo game’s first download has its start', () => {
    const files = firstDownload(inject('distDir'), 'index.html');
    expect(files).toEqual(expect.arrayContaining(['game-start']));
    // Phaser is not in it any more: the canvas's files are fetched once New game's have come (start-order.test.ts).
    expect(files).not.toContain('phaser');
  });
});
