// The built game as the classroom server ships it: the compressed copies the build wrote (brotli, gzip) chosen by
// Accept-Encoding, a year's immutable cache for hashed assets, revalidation for the pages; and the decision of
// `npm run serve` to build only when dist/ is missing or older than its sources.

import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecision } from '../../scripts/ensure-build.ts';
import { precompress } from '../../scripts/precompress.ts';
import { acceptedEncodings, IMMUTABLE } from '../../src/server/static-files.ts';
import { bootClassroom, type TestClassroom } from './support.ts';

const SCRIPT = `export const lines = [${Array.from({ length: 200 }, (_, i) => `"line ${i} of the game"`).join(',')}];\n`;
const PAGE = `<!doctype html><title>class</title><script type="module" src="/assets/class-AbCd1234.js"></script>${'<p>the class page</p>'.repeat(40)}`;
let t: TestClassroom;
let port: number;
let copies: number;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-static-'));
  const dist = join(dataDir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><p>the game</p>');
  writeFileSync(join(dist, 'class.html'), PAGE);
  writeFileSync(join(dist, 'assets', 'class-AbCd1234.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'sound-Zz_9-aB0.opus'), Buffer.alloc(2048, 7));
  copies = await precompress(dist);
  t = await bootClassroom(dataDir, undefined, undefined, { distDir: dist });
  port = t.running.port;
});
afterAll(async () => {
  await t.running.close();
});

function get(
  path: string,
  acceptEncoding?: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed static files', () => {
  it('the build step writes a brotli and a gzip copy of text files only', () => {
    expect(copies).toBe(4); // class.html and the script; index.html is too small, the sound is not text
    const assets = readdirSync(join(t.dataDir, 'dist', 'assets')).sort();
    expect(assets).toEqual([
      'class-AbCd1234.js',
      'class-AbCd1234.js.br',
      'class-AbCd1234.js.gz',
      'sound-Zz_9-aB0.opus',
    ]);
  });

  it('serves a hashed asset as brotli when accepted, with the immutable cache header', async () => {
    const r = await get('/assets/class-AbCd1234.js', 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toContain('Accept-Encoding');
    expect(r.headers['cache-control']).toBe(IMMUTABLE);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(r.body).toString()).toBe(SCRIPT);
    // The security headers of the server are still there.
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toBeDefined();
    // What the server varied on before (its CORS answers) is kept beside it.
    const plain = await get('/assets/sound-Zz_9-aB0.opus');
    for (const v of String(plain.headers.vary ?? '')
      .split(/,\s*/)
      .filter(Boolean))
      expect(r.headers.vary).toContain(v);
  });

  it('serves gzip to a browser without brotli, and the file as it is to one that accepts neither', async () => {
    const g = await get('/assets/class-AbCd1234.js', 'gzip');
    expect(g.headers['content-encoding']).toBe('gzip');
    expect(g.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(g.body).toString()).toBe(SCRIPT);

    const refused = await get('/assets/class-AbCd1234.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.headers.vary).toContain('Accept-Encoding');
    expect(refused.body.toString()).toBe(SCRIPT);

    const none = await get('/assets/class-AbCd1234.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(Number(none.headers['content-length'])).toBe(SCRIPT.length);
    expect(none.body.toString()).toBe(SCRIPT);
  });

  it('HEAD gives the length of what GET would send', async () => {
    const r = await get('/assets/class-AbCd1234.js', 'br', 'HEAD');
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBeLessThan(SCRIPT.length);
    expect(r.body.length).toBe(0);
  });

  it('serves the pages compressed with no-cache, under the addresses that lead to them', async () => {
    for (const path of ['/join/ABCD', '/class', '/class.html']) {
      const r = await get(path, 'br, gzip');
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(r.body).toString()).toBe(PAGE);
    }
    // The game's page (too small to compress), also for an address without a file.
    for (const path of ['/', '/room/ABCD']) {
      const r = await get(path, 'br, gzip');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).toContain('the game');
    }
  });

  it('a hashed asset without text is immutable and not compressed', async () => {
    const r = await get('/assets/sound-Zz_9-aB0.opus', 'br, gzip');
    expect(r.headers['cache-control']).toBe(IMMUTABLE);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary ?? '').not.toContain('Accept-Encoding');
    expect(r.body.length).toBe(2048);
  });

  it('reads Accept-Encoding with its weights and wildcard', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0, *')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('BR;q=0.5')).toEqual(['br']);
  });
});

describe('npm run serve builds only when the build is stale', () => {
  const built = { 'index.html': 2_000, 'class.html': 2_100 };
  it('builds when dist/ is missing, or a page of it', () => {
    expect(buildDecision({ 'index.html': null, 'class.html': null }, { src: 1_000 }).build).toBe(true);
    expect(buildDecision({ 'index.html': 2_000, 'class.html': null }, { src: 1_000 })).toEqual({
      build: true,
      why: 'dist/class.html is missing',
    });
  });

  it('does not build when every source is older than the older built page', () => {
    expect(
      buildDecision(built, { 'src/main.ts': 1_999, 'scenarios/x.yaml': 1_000, 'package.json': 500 }).build,
    ).toBe(false);
    expect(buildDecision(built, { 'vite.config.ts': null }).build).toBe(false);
  });

  it('builds when a source changed after the build, and names it', () => {
    expect(buildDecision(built, { 'src/main.ts': 1_000, 'scenarios/baghdad.yaml': 2_050 })).toEqual({
      build: true,
      why: 'scenarios/baghdad.yaml changed after the last build',
    });
    expect(buildDecision(built, { 'package.json': 2_001 }).build).toBe(true);
  });
});
