// `npm run serve -- --processes N` (issue 18): the launcher's processes share one Redis, new rooms go to the process
// with the fewest, each room's devices reach the process that holds it, and a room outlives its process. Without
// redis-server on PATH and no --redis-url, the launcher refuses in one line.
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SeatClientView } from '../../src/present/classroom-screens.ts';
import { readSettings } from '../../src/server/main.ts';
import { NO_REDIS, processCount } from '../../src/server/processes.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import {
  finishTurn,
  freePort,
  type MidTurn,
  midTurnGame,
  spawnServer,
  startRedis,
  untilLinked,
} from './support.ts';

// Two processes start at once, each loading every scenario: on a loaded 2-core machine that takes a while.
const START_MS = 90_000;
const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const stop of cleanup.reverse()) stop();
});

/** A free loopback port whose next port is free too. */
async function twoFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port + 1, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (next && port < 65535) return port;
  }
}

/** Both teams of a game decide; each device then holds the next turn. */
async function bothDecide(game: MidTurn): Promise<void> {
  const turn = async (link: MidTurn['pm'], actor: string) => {
    const seat = await untilLinked<SeatClientView>(
      link,
      (v) => v.kind === 'seat' && v.situation.decision !== null && v.status === 'deciding',
      `${actor} deciding`,
      60_000,
    );
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;
    const reply = await link.request('command', { command: { type: 'decision.submit', actor, option } });
    if (!reply.ok) throw new Error(reply.message);
    return seat.situation.turn.index;
  };
  const index = await turn(game.pm, 'pm');
  await turn(game.fw, 'framework');
  await untilLinked<SeatClientView>(
    game.pm,
    (v) => v.kind === 'seat' && v.situation.turn.index === index + 1,
    'the turn after',
  );
}

/** What a WebSocket upgrade to `host` from a page of `origin` is answered: 101 when it opens, else the status. */
async function upgradeStatus(host: string, origin: string): Promise<number> {
  const { WebSocket } = await import('ws');
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${host}/`, { headers: { Origin: origin } });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => resolve(0));
  });
}

describe('the launcher: settings', () => {
  it('reads --processes and PROCESSES, auto being the cores but one', () => {
    expect(processCount(undefined, 4)).toBe(1);
    expect(processCount('auto', 4)).toBe(3);
    expect(processCount('auto', 1)).toBe(1);
    expect(processCount('3', 2)).toBe(3);
    expect(() => processCount('0')).toThrow(/whole number from 1/);
    expect(() => processCount('two')).toThrow(/not two/);
    const flag = readSettings(['--processes', '2'], {});
    const env = readSettings([], { PROCESSES: '2' });
    expect(flag !== 'help' && flag.processes).toBe(2);
    expect(env !== 'help' && env.processes).toBe(2);
    expect(() => readSettings(['--processes', '2', '--public-address', 'a:1'], {})).toThrow(/--join-address/);
  });
});

describe('the launcher: several processes on one Redis', () => {
  it('spreads two rooms over two processes; each room plays; a room outlives its process', async () => {
    await ensureWebSocketGlobal();
    const redis = await startRedis();
    cleanup.push(redis.stop);
    const port = await twoFreePorts();
    const args = ['--port', String(port), '--processes', '2', '--redis-url', redis.url];
    const launcher = await spawnServer(args, {}, START_MS);
    cleanup.push(() => launcher.kill('SIGTERM'));
    const endpoint = `http://127.0.0.1:${port}`;
    // The launcher prints the first process's address only.
    await expect
      .poll(() => launcher.lines.filter((l) => /^ {2}http/.test(l)).map((l) => l.split(' ')[2]))
      .toEqual([`${endpoint}/class`]);

    // A page from the first process may open its room's socket on the second (a page of another site may not), and
    // its policy lets it.
    const second = `127.0.0.1:${port + 1}`;
    expect(await upgradeStatus(second, endpoint)).not.toBe(403);
    expect(await upgradeStatus(second, 'http://class.example.org')).toBe(403);
    const csp = (await fetch(`${endpoint}/api/scenarios`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`ws://${second}`);

    // Both rooms opened and joined through the first process's address: the second goes to the other process.
    const a = await midTurnGame(endpoint, endpoint, 41);
    const b = await midTurnGame(endpoint, endpoint, 42);
    const holder = (code: string) =>
      launcher.lines.find((l) => l.includes(`room ${code}: opened`))?.match(/^\[(p\d)\]/)?.[1];
    expect(holder(a.code)).toBe('p1');
    expect(holder(b.code)).toBe('p2');
    await finishTurn(a);
    await finishTurn(b);

    // Process 2 dies: the launcher says so and starts it again; room b comes back from its record in Redis when
    // its devices reconnect, and its teams play on.
    const pid = Number(launcher.lines.find((l) => l.includes('process 2 of 2'))?.match(/pid (\d+)/)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await expect
      .poll(
        () =>
          launcher.lines.some((l) => /process 2 \(port \d+, pid \d+\) stopped .*starting it again/.test(l)),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await bothDecide(b);
    // The line comes through two pipes (the process's, then the launcher's): it may trail the devices' views.
    await expect
      .poll(() => launcher.lines.some((l) => l.includes(`room ${b.code}: brought back from its record`)))
      .toBe(true);
    await bothDecide(a);
    for (const g of [a, b]) for (const c of [g.facilitator, g.pm, g.fw]) await c.close();

    launcher.kill('SIGTERM');
    expect(await launcher.stopped).toBe(0);
  }, 240_000);

  it('starts its own redis-server when none is given, and stops it with the processes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-launch-'));
    const port = await twoFreePorts();
    const launcher = await spawnServer(
      ['--port', String(port), '--processes', '2', '--data-dir', dataDir],
      {},
      START_MS,
    );
    cleanup.push(() => launcher.kill('SIGKILL'));
    const url = launcher.lines
      .find((l) => l.includes('share their rooms through Redis at'))
      ?.match(/redis:\/\/\S+/)?.[0];
    expect(url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);
    const pids = launcher.lines.flatMap(
      (l) => (/listens on port \d+ \(pid (\d+)\)/.exec(l)?.[1] ?? []) as string[],
    );
    expect(pids).toHaveLength(2);
    launcher.kill('SIGTERM');
    expect(await launcher.stopped).toBe(0);
    // The processes and the redis-server are gone: nothing answers on Redis's port any more.
    for (const pid of pids) expect(() => process.kill(Number(pid), 0)).toThrow();
    const redisPort = Number(new URL(url!).port);
    const open = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(redisPort, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    expect(open).toBe(true);
  }, 200_000);

  it('refuses in one line without redis-server on PATH and no --redis-url', async () => {
    const { spawnSync } = await import('node:child_process');
    const emptyPath = mkdtempSync(join(tmpdir(), 'crisis-table-no-redis-'));
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', '--processes', '2', '--port', '2567', '--host', '127.0.0.1'],
      { env: { ...process.env, PATH: emptyPath }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`serve: ${NO_REDIS}`]);
  }, 200_000);
});
