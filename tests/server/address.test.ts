// Where students reach the server: `npm run serve` prints the class page at the school network's address first and
// loopback last, and /api/address gives the console and the projector the same list (PUBLIC_ADDRESS first when
// set), through the server's HTTP guard and security headers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Interfaces, isLoopbackHost, serverUrls } from '../../src/server/addresses.ts';
import { readSettings, startLines } from '../../src/server/main.ts';
import { bootClassroom, freePort, spawnServer, type TestClassroom } from './support.ts';

const LAPTOP: Interfaces = {
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
  docker0: [{ address: '172.17.0.1', family: 'IPv4', internal: false }],
  wlan0: [
    { address: '169.254.3.4', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
  eth0: [{ address: '203.0.113.9', family: 'IPv4', internal: false }],
  wifi: [{ address: '192.168.1.20', family: 'IPv4', internal: false }],
};

describe('the order of the addresses', () => {
  it('puts private network addresses first, link-local after the others, a container bridge after those, loopback last', () => {
    expect(serverUrls(2567, '0.0.0.0', null, LAPTOP)).toEqual([
      'http://192.168.1.20:2567',
      'http://203.0.113.9:2567',
      'http://169.254.3.4:2567',
      'http://172.17.0.1:2567',
      'http://localhost:2567',
    ]);
  });

  it('gives only localhost on a machine with no network', () => {
    expect(serverUrls(2567, '0.0.0.0', null, { lo: LAPTOP.lo })).toEqual(['http://localhost:2567']);
  });

  it('puts PUBLIC_ADDRESS first, and keeps loopback last even when it is the host', () => {
    expect(serverUrls(80, '127.0.0.1', 'class.school.example:2567', LAPTOP)).toEqual([
      'http://class.school.example:2567',
      'http://127.0.0.1:80',
    ]);
    expect(serverUrls(80, '0.0.0.0', 'https://class.example/', { lo: LAPTOP.lo })).toEqual([
      'https://class.example',
      'http://localhost:80',
    ]);
    expect(serverUrls(2567, '10.0.0.5', null, LAPTOP)).toEqual(['http://10.0.0.5:2567']);
  });

  it('puts JOIN_ADDRESS (in front of every process) before PUBLIC_ADDRESS (this process behind it)', () => {
    expect(
      serverUrls(2567, '10.0.0.5', ['https://class.school.example', 'class.school.example/p1'], LAPTOP),
    ).toEqual(['https://class.school.example', 'http://class.school.example/p1', 'http://10.0.0.5:2567']);
    expect(serverUrls(2567, '10.0.0.5', [null, 'class.school.example/p1'], LAPTOP)[0]).toBe(
      'http://class.school.example/p1',
    );
  });

  it('reads the join address from the command line or JOIN_ADDRESS', () => {
    const flag = readSettings(['--join-address', 'class.school.example'], {});
    const env = readSettings([], { JOIN_ADDRESS: 'https://class.school.example' });
    expect(flag !== 'help' && flag.joinAddress).toBe('class.school.example');
    expect(env !== 'help' && env.joinAddress).toBe('https://class.school.example');
    const none = readSettings([], {});
    expect(none !== 'help' && none.joinAddress).toBeNull();
  });

  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'app.localhost'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['192.168.1.20', '10.0.0.1', 'class.example', '[fe80::1]'])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('prints the class page, the network address first, loopback marked as this computer only', () => {
    const lines = startLines(serverUrls(2567, '0.0.0.0', null, LAPTOP), 2567);
    expect(lines[0]).toContain('classroom server on port 2567');
    expect(lines[1]).toBe('  http://192.168.1.20:2567/class');
    expect(lines.at(-1)).toMatch(/^ {2}http:\/\/localhost:2567\/class +\(this computer only/);
  });
});

describe('GET /api/address', () => {
  let t: TestClassroom;
  beforeAll(async () => {
    t = await bootClassroom(undefined, undefined, undefined, { publicAddress: 'class.school.example:2567' });
  });
  afterAll(async () => {
    await t.running.close();
  });

  it('answers the addresses students reach, as JSON with the security headers', async () => {
    const r = await fetch(`http://127.0.0.1:${t.running.port}/api/address`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.json()).toEqual({
      urls: ['http://class.school.example:2567', `http://127.0.0.1:${t.running.port}`],
    });
  });

  it('refuses other methods as the other routes do', async () => {
    const r = await fetch(`http://127.0.0.1:${t.running.port}/api/address`, { method: 'POST', body: '{}' });
    expect(r.status).not.toBe(200);
  });
});

describe('npm run serve', () => {
  it('prints the class page, PUBLIC_ADDRESS first and loopback last', async () => {
    const port = await freePort();
    const server = await spawnServer(
      ['--port', String(port), '--data-dir', mkdtempSync(join(tmpdir(), 'crisis-address-'))],
      { PUBLIC_ADDRESS: `class.school.example:${port}` },
    );
    try {
      const at = server.lines.findIndex((l) => l.includes('classroom server on port'));
      // The addresses follow the first line, perhaps in a later chunk of output.
      await expect.poll(() => server.lines.length).toBeGreaterThanOrEqual(at + 3);
      expect(server.lines.slice(at + 1, at + 3)).toEqual([
        `  http://class.school.example:${port}/class`,
        `  http://127.0.0.1:${port}/class   (this computer only: not for students)`,
      ]);
    } finally {
      server.kill('SIGTERM');
      await server.stopped;
    }
  });
});
