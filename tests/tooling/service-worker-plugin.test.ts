// The service worker's build-time parts (scripts/service-worker-plugin.ts) and its routing rules
// (src/offline/offline-routes.ts): what is precached, the build's version, and what the worker leaves alone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BuildFile,
  buildVersion,
  bundleWorker,
  isExcluded,
  precacheList,
  serviceWorkerPlugin,
} from '../../scripts/service-worker-plugin.ts';
import { cacheName, pageFor, pathInScope, staleCaches } from '../../src/offline/offline-routes.ts';

const ROOT = process.cwd();
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const BUILD: BuildFile[] = [
  { path: 'index.html', bytes: '<!doctype html><title>game</title>' },
  { path: 'class.html', bytes: '<!doctype html><title>class</title>' },
  { path: 'assets/main-AbCdEf12.js', bytes: 'console.log(1)' },
  { path: 'assets/session-module-Zz99Yy88.js', bytes: 'export const scenario = 1' },
  { path: 'assets/theme-Qw12Er34.css', bytes: 'body{}' },
  { path: 'assets/music-bed-P_snL5xU.opus', bytes: new Uint8Array([1, 2, 3]) },
  { path: 'manifest.webmanifest', bytes: '{}' },
  { path: 'icons/icon-192.png', bytes: new Uint8Array([137, 80, 78, 71]) },
];

describe('the precache list', () => {
  it('holds every file of the build but the compressed copies, source maps, hidden files and sw.js itself', () => {
    for (const path of ['index.html', 'assets/a-12345678.js', 'assets/b.woff2', 'icons/icon-512.png'])
      expect(isExcluded(path), path).toBe(false);
    for (const path of [
      'index.html.br',
      'assets/a-12345678.js.gz',
      'assets/a.js.map',
      'sw.js',
      '.vite/manifest.json',
    ])
      expect(isExcluded(path), path).toBe(true);
    const extra: BuildFile[] = [
      { path: 'assets/main-AbCdEf12.js.br', bytes: 'x' },
      { path: 'assets/main-AbCdEf12.js.map', bytes: '{}' },
      { path: 'sw.js', bytes: 'old worker' },
    ];
    expect(precacheList([...BUILD, ...extra]).map((e) => e.path)).toEqual(BUILD.map((f) => f.path).sort());
  });

  it('gives each file the SHA-256 of its bytes, in path order, whatever order the build lists them in', () => {
    const list = precacheList([...BUILD].reverse());
    expect(list).toEqual(precacheList(BUILD));
    expect(list.find((e) => e.path === 'assets/theme-Qw12Er34.css')?.sha256).toBe(
      createHash('sha256').update('body{}').digest('hex'),
    );
    expect(list.find((e) => e.path === 'assets/music-bed-P_snL5xU.opus')?.sha256).toBe(
      createHash('sha256')
        .update(new Uint8Array([1, 2, 3]))
        .digest('hex'),
    );
  });

  it('refuses, in one line, a build without one of its two pages', () => {
    expect(() => precacheList(BUILD.filter((f) => f.path !== 'class.html'))).toThrow(
      'service worker: the build has no class.html, so it cannot start offline.',
    );
  });
});

describe("the build's version", () => {
  const version = buildVersion(precacheList(BUILD), 'worker');

  it('is the same for the same build, and 16 hexadecimal digits', () => {
    expect(buildVersion(precacheList([...BUILD].reverse()), 'worker')).toBe(version);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when any file, any name, the list or the worker changes', () => {
    const changed = (files: BuildFile[], code = 'worker') => buildVersion(precacheList(files), code);
    const scenario = BUILD.map((f) =>
      f.path.startsWith('assets/session-module') ? { ...f, bytes: 'export const scenario = 2' } : f,
    );
    expect(changed(scenario)).not.toBe(version);
    expect(
      changed(BUILD.map((f) => (f.path === 'index.html' ? { ...f, bytes: `${f.bytes} ` } : f))),
    ).not.toBe(version);
    expect(
      changed(
        BUILD.map((f) => (f.path === 'assets/theme-Qw12Er34.css' ? { ...f, path: 'assets/theme.css' } : f)),
      ),
    ).not.toBe(version);
    expect(changed([...BUILD, { path: 'assets/font-Ab12Cd34.woff2', bytes: 'f' }])).not.toBe(version);
    expect(changed(BUILD, 'another worker')).not.toBe(version);
  });
});

describe('the bundled worker (sw.js)', () => {
  it('carries the list and the version, and is the same text for the same build', async () => {
    const list = precacheList(BUILD);
    const code = await bundleWorker(list);
    expect(await bundleWorker(list)).toBe(code);
    const version = /version:"([0-9a-f]{16})"/.exec(code)?.[1];
    expect(version).toBeDefined();
    for (const entry of list) expect(code).toContain(entry.sha256);
    expect(code).not.toContain('@@crisis-table-version@@');
    // A classic script (no import or export left), which every browser with service workers runs.
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const other = await bundleWorker(precacheList(BUILD.slice(0, -1)));
    expect(/version:"([0-9a-f]{16})"/.exec(other)?.[1]).not.toBe(version);
  });
});

describe('what the worker answers', () => {
  const scope = 'http://127.0.0.1:4173/';

  it('gives a navigation the page of its build, and leaves every other navigation to the network', () => {
    expect(pageFor('')).toBe('index.html');
    expect(pageFor('index.html')).toBe('index.html');
    for (const path of ['class.html', 'class', 'class/KQTWMB', 'join/KQTWMB'])
      expect(pageFor(path), path).toBe('class.html');
    for (const path of [
      'api/rooms/KQTWMB/export',
      'matchmake/joinById/KQTWMB',
      'classic',
      'sw.js',
      'assets/x.js',
    ])
      expect(pageFor(path), path).toBeNull();
  });

  it('reads a path inside its scope, ignoring the query, and nothing outside it', () => {
    expect(pathInScope(`${scope}class.html?pass`, scope)).toBe('class.html');
    expect(pathInScope(`${scope}?renderer=canvas`, scope)).toBe('');
    expect(pathInScope('http://127.0.0.1:2567/api/health', scope)).toBeNull();
    expect(pathInScope('http://127.0.0.1:4173/other/x.js', 'http://127.0.0.1:4173/game/')).toBeNull();
    expect(pathInScope(`${scope}assets/%E0%A4%A`, scope)).toBeNull();
  });

  it("deletes every other build's cache on taking over, and no cache that is not the game's", () => {
    const names = [cacheName('aaaa'), cacheName('bbbb'), 'someone-else', cacheName('cccc')];
    expect(staleCaches(names, 'bbbb')).toEqual([cacheName('aaaa'), cacheName('cccc')]);
  });
});

describe("the worker's own compile (tsconfig.worker.json)", () => {
  const tsc = (project: string) =>
    spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', project], { encoding: 'utf8' });

  it('compiles against the WebWorker library', () => {
    const run = tsc(join(ROOT, 'tsconfig.worker.json'));
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('refuses a use of the page (document) in worker code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-lib-'));
    temps.push(dir);
    writeFileSync(join(dir, 'uses-page.ts'), 'export const title = document.title;\n');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(ROOT, 'tsconfig.worker.json'), include: ['uses-page.ts'] }),
    );
    const run = tsc(dir);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(/Cannot find name 'document'/);
  });
});

describe('the plugin in Vite', () => {
  it('runs in a build only, and tells the pages where the worker is', () => {
    const plugin = serviceWorkerPlugin();
    expect(plugin.apply).toBe('build');
    const config = plugin.config as (c: { base?: string }) => { define: Record<string, string> };
    expect(config({}).define).toEqual({ __OFFLINE_WORKER__: '"/sw.js"' });
    expect(config({ base: '/game/' }).define).toEqual({ __OFFLINE_WORKER__: '"/game/sw.js"' });
  });
});
