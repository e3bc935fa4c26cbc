// Two server processes on one Redis: a room opened through one is joined through the other, and when the process
// that holds it dies, the other brings it back from the record in Redis and its clients carry on.
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import { ClassroomClient } from '../../src/session/classroom-client.ts';
import {
  finishTurn,
  freePort,
  midTurnGame,
  type ServerProcess,
  spawnServer,
  startRedis,
  untilLinked,
} from './support.ts';

const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const stop of cleanup.reverse()) stop();
});

const until = untilLinked;

async function serverOn(redisUrl: string): Promise<{ p: ServerProcess; endpoint: string }> {
  const port = await freePort();
  const p = await spawnServer([
    '--port',
    String(port),
    '--redis-url',
    redisUrl,
    '--public-address',
    `127.0.0.1:${port}`,
  ]);
  cleanup.push(() => p.kill());
  return { p, endpoint: `http://127.0.0.1:${port}` };
}

describe('two processes on Redis', () => {
  it('share rooms, and one recovers a room whose process died', async () => {
    await ensureWebSocketGlobal();
    const redis = await startRedis();
    cleanup.push(redis.stop);
    const a = await serverOn(redis.url);
    const b = await serverOn(redis.url);

    // Opened through one process, joined through the other: the seats are reserved across Redis and each device
    // reaches the process that holds the room.
    const game = await midTurnGame(a.endpoint, b.endpoint, 21);
    const { code, key, facilitator, before } = game;
    expect(a.p.lines.some((l) => l.includes(`room ${code}: opened`))).toBe(true);
    expect(b.p.lines.some((l) => l.includes(`room ${code}`))).toBe(false);

    a.p.kill('SIGKILL');
    await a.p.stopped;
    // The teacher reloads the console through the process still running; the students' devices come back alone.
    const console2 = new ClassroomClient<ConsoleClientView | SeatClientView>({
      endpoint: b.endpoint,
      giveUpAfterMs: 60_000,
    });
    await expect
      .poll(
        async () => {
          await fetch(`${b.endpoint}/api/rooms/${code}/ensure`, { method: 'POST' });
          return console2.join(code, {}, { code, role: 'facilitator', key }).then(
            () => true,
            () => false,
          );
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    const after = await until<ConsoleClientView>(console2, (v) => v.kind === 'console', 'the console on b');
    expect(after.accepted).toBe(before.accepted);
    expect(after.seats.find((s) => s.actor === 'pm')?.status).toBe('submitted');
    expect(b.p.lines.some((l) => l.includes(`room ${code}: brought back from its record`))).toBe(true);

    await finishTurn(game);
    for (const c of [facilitator, console2, game.pm, game.fw]) await c.close();
  }, 120_000);
});
