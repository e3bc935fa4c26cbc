// The built game, compressed once at build time: beside each text file of dist/ (HTML, scripts, styles, SVG, JSON)
// a brotli (.br) and a gzip (.gz) copy, which the classroom server (src/server/static-files.ts) sends to a browser
// that accepts them. A copy that would not be smaller is not written. Only node:zlib, no dependency.
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: text. Images, sounds and fonts are compressed already. */
export const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|map|ico|webmanifest)$/;
/** Smaller than this, a file fits in one packet either way. */
const MIN_BYTES = 512;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Writes the .br and .gz copies of the text files under `dir`; returns how many copies it wrote. */
export async function precompress(dir: string): Promise<number> {
  let written = 0;
  const files = filesUnder(dir);
  // Stale copies of a previous build (Vite empties dist/ first, but the script may run on its own).
  for (const file of files) if (/\.(br|gz)$/.test(file)) unlinkSync(file);
  await Promise.all(
    files
      .filter((f) => COMPRESSIBLE.test(f))
      .map(async (file) => {
        const data = readFileSync(file);
        if (data.length < MIN_BYTES) return;
        const [b, g] = await Promise.all([
          br(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gz(data, { level: 9 }),
        ]);
        if (b.length < data.length) {
          writeFileSync(`${file}.br`, b);
          written++;
        }
        if (g.length < data.length) {
          writeFileSync(`${file}.gz`, g);
          written++;
        }
      }),
  );
  return written;
}

/** The Vite plugin: once the build is written, its text files are compressed beside it. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'crisis-table:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (existsSync(outDir)) await precompress(outDir);
    },
  };
}

// `tsx scripts/precompress.ts [dir]`: the same on a folder already built.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? 'dist';
  precompress(dir).then((n) => console.log(`precompress: ${n} compressed copies written in ${dir}/`));
}
