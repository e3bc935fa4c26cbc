// The build's service worker: once Vite has written the build, this plugin lists every file the game needs offline,
// hashes each, derives the build's version from that list, bundles src/offline/service-worker.ts with esbuild (the
// list and the version written into it) and writes sw.js at the build's root. No dependency beyond esbuild, which
// the project has already.
//
// What is precached: every file of the build (both pages, every chunk including the lazy ones, the styles, the
// scenario's chunk, fonts, icons, the manifest) and the sounds, in both formats. The sounds are 0.40 MB of a 2.15 MB
// precache (0.83 MB over the wire with brotli). Howler picks Opus or MP3 by what the browser plays, which a worker
// cannot ask, and the game loads every sound (the music layers too) at each start, so a missing one would be a failed
// request and a silent game offline; the MP3s cost 0.2 MB of storage on a browser that plays Opus. The compressed
// copies (.br, .gz), source maps and sw.js itself are not precached.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Plugin } from 'vite';

export interface BuildFile {
  /** relative to the build's root, with forward slashes */
  path: string;
  bytes: Uint8Array | string;
}

export interface PrecacheEntry {
  path: string;
  sha256: string;
}

export const WORKER_FILE = 'sw.js';
export const WORKER_SOURCE = fileURLToPath(new URL('../src/offline/service-worker.ts', import.meta.url));
/** The pages every precache must hold: a cache without them could not start the game offline. */
export const PAGES = ['index.html', 'class.html'] as const;

/** Not precached: the compressed copies (the cache holds the files), source maps, hidden files, the worker itself. */
export function isExcluded(path: string): boolean {
  return /(^|\/)\./.test(path) || /\.(br|gz|map)$/.test(path) || path === WORKER_FILE;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The files to precache, each with its SHA-256, in path order (the same build gives the same list). */
export function precacheList(files: readonly BuildFile[]): PrecacheEntry[] {
  const entries = files
    .filter((f) => !isExcluded(f.path))
    .map((f) => ({ path: f.path, sha256: sha256(f.bytes) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const page of PAGES)
    if (!entries.some((e) => e.path === page))
      throw new Error(`service worker: the build has no ${page}, so it cannot start offline.`);
  return entries;
}

/**
 * The build's version: a hash of every precached path and its content, and of the worker's own code. Any change to
 * any file is a new version, hence a new cache; the same build always gives the same version.
 */
export function buildVersion(entries: readonly PrecacheEntry[], workerCode = ''): string {
  const lines = entries.map((e) => `${e.path} ${e.sha256}`);
  lines.push(`${WORKER_FILE} ${sha256(workerCode)}`);
  return sha256(lines.join('\n')).slice(0, 16);
}

/** Stands for the version in the bundled code until the code itself has been hashed. */
const VERSION_MARK = '@@crisis-table-version@@';

/** The worker, bundled with its precache list written in: the text of sw.js. */
export async function bundleWorker(
  entries: readonly PrecacheEntry[],
  source = WORKER_SOURCE,
): Promise<string> {
  const result = await esbuild({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { __PRECACHE__: JSON.stringify({ version: VERSION_MARK, files: entries }) },
  });
  const code = result.outputFiles[0]?.text;
  if (!code?.includes(VERSION_MARK))
    throw new Error('service worker: the bundled worker lost its version mark.');
  return code.replaceAll(VERSION_MARK, buildVersion(entries, code));
}

/** Every file under a folder, with its path relative to the folder. */
export function filesUnder(dir: string, root = dir): BuildFile[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, root);
    return entry.isFile()
      ? [{ path: relative(root, path).split(sep).join('/'), bytes: readFileSync(path) }]
      : [];
  });
}

/**
 * Writes sw.js for a build already on disk (every file under `dir`): the browser tests use it to make a "new build"
 * from a copy of one. Returns the new version.
 */
export async function writeServiceWorker(dir: string): Promise<string> {
  const code = await bundleWorker(precacheList(filesUnder(dir)));
  writeFileSync(join(dir, WORKER_FILE), code);
  return workerVersion(code);
}

/** The version written in a sw.js. */
export function workerVersion(code: string): string {
  const version = /version:"([0-9a-f]{16})"/.exec(code)?.[1];
  if (!version) throw new Error('service worker: no version found in this sw.js.');
  return version;
}

/** The Vite plugin: after the build is written, sw.js beside it (before the precompress plugin compresses it). */
export function serviceWorkerPlugin(): Plugin {
  let outDir = 'dist';
  let publicDir = '';
  return {
    name: 'crisis-table:service-worker',
    apply: 'build',
    // Tells the pages where the worker is, in a build only: under `vite` (dev) the name stays undeclared, and
    // the page registers nothing. (Not import.meta.env.PROD: a build run by Vitest has NODE_ENV=test, so PROD
    // is false there, and the browser tests would never see the worker.)
    config(config) {
      return { define: { __OFFLINE_WORKER__: JSON.stringify(`${config.base ?? '/'}${WORKER_FILE}`) } };
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.build.copyPublicDir ? config.publicDir : '';
    },
    async writeBundle(options, bundle) {
      // What Rolldown wrote (the pages are assets of the bundle too), and what Vite copied from the public folder.
      const written: BuildFile[] = Object.values(bundle).map((o) => ({
        path: o.fileName,
        bytes: o.type === 'chunk' ? o.code : o.source,
      }));
      const entries = precacheList([...written, ...filesUnder(publicDir)]);
      writeFileSync(join(options.dir ?? outDir, WORKER_FILE), await bundleWorker(entries));
    },
  };
}
