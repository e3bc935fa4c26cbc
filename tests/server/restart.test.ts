// A server killed mid-turn (SIGKILL) and started again: every room comes back at the same command from its
// record in SQLite, and the clients come back to their seats and carry on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import {
  finishTurn,
  freePort,
  midTurnGame,
  type ServerProcess,
  spawnServer,
  untilLinked,
} from './support.ts';

const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) p.kill();
});

const until = untilLinked;

describe('a restarted server', () => {
  it('brings every room back at the same command, and its clients carry on', async () => {
    await ensureWebSocketGlobal();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-restart-'));
    const args = ['--port', String(port), '--data-dir', dataDir];
    const first = await spawnServer(args);
    running.push(first);
    const endpoint = `http://127.0.0.1:${port}`;

    const game = await midTurnGame(endpoint, endpoint, 11);
    const { code, facilitator, before } = game;
    // The framework's team has a proposal but has not confirmed it: it is a command in the record.
    const fwSeat = await until<SeatClientView>(
      game.fw,
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'the framework deciding',
    );
    const proposal = fwSeat.situation.decision!.options.find((o) => o.open)!.id;
    expect(await game.fw.request('proposal', { kind: 'set', option: proposal })).toMatchObject({ ok: true });
    const proposed = await until<ConsoleClientView>(
      facilitator,
      (v) => v.accepted === before.accepted + 1,
      'the proposal written',
    );

    first.kill('SIGKILL');
    await first.stopped;
    const second = await spawnServer(args);
    running.push(second);
    expect(second.lines.some((l) => l.includes(`room ${code} is back`))).toBe(true);

    // Every client comes back by itself, to the same command, the same seats, the pm's decision still in.
    const after = await until<ConsoleClientView>(
      facilitator,
      (v) =>
        v.accepted === proposed.accepted && v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
      'the console back at the same command',
    );
    expect(after.view.turn.index).toBe(before.view.turn.index);
    // The team's proposal is back: a device that joins the team only now sees it, ready to confirm.
    const { ClassroomClient } = await import('../../src/session/classroom-client.ts');
    const { seatCode } = await import('../../src/server/room-rules.ts');
    const newcomer = new ClassroomClient<SeatClientView>({ endpoint, giveUpAfterMs: 30_000 });
    await newcomer.join(code, { role: 'student', seatCode: seatCode(game.key, code, 'framework') });
    const fwBack = await until<SeatClientView>(
      newcomer,
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'a new device at the framework seat',
    );
    expect(fwBack.proposal).toBe(proposal);
    expect(fwBack.canConfirm).toBe(true);
    await newcomer.close();
    await finishTurn(game);
    for (const c of [facilitator, game.pm, game.fw]) await c.close();
    second.kill('SIGTERM');
  }, 90_000);
});
