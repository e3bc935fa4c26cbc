// The server's HTTP as a stranger meets it: bodies over the limit refused before they are read (while another room
// plays on), rooms and code guesses limited per address, one sentence for a malformed address, the security
// headers, CORS only for the server's own origin, no symbolic link out of dist/, and a clear exit at start-up.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHeaders } from '../../src/session/classroom-client.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, openRoom, type TestClassroom } from './support.ts';

const STYLE = 'body { color: red; }';
let t: TestClassroom;
let base: string;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-http-'));
  const dist = join(dataDir, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), `<!doctype html><style>${STYLE}</style><p>the game</p>`);
  writeFileSync(join(dataDir, 'secret.txt'), 'SECRET OUTSIDE DIST');
  symlinkSync(join(dataDir, 'secret.txt'), join(dist, 'link.txt'));
  t = await bootClassroom(dataDir, undefined, undefined, {
    distDir: dist,
    limits: { roomsPerAddress: 3, guessesPerMinute: 5, logEveryMs: 200 },
  });
  base = `http://127.0.0.1:${t.running.port}`;
});
afterAll(async () => {
  await t.running.close();
});

let kept: { code: string } | null = null;

const room = (seed: number) => openRoom(t, seed, 'http', false);

/** One raw exchange: the path as written (no re-encoding), and a body offered in chunks until the server answers. */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; chunks?: number; chunk?: Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: t.running.port, method, path, headers: options.headers ?? {} },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const { chunk, chunks = 0 } = options;
    let sent = 0;
    const pump = () => {
      while (!answered && sent < chunks && !req.destroyed) {
        sent++;
        if (!req.write(chunk!)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && !req.destroyed) req.end();
    };
    if (chunk) pump();
    else req.end();
  });
}

const oneSentence = (body: string) => {
  expect(body).not.toMatch(/\bat \S+ \(|\.ts:|\/work\/|node_modules/);
  expect(body.split('\n')).toHaveLength(1);
};

describe('the HTTP gate', () => {
  it('answers an oversized body 413 before reading it, while another room plays on', async () => {
    const { f } = await room(61);
    expect(await f.request('command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    const rssBefore = process.memoryUsage().rss;
    const mb = Buffer.alloc(1024 * 1024, 'x');
    // Declared: 5 MB on a join, refused on its Content-Length.
    const declared = raw('POST', '/matchmake/joinById/ZZZZZZ', {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(5 * mb.length) },
      chunk: mb,
      chunks: 5,
    });
    // Chunked (no length): 64 MB offered, refused once the first bytes pass the limit.
    const chunked = raw('POST', '/matchmake/joinById/ZZZZZZ', {
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      chunk: mb,
      chunks: 64,
    });
    // A create without a fork may not be large either; with a fork's size declared past the big limit, neither.
    const create = raw('POST', '/matchmake/create/classroom', {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(64 * mb.length) },
      chunk: mb,
      chunks: 64,
    });
    const paused = (await f.request('command', { command: { type: 'game.pause' } })) as Reply;
    const [a, b, c] = await Promise.all([declared, chunked, create]);
    for (const r of [a, b, c]) {
      expect(r.status).toBe(413);
      oneSentence(r.body);
      expect(JSON.parse(r.body).message).toMatch(/too large/);
    }
    expect(paused).toMatchObject({ ok: true });
    expect(await f.request('command', { command: { type: 'game.resume' } })).toMatchObject({ ok: true });
    // 133 MB were offered; the server held at most a few of them.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * 1024 * 1024);
    await f.leave();
  });

  it('refuses a room past the per-address limit, in one sentence', async () => {
    // The first test opened one room; the limit is three.
    kept = await room(62);
    await room(63);
    const refused = await raw('POST', '/matchmake/create/classroom', {
      headers: { 'Content-Type': 'application/json' },
      chunk: Buffer.from(
        JSON.stringify({
          role: 'facilitator',
          scenario: 'baghdad-2021',
          seed: 64,
          seats: { pm: 'person' },
          autoResolve: false,
          key: 'http-facilitator-key-6400',
        }),
      ),
      chunks: 1,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    oneSentence(refused.body);
    expect(JSON.parse(refused.body).message).toMatch(/rooms in the last 10 minutes/);
  });

  it('answers a malformed address with one sentence', async () => {
    for (const [method, path] of [
      ['GET', '/api/rooms/%E0%A4%A/export?format=json'],
      ['POST', '/api/rooms/%E0%A4%A/ensure'],
      ['GET', '/%E0%A4%A'],
    ] as const) {
      const r = await raw(method, path);
      expect(r.status).toBe(400);
      oneSentence(r.body);
    }
    for (const path of ['/matchmake/create/%E0%A4%A', '/matchmake/joinById/%E0%A4%A']) {
      const r = await raw('POST', path, {
        headers: { 'Content-Type': 'application/json' },
        chunk: Buffer.from('{}'),
        chunks: 1,
      });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      oneSentence(r.body);
    }
    expect(t.log.filter((l) => l.includes('URI'))).toHaveLength(0);
  });

  it('sends the security headers, and CORS to no foreign origin', async () => {
    const page = await raw('GET', '/class/ABCDEF', { headers: { Origin: 'http://evil.example' } });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain(`ws://127.0.0.1:${t.running.port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-powered-by']).toBeUndefined();
    for (const r of [
      page,
      await raw('GET', '/api/health', { headers: { Origin: 'http://evil.example' } }),
      await raw('OPTIONS', '/matchmake/joinById/ABCDEF', {
        headers: {
          Origin: 'http://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      }),
    ]) {
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      expect(r.headers['access-control-allow-credentials']).toBeUndefined();
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    // A WebSocket opened by another site's page is refused at the handshake.
    const { WebSocket } = await import('ws');
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${t.running.port}/anything`, {
        origin: 'http://evil.example',
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => resolve(-1));
    });
    expect(refused).toBe(403);
    // Its own origin may; the health figures are for this machine (the bench reads them on loopback).
    const own = await raw('GET', '/api/health', { headers: { Origin: base } });
    expect(own.headers['access-control-allow-origin']).toBe(base);
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, rooms: expect.any(Number) });
  });

  it('does not follow a symbolic link out of dist/', async () => {
    const r = await raw('GET', '/link.txt');
    expect(r.body).not.toContain('SECRET');
    expect(r.body).toContain('the game');
  });

  it('brings an ended room back only for its facilitator', async () => {
    // The room of the limit test above: played to its end, then let go from memory.
    const { code } = kept!;
    const key = 'http-facilitator-key-6200';
    const f = await t.harness.sdk.joinById(code, { role: 'facilitator', key });
    expect(await f.request('command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    expect(await f.request('command', { command: { type: 'game.end' } })).toMatchObject({ ok: true });
    await f.leave();
    await matchMaker.getLocalRoomById(code)?.disconnect();
    expect(await matchMaker.query({ roomId: code })).toHaveLength(0);
    const stranger = await raw('POST', `/api/rooms/${code}/ensure`);
    expect(stranger.status).toBe(410);
    oneSentence(stranger.body);
    expect(await matchMaker.query({ roomId: code })).toHaveLength(0);
    const wrong = await raw('POST', `/api/rooms/${code}/ensure`, {
      headers: { 'X-Facilitator-Key': 'not-the-key-0123456' },
    });
    expect(wrong.status).toBe(410);
    // The headers the facilitator's own client sends (src/session/classroom-client.ts), as a reload sends them.
    const own = await raw('POST', `/api/rooms/${code}/ensure`, { headers: ensureHeaders(key) });
    expect(own.status).toBe(200);
    expect(ensureHeaders(undefined)).toEqual({});
  });

  // Last: it spends this address's allowance of wrong codes for the minute.
  it('refuses code guesses past the rate, even for a right code', async () => {
    const { code } = kept!;
    const guess = (c: string) =>
      raw('POST', `/matchmake/joinById/${c}`, {
        headers: { 'Content-Type': 'application/json' },
        chunk: Buffer.from('{"role":"projector"}'),
        chunks: 1,
      });
    for (const c of ['QQQQQQ', 'QQQRQQ', 'QQQSQQ']) expect((await guess(c)).status).not.toBe(200);
    const ensured = await raw('POST', '/api/rooms/QQQTQQ/ensure');
    expect(ensured.status).toBe(404);
    expect((await guess('QQQUQQ')).status).not.toBe(200);
    // Five wrong codes: the sixth request is refused, the right code too, and so is ensure.
    for (const r of [
      await guess('QQQVQQ'),
      await guess(code),
      await raw('POST', `/api/rooms/${code}/ensure`),
    ]) {
      expect(r.status).toBe(429);
      expect(r.headers['retry-after']).toMatch(/^\d+$/);
      oneSentence(r.body);
    }
    // The log counts them (one line per period, however the requests fell across periods) and never names a code.
    const sum = (re: RegExp) =>
      t.log
        .filter((l) => l.startsWith('code guesses in the last minute'))
        .reduce((n, l) => n + Number(re.exec(l)?.[1] ?? 0), 0);
    await expect.poll(() => sum(/, (\d+) refused/), { timeout: 30_000 }).toBe(3);
    expect(sum(/: (\d+) wrong code/)).toBe(5);
    expect(t.log.join('\n')).not.toContain('QQQ');
  });
});

describe('start-up', () => {
  async function run(args: string[], env: Record<string, string> = {}) {
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', ...args],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, 45_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    return { code, lines: out.split('\n').filter((l) => l.trim() !== '') };
  }

  it('exits non-zero with one line when the port is in use, or DATA_DIR is unusable', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-port-'));
    try {
      const inUse = await run(['--port', String(port), '--data-dir', dataDir]);
      expect(inUse.code).toBe(1);
      expect(inUse.lines).toEqual([
        `serve: port ${port} is in use (another server?): pick another with --port`,
      ]);
    } finally {
      holder.close();
    }
    const proc = await run(['--port', '0', '--data-dir', '/proc/crisis-table-nope']);
    expect(proc.code).toBe(1);
    expect(proc.lines).toHaveLength(1);
    expect(proc.lines[0]).toMatch(/^serve: DATA_DIR \/proc\/crisis-table-nope is under \/proc/);
  }, 100_000);
});
