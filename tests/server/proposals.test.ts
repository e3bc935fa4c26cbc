// A team's proposal is a command of its seat: the engine checks it, the record keeps it, and a room brought back
// from its record (after it was let go, as after a restart) shows the same proposal to the same team.
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'proposal-facilitator-key-0001';
let t: TestClassroom;
/** The scenario's English name of the framework's seat, as a refusal says it. */
let FRAMEWORK: string;
/** The same of the prime minister's seat. */
let PM: string;

beforeAll(async () => {
  const c = await bundledScenario();
  FRAMEWORK = c.actorById.get('framework')!.name.text;
  PM = c.actorById.get('pm')!.name.text;
  // Rooms nobody is in are let go after 300 ms, so that the test can bring one back from its record.
  t = await bootClassroom(undefined, undefined, 300);
});
afterAll(async () => {
  await t.running.close();
});

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

async function exportedEntries(code: string): Promise<Entry[]> {
  const url = `http://127.0.0.1:${t.running.port}/api/rooms/${code}/export?format=json`;
  const res = await fetch(url, { headers: { 'X-Facilitator-Key': KEY } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: Entry[] }).entries;
}

describe('a team’s proposal', () => {
  it('is refused in one sentence where the seat cannot propose it, kept in the record, and back after the room is', async () => {
    const f = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 23,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: KEY,
    });
    const console_ = new Inbox(f);
    const { code } = await console_.until<ConsoleClientView>((v) => v.kind === 'console');
    const token = async (seat: string) => {
      const room = await t.harness.sdk.joinById(code, {
        role: 'student',
        seat,
        seatCode: seatCode(KEY, code, seat),
      });
      return { room, inbox: new Inbox(room) };
    };
    const pm = await token('pm');
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat');

    // Not deciding yet: the game has not started.
    const early = await request(pm.room, 'proposal', { kind: 'set', option: 'anything' });
    expect(early).toMatchObject({ ok: false, message: 'The game has not started yet.' });

    expect(await request(f, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    const seat = await pm.inbox.until<SeatClientView>((v) => v.situation.decision !== null, 'a decision');
    const options = seat.situation.decision!.options;
    const open = options.find((o) => o.open)!.id;
    const closed = options.find((o) => !o.open)?.id ?? 'not-an-option';

    // A closed option, and a confirmation with nothing proposed: one sentence each, nothing recorded.
    const refusedClosed = await request(pm.room, 'proposal', { kind: 'set', option: closed });
    expect(refusedClosed).toMatchObject({ ok: false, code: 'not-offered' });
    // Said with the scenario's names of the seat and of its options.
    const closedSaid = refusedClosed.ok ? '' : refusedClosed.message;
    expect(closedSaid).toContain(` is not open to ${PM} now (open: `);
    expect(closedSaid).not.toMatch(/\bpm\b|\(open: [a-z-]+[,)]/);
    expect(await request(pm.room, 'proposal', { kind: 'confirm' })).toMatchObject({
      ok: false,
      message: 'There is no proposal to confirm.',
    });

    expect(await request(pm.room, 'proposal', { kind: 'set', option: open })).toMatchObject({ ok: true });
    await pm.inbox.until<SeatClientView>((v) => v.proposal === open, "the team's proposal");
    // The same proposal again changes nothing and adds nothing to the record.
    expect(await request(pm.room, 'proposal', { kind: 'set', option: open })).toMatchObject({ ok: true });
    const proposals = (await exportedEntries(code)).filter((e) => e.command.type === 'proposal.set');
    expect(proposals).toEqual([
      {
        by: { seat: 'pm', as: 'person' },
        command: { type: 'proposal.set', actor: 'pm', option: open, turn: 0 },
      },
    ]);

    // Everyone leaves; the room is let go and comes back from its record with the proposal in place.
    await pm.room.leave();
    await f.leave();
    await expect
      .poll(async () => (await matchMaker.query({ roomId: code })).length, { timeout: 5000 })
      .toBe(0);
    const ensured = await fetch(`http://127.0.0.1:${t.running.port}/api/rooms/${code}/ensure`, {
      method: 'POST',
    });
    expect(ensured.status).toBe(200);
    const back = await token('pm');
    const again = await back.inbox.until<SeatClientView>(
      (v) => v.kind === 'seat' && v.situation.decision !== null,
    );
    expect(again.proposal).toBe(open);
    expect(again.canConfirm).toBe(true);

    // Confirming submits the proposal the game holds; the decision is the proposed option.
    expect(await request(back.room, 'proposal', { kind: 'confirm' })).toMatchObject({ ok: true });
    await back.inbox.until<SeatClientView>((v) => v.submitted === open, 'the submitted proposal');
    const entries = await exportedEntries(code);
    expect(entries.at(-1)).toEqual({
      by: { seat: 'pm', as: 'person' },
      command: { type: 'decision.submit', actor: 'pm', option: open, turn: 0 },
    });

    // A seat the computer holds is not a team's: its proposal is refused.
    const fw = await token('framework');
    await fw.inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.situation.decision !== null);
    const fwOpen = (fw.inbox.view as SeatClientView).situation.decision!.options.find((o) => o.open)!.id;
    const f2 = await t.harness.sdk.joinById(code, { role: 'facilitator', key: KEY });
    expect(
      await request(f2, 'command', { command: { type: 'seat.set', actor: 'framework', holder: 'computer' } }),
    ).toMatchObject({ ok: true });
    expect(await request(fw.room, 'proposal', { kind: 'set', option: fwOpen })).toMatchObject({
      ok: false,
      code: 'not-your-seat',
      // Said with the scenario's name of the seat.
      message: `The seat of ${FRAMEWORK} is held by the computer, so a person cannot act there.`,
    });
    await fw.room.leave();
    await back.room.leave();
    await f2.leave();
  });
});
