// A server killed mid-turn (SIGKILL) and started again: every room comes back at the same command from its
// record in SQLite, and the clients come back to their seats and carry on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import { ClassroomClient } from '../../src/session/classroom-client.ts';
import { freePort, type ServerProcess, spawnServer } from './support.ts';

const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) p.kill();
});

async function until<T>(client: ClassroomClient, test: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  while (!(client.view && client.status === 'connected' && test(client.view as T))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (status ${client.status})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return client.view as T;
}

describe('a restarted server', () => {
  it('brings every room back at the same command, and its clients carry on', async () => {
    await ensureWebSocketGlobal();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-restart-'));
    const args = ['--port', String(port), '--data-dir', dataDir];
    const first = await spawnServer(args);
    running.push(first);
    const endpoint = `http://127.0.0.1:${port}`;

    const facilitator = new ClassroomClient<ConsoleClientView | SeatClientView>({
      endpoint,
      giveUpAfterMs: 30_000,
    });
    const { code } = await facilitator.open({
      scenario: 'baghdad-2021',
      seed: 11,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: 'restart-facilitator-key-01',
    });
    const pm = new ClassroomClient<ConsoleClientView | SeatClientView>({ endpoint, giveUpAfterMs: 30_000 });
    const fw = new ClassroomClient<ConsoleClientView | SeatClientView>({ endpoint, giveUpAfterMs: 30_000 });
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
    const submitted = await pm.request('command', {
      command: { type: 'decision.submit', actor: 'pm', option },
    });
    expect(submitted.ok).toBe(true);
    const before = await until<ConsoleClientView>(
      facilitator,
      (v) => v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
      'pm submitted',
    );

    first.kill('SIGKILL');
    await first.stopped;
    const second = await spawnServer(args);
    running.push(second);
    expect(second.lines.some((l) => l.includes(`room ${code} is back`))).toBe(true);

    // Every client comes back by itself, to the same command, the same seats, the pm's decision still in.
    const after = await until<ConsoleClientView>(
      facilitator,
      (v) => v.accepted === before.accepted && v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
      'the console back at the same command',
    );
    expect(after.view.turn.index).toBe(before.view.turn.index);
    const fwSeat = await until<SeatClientView>(
      fw,
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'fw back',
    );
    expect(fwSeat.actor).toBe('framework');
    const fwOption = fwSeat.situation.decision!.options.find((o) => o.open)!.id;
    expect(
      await fw.request('command', {
        command: { type: 'decision.submit', actor: 'framework', option: fwOption },
      }),
    ).toMatchObject({ ok: true });
    await until<SeatClientView>(
      pm,
      (v) => v.kind === 'seat' && v.situation.turn.index === before.view.turn.index + 1,
      'the next turn',
    );
    for (const c of [facilitator, pm, fw]) await c.close();
    second.kill('SIGTERM');
  }, 90_000);
});
