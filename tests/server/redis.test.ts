// Two server processes on one Redis: a room opened through one is joined through the other, and when the process
// that holds it dies, the other brings it back from the record in Redis and its clients carry on.
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import { ClassroomClient } from '../../src/session/classroom-client.ts';
import { freePort, type ServerProcess, spawnServer, startRedis } from './support.ts';

const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const stop of cleanup.reverse()) stop();
});

async function until<T>(client: ClassroomClient, test: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (!(client.view && client.status === 'connected' && test(client.view as T))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (status ${client.status})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return client.view as T;
}

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

    const key = 'redis-facilitator-key-0001';
    const facilitator = new ClassroomClient<ConsoleClientView | SeatClientView>({
      endpoint: a.endpoint,
      giveUpAfterMs: 5_000,
    });
    const { code } = await facilitator.open({
      scenario: 'baghdad-2021',
      seed: 21,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key,
    });
    expect(a.p.lines.some((l) => l.includes(`room ${code}: opened`))).toBe(true);
    expect(b.p.lines.some((l) => l.includes(`room ${code}`))).toBe(false);

    // Joined through the other process: the seat is reserved across Redis and the device reaches the room's own.
    const pm = new ClassroomClient<ConsoleClientView | SeatClientView>({
      endpoint: b.endpoint,
      giveUpAfterMs: 60_000,
    });
    const fw = new ClassroomClient<ConsoleClientView | SeatClientView>({
      endpoint: b.endpoint,
      giveUpAfterMs: 60_000,
    });
    await pm.join(code, { role: 'student', seat: 'pm' });
    await fw.join(code, { role: 'student', seat: 'framework' });
    expect(await facilitator.request('command', { command: { type: 'game.start' } })).toMatchObject({
      ok: true,
    });
    const seat = await until<SeatClientView>(
      pm,
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'a decision',
    );
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;
    expect(
      (await pm.request('command', { command: { type: 'decision.submit', actor: 'pm', option } })).ok,
    ).toBe(true);
    const before = await until<ConsoleClientView>(
      facilitator,
      (v) => v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
      'pm submitted',
    );

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

    const fwSeat = await until<SeatClientView>(
      fw,
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'fw back',
    );
    const fwOption = fwSeat.situation.decision!.options.find((o) => o.open)!.id;
    expect(
      await fw.request('command', {
        command: { type: 'decision.submit', actor: 'framework', option: fwOption },
      }),
    ).toMatchObject({ ok: true });
    await until<SeatClientView>(
      pm,
      (v) => v.kind === 'seat' && v.situation.turn.index === before.view.turn.index + 1,
      'next turn',
    );
    for (const c of [facilitator, console2, pm, fw]) await c.close();
  }, 120_000);
});
