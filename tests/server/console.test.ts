// The console's "Resolve now" is one command in the record, and a seat's phones say who holds it and what the team
// can still do, from the view the server builds for the seat.
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreText } from '../../src/cli/replay.ts';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'console-facilitator-key-0123456789';
let t: TestClassroom;

beforeAll(async () => {
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

async function openRoom(seed: number, autoResolve: boolean) {
  const room = await t.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed,
    seats: { pm: 'person', framework: 'person' },
    autoResolve,
    key: KEY,
  });
  const inbox = new Inbox(room);
  const view = await inbox.until<ConsoleClientView>((v) => v.kind === 'console', 'the console');
  return { room, inbox, code: view.code };
}

async function seat(code: string, actor: string): Promise<{ room: Room; inbox: Inbox }> {
  const room = await t.harness.sdk.joinById(code, {
    role: 'student',
    seat: actor,
    seatCode: seatCode(KEY, code, actor),
  });
  return { room, inbox: new Inbox(room) };
}

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

describe('"Resolve now"', () => {
  it('is one facilitator command: the seats still deciding get the clock’s choice and the turn resolves', async () => {
    // No automatic resolution: before, the console needed deadline.expire and then turn.resolve (two clicks).
    const f = await openRoom(41, false);
    const pm = await seat(f.code, 'pm');
    const ask = (command: unknown) => request(f.room, 'command', { command });
    expect(await ask({ type: 'game.start' })).toMatchObject({ ok: true });
    const first = await pm.inbox.until<SeatClientView>((v) => v.situation.decision !== null);
    const option = first.situation.decision!.options.find((o) => o.open)!.id;
    expect(
      await request(pm.room, 'command', { command: { type: 'decision.submit', actor: 'pm', option } }),
    ).toMatchObject({ ok: true });
    const before = await f.inbox.until<ConsoleClientView>(
      (v) => v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
    );
    expect(before.seats.find((s) => s.actor === 'framework')?.status).toBe('deciding');
    // A plain resolve still waits for the framework's team.
    expect(await ask({ type: 'turn.resolve', turn: 0 })).toMatchObject({ ok: false, code: 'not-ready' });
    expect(await ask({ type: 'turn.resolve', turn: 0, now: true })).toMatchObject({ ok: true });
    const after = await f.inbox.until<ConsoleClientView>((v) => v.view.turn.index === 1, 'the next turn');
    // Sent twice (a double click, or two consoles), the second is stale, not a second turn.
    expect(await ask({ type: 'turn.resolve', turn: 0, now: true })).toMatchObject({
      ok: false,
      code: 'stale',
    });

    // The record holds it once; replayed, it gives the game the room is playing.
    const json = await fetch(`http://127.0.0.1:${t.running.port}/api/rooms/${f.code}/export?format=json`, {
      headers: { 'X-Facilitator-Key': KEY },
    });
    const text = await json.text();
    const { entries } = JSON.parse(text) as { entries: { command: { type: string; now?: boolean } }[] };
    expect(entries.map((e) => e.command.type)).not.toContain('deadline.expire');
    expect(entries.filter((e) => e.command.type === 'turn.resolve')).toEqual([
      expect.objectContaining({ command: { type: 'turn.resolve', turn: 0, now: true } }),
    ]);
    // The click is the one command after what the console had counted (then the computer's seats decide turn 2).
    expect(entries[before.accepted]?.command).toEqual({ type: 'turn.resolve', turn: 0, now: true });
    expect(entries.slice(before.accepted + 1).map((e) => e.command.type)).not.toContain('turn.resolve');
    const { state } = await restoreText(text, 'room.json');
    expect(state.world.turn).toBe(1);
    expect(state.pending.framework).toBeUndefined();
    for (const i of after.indicators) expect(state.world.indicators[i.id] ?? i.value).toBe(i.value);
    for (const c of [pm, f]) await c.room.leave();
  });
});

describe("a seat's phones", () => {
  it('say when the computer or no one holds the seat, never "Your team decided"', async () => {
    const f = await openRoom(42, true);
    const fw = await seat(f.code, 'framework');
    const ask = (command: unknown) => request(f.room, 'command', { command });
    expect(await ask({ type: 'game.start' })).toMatchObject({ ok: true });
    const deciding = await fw.inbox.until<SeatClientView>((v) => v.status === 'deciding');
    expect(deciding).toMatchObject({
      holder: 'person',
      statusLine: 'Your team is deciding.',
      canConfirm: false,
    });

    expect(await ask({ type: 'seat.set', actor: 'framework', holder: 'computer' })).toMatchObject({
      ok: true,
    });
    const computer = await fw.inbox.until<SeatClientView>((v) => v.holder === 'computer');
    expect(computer.status).toBe('submitted');
    expect(computer.statusLine).toMatch(/^The computer plays this seat now/);
    expect(computer.statusLine).not.toContain('Your team decided');
    expect(computer.canConfirm).toBe(false);

    expect(await ask({ type: 'seat.set', actor: 'framework', holder: 'vacant' })).toMatchObject({ ok: true });
    const vacant = await fw.inbox.until<SeatClientView>((v) => v.holder === 'vacant');
    expect(vacant.statusLine).toMatch(/^No one holds this seat/);
    expect(vacant.canConfirm).toBe(false);

    expect(await ask({ type: 'seat.set', actor: 'framework', holder: 'person' })).toMatchObject({ ok: true });
    const back = await fw.inbox.until<SeatClientView>((v) => v.holder === 'person');
    expect(back.statusLine).not.toMatch(/computer|No one/);
    for (const c of [fw, f]) await c.room.leave();
  });

  it('offer "Confirm" only while it would change something, and say "paused" only while paused', async () => {
    const f = await openRoom(43, true);
    const pm = await seat(f.code, 'pm');
    const ask = (command: unknown) => request(f.room, 'command', { command });
    expect(await ask({ type: 'game.start' })).toMatchObject({ ok: true });
    const first = await pm.inbox.until<SeatClientView>((v) => v.situation.decision !== null);
    const [a, b] = first.situation.decision!.options.filter((o) => o.open).map((o) => o.id);
    expect(await request(pm.room, 'proposal', { kind: 'set', option: a })).toMatchObject({ ok: true });
    expect(await pm.inbox.until<SeatClientView>((v) => v.proposal === a)).toMatchObject({ canConfirm: true });
    expect(await request(pm.room, 'proposal', { kind: 'confirm' })).toMatchObject({ ok: true });
    const decided = await pm.inbox.until<SeatClientView>((v) => v.status === 'submitted');
    expect(decided.statusLine).toMatch(/^Your team decided/);
    expect(decided.canConfirm).toBe(false);
    // Another proposal may still change the team's mind: then there is something to confirm again.
    expect(await request(pm.room, 'proposal', { kind: 'set', option: b })).toMatchObject({ ok: true });
    expect(await pm.inbox.until<SeatClientView>((v) => v.proposal === b)).toMatchObject({ canConfirm: true });

    expect(await ask({ type: 'game.pause' })).toMatchObject({ ok: true });
    const paused = await pm.inbox.until<SeatClientView>((v) => v.paused);
    expect(paused).toMatchObject({ statusLine: 'The facilitator has paused the game.', canConfirm: false });
    expect(await ask({ type: 'game.resume' })).toMatchObject({ ok: true });
    const resumed = await pm.inbox.until<SeatClientView>((v) => !v.paused);
    expect(resumed.statusLine).not.toMatch(/paused/);
    expect(resumed.canConfirm).toBe(true);
    for (const c of [pm, f]) await c.room.leave();
  });
});
