// A server killed mid-turn (SIGKILL) and started again: every room comes back at the same command from its
// record in SQLite, and the clients come back to their seats and carry on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView } from '../../src/present/classroom-screens.ts';
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
    await finishTurn(game);
    for (const c of [facilitator, game.pm, game.fw]) await c.close();
    second.kill('SIGTERM');
  }, 90_000);
});
