// A seat belongs to its team: a device takes it only with the seat's code (from the team's link or the console) or
// the facilitator's admission; the facilitator locks a complete team's seat and removes a device for good; and a
// class is entered only by its code, never by the room's name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsoleClientView,
  LobbyClientView,
  SeatClientView,
} from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'seats-facilitator-key-0123456789';
let t: TestClassroom;

beforeAll(async () => {
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

async function openRoom() {
  const room = await t.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed: 11,
    seats: { pm: 'person', framework: 'person', iran: 'computer' },
    autoResolve: false,
    key: KEY,
  });
  const inbox = new Inbox(room);
  const view = await inbox.until<ConsoleClientView>((v) => v.kind === 'console', 'the console');
  return { room, inbox, code: view.code };
}

type Opened = Awaited<ReturnType<typeof openRoom>>;

async function join(code: string, options: Record<string, unknown>): Promise<{ room: Room; inbox: Inbox }> {
  const room = await t.harness.sdk.joinById(code, options);
  return { room, inbox: new Inbox(room) };
}

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

/** No view or patch a device received was of seat `actor`, or named its proposal. */
function sawNothingOf(inbox: Inbox, actor: string): void {
  for (const v of inbox.views as { kind: string; actor?: string }[]) {
    expect(v.kind === 'seat' && v.actor === actor).toBe(false);
  }
}

async function startTurn(f: Opened, pm: { inbox: Inbox }): Promise<string> {
  expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
  const seat = await pm.inbox.until<SeatClientView>(
    (v) => v.kind === 'seat' && v.situation.decision !== null,
  );
  return seat.situation.decision!.options.find((o) => o.open)!.id;
}

describe('a seat belongs to its team', () => {
  it("refuses another team's seat at join and by `seat`, before and during a turn; nothing of it leaks", async () => {
    const f = await openRoom();
    const pmCode = seatCode(KEY, f.code, 'pm');
    const fwCode = seatCode(KEY, f.code, 'framework');
    const pm = await join(f.code, { role: 'student', seatCode: pmCode });
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.actor === 'pm');
    const fw = await join(f.code, { role: 'student', seat: 'framework', seatCode: fwCode });
    await fw.inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.actor === 'framework');

    // At join: the pm's code does not open the framework's seat; a wrong code is refused in one sentence.
    await expect(join(f.code, { role: 'student', seat: 'framework', seatCode: pmCode })).rejects.toThrow(
      /does not open the seat of /,
    );
    await expect(join(f.code, { role: 'student', seatCode: 'ABCDEFGH' })).rejects.toThrow(/opens no seat/);
    await expect(join(f.code, { role: 'student', seatCode: 'abc' })).rejects.toThrow(
      /seat code is eight letters/,
    );
    // Without a code a device waits in the lobby: it is not at the seat it asked for.
    const asker = await join(f.code, { role: 'student', seat: 'framework', name: 'Mallory' });
    await asker.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');
    expect(asker.inbox.welcome?.seat).toBeNull();

    // Before the turn, with `seat`: without the code, or with another seat's, refused.
    expect(await request(pm.room, 'seat', { seatCode: 'abc' })).toMatchObject({
      ok: false,
      code: 'malformed',
      message: expect.stringMatching(/seat code is eight letters/),
    });
    expect(await request(pm.room, 'seat', { seat: 'framework' })).toMatchObject({
      ok: false,
      code: 'needs-seat-code',
    });
    expect(await request(pm.room, 'seat', { seat: 'framework', seatCode: pmCode })).toMatchObject({
      ok: false,
      code: 'wrong-seat-code',
    });

    // During the turn: the pm's team decides; the framework's device cannot move to the pm's seat, even with
    // the pm's code, and the pm's device cannot move to the framework's.
    const option = await startTurn(f, pm);
    expect(await request(pm.room, 'proposal', { kind: 'set', option })).toMatchObject({ ok: true });
    expect(await request(pm.room, 'proposal', { kind: 'confirm' })).toMatchObject({ ok: true });
    await pm.inbox.until<SeatClientView>((v) => v.status === 'submitted');
    expect(await request(fw.room, 'seat', { seat: 'pm', seatCode: pmCode })).toMatchObject({
      ok: false,
      code: 'turn-open',
    });
    expect(await request(pm.room, 'seat', { seatCode: fwCode })).toMatchObject({
      ok: false,
      code: 'turn-open',
    });
    expect(await request(pm.room, 'seat', { seat: 'framework' })).toMatchObject({ ok: false });
    expect(await request(asker.room, 'seat', { seat: 'pm' })).toMatchObject({ ok: false, code: 'waiting' });
    expect(await request(asker.room, 'proposal', { kind: 'set', option })).toMatchObject({
      ok: false,
      code: 'not-your-seat',
    });
    // A new device asking for the pm's seat mid-turn waits in the lobby.
    const late = await join(f.code, { role: 'student', seat: 'pm' });
    await late.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');

    // A barrier, not a wait: each device's own request is answered after everything the server sent it before, on
    // the same connection, so whatever could have leaked has arrived by the time every answer is in.
    for (const c of [f, pm, fw, asker, late]) await request(c.room, 'view.full', {});
    sawNothingOf(pm.inbox, 'framework');
    sawNothingOf(fw.inbox, 'pm');
    sawNothingOf(asker.inbox, 'pm');
    sawNothingOf(asker.inbox, 'framework');
    sawNothingOf(late.inbox, 'pm');
    // Nobody but the pm's team saw its choice.
    for (const inbox of [fw.inbox, asker.inbox, late.inbox])
      expect(JSON.stringify(inbox.views)).not.toContain(option);
    for (const c of [pm, fw, asker, late, f]) await c.room.leave();
  });

  it("admits by the team's code, and a lobby device by the facilitator; lock refuses new devices", async () => {
    const f = await openRoom();
    const console0 = await f.inbox.until<ConsoleClientView>((v) => v.seatCodes !== null);
    expect(console0.seatCodes?.pm).toBe(seatCode(KEY, f.code, 'pm'));
    expect(console0.seatCodes?.pm).toMatch(/^[A-HJ-NP-Z]{8}$/);

    // The code alone names the seat; a device in the lobby takes it with `seat` and the code.
    const a = await join(f.code, { role: 'student', seatCode: console0.seatCodes!.pm, name: 'Ana' });
    expect((await a.inbox.until<SeatClientView>((v) => v.kind === 'seat')).actor).toBe('pm');
    const b = await join(f.code, { role: 'student' });
    await b.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');
    expect(await request(b.room, 'seat', { seatCode: console0.seatCodes!.framework })).toMatchObject({
      ok: true,
    });
    await b.inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.actor === 'framework');

    // A device without the code asks; the console lists it asking and admits it.
    const c = await join(f.code, { role: 'student', seat: 'pm', name: 'Cam' });
    const asking = await f.inbox.until<ConsoleClientView>((v) => v.devices.some((d) => d.asking === 'pm'));
    const line = asking.devices.find((d) => d.asking === 'pm')!;
    expect(line).toMatchObject({ seat: null, name: 'Cam', connected: true });
    expect(await request(c.room, 'device', { action: 'admit', device: line.id })).toMatchObject({
      ok: false,
      code: 'not-allowed',
    });
    expect(await request(f.room, 'device', { action: 'admit', device: line.id })).toMatchObject({ ok: true });
    await c.inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.actor === 'pm');
    expect(await request(f.room, 'device', { action: 'admit', device: 'nobody' })).toMatchObject({
      ok: false,
      code: 'no-device',
    });

    // The pm's team is complete: the facilitator locks its seat; no new device takes it, with the code or without.
    expect(await request(f.room, 'device', { action: 'lock', seat: 'pm', locked: true })).toMatchObject({
      ok: true,
    });
    await f.inbox.until<ConsoleClientView>((v) => v.seats.find((s) => s.actor === 'pm')?.locked === true);
    await expect(join(f.code, { role: 'student', seatCode: console0.seatCodes!.pm })).rejects.toThrow(
      /locked/,
    );
    await expect(join(f.code, { role: 'student', seat: 'pm' })).rejects.toThrow(/locked/);
    const d = await join(f.code, { role: 'student' });
    expect(await request(d.room, 'seat', { seatCode: console0.seatCodes!.pm })).toMatchObject({
      ok: false,
      code: 'locked',
    });
    // Its own devices come back with their tokens all the same.
    const token = a.inbox.welcome!.token!;
    await a.room.leave();
    const back = await join(f.code, { role: 'student', token });
    expect((await back.inbox.until<SeatClientView>((v) => v.kind === 'seat')).actor).toBe('pm');
    // Unlocked, the seat takes new devices again.
    expect(await request(f.room, 'device', { action: 'lock', seat: 'pm', locked: false })).toMatchObject({
      ok: true,
    });
    const e = await join(f.code, { role: 'student', seatCode: console0.seatCodes!.pm });
    await e.inbox.until<SeatClientView>((v) => v.kind === 'seat');
    // None of it is in the game's record.
    const accepted = (await f.inbox.until<ConsoleClientView>((v) => v.kind === 'console')).accepted;
    expect(accepted).toBe(console0.accepted);
    for (const x of [b, c, d, back, e, f]) await x.room.leave();
  });

  it('removes a device: it is sent away, and its token no longer opens the room', async () => {
    const f = await openRoom();
    const pm = await join(f.code, { role: 'student', seatCode: seatCode(KEY, f.code, 'pm'), name: 'Eve' });
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat');
    const token = pm.inbox.welcome!.token!;
    const listed = await f.inbox.until<ConsoleClientView>((v) => v.devices.some((d) => d.name === 'Eve'));
    const line = listed.devices.find((d) => d.name === 'Eve')!;
    expect(line).toMatchObject({ seat: 'pm', connected: true });
    expect(line.id).not.toContain(token);
    const left = new Promise<number>((resolve) => pm.room.onLeave((code) => resolve(code)));
    pm.room.reconnection.enabled = false;
    expect(await request(f.room, 'device', { action: 'remove', device: line.id })).toMatchObject({
      ok: true,
    });
    expect(await left).toBe(4401);
    await expect(join(f.code, { role: 'student', token })).rejects.toThrow(/removed this device/);
    const after = await f.inbox.until<ConsoleClientView>((v) => !v.devices.some((d) => d.id === line.id));
    expect(after.seats.find((s) => s.actor === 'pm')?.devices).toBe(0);
    expect(await request(f.room, 'device', { action: 'remove', device: line.id })).toMatchObject({
      ok: false,
      code: 'no-device',
    });
    await f.room.leave();
  });
});

describe('the lobby', () => {
  it("shows each seat's status as it moves: a seat's decision reaches the devices waiting in the lobby", async () => {
    const f = await openRoom();
    const pm = await join(f.code, { role: 'student', seatCode: seatCode(KEY, f.code, 'pm') });
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.actor === 'pm');
    const waiting = await join(f.code, { role: 'student' });
    await waiting.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');
    const option = await startTurn(f, pm);
    const pmIn = (v: LobbyClientView) => v.seats.find((s) => s.actor === 'pm')?.status;
    await waiting.inbox.until<LobbyClientView>((v) => v.kind === 'lobby' && pmIn(v) === 'deciding');
    const turn = 0;
    expect(
      await request(pm.room, 'command', { command: { type: 'decision.submit', actor: 'pm', option, turn } }),
    ).toMatchObject({ ok: true });
    // Only the pm's own view changed, and the console's and the projector's: the lobby lists its status too.
    await waiting.inbox.until<LobbyClientView>(
      (v) => v.kind === 'lobby' && pmIn(v) === 'submitted',
      "the pm's decision in the lobby",
    );
    for (const c of [pm, waiting, f]) await c.room.leave();
  });
});

describe('only its code enters a class', () => {
  it('never puts a `join` or `joinOrCreate` by name into a running class', async () => {
    const f = await openRoom();
    expect(f.code).toMatch(/^[A-HJ-NP-Z]{6}$/);
    for (const options of [{ role: 'projector' }, { role: 'student' }]) {
      await expect(t.harness.sdk.join('classroom', options)).rejects.toThrow();
      // joinOrCreate finds no room to join: it can only try to open a new one, which these options cannot.
      await expect(t.harness.sdk.joinOrCreate('classroom', options)).rejects.toThrow();
    }
    const console1 = await f.inbox.until<ConsoleClientView>((v) => v.kind === 'console');
    expect(console1.seats.every((s) => s.devices === 0)).toBe(true);
    expect(console1.devices).toEqual([]);
    await f.room.leave();
  });
});

describe('after a restart', () => {
  it('keeps seat codes, locks and removals; the facilitator gets the codes again with the key', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'crisis-table-seats-'));
    const first = await bootClassroom(dataDir);
    const created = await first.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 5,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: KEY,
    });
    const f = new Inbox(created);
    const { code } = await f.until<ConsoleClientView>((v) => v.kind === 'console');
    const pm = new Inbox(
      await first.harness.sdk.joinById(code, { role: 'student', seatCode: seatCode(KEY, code, 'pm') }),
    );
    const fw = new Inbox(
      await first.harness.sdk.joinById(code, { role: 'student', seatCode: seatCode(KEY, code, 'framework') }),
    );
    await pm.until((v: SeatClientView) => v.kind === 'seat');
    await fw.until((v: SeatClientView) => v.kind === 'seat');
    const pmToken = pm.welcome!.token!;
    const fwToken = fw.welcome!.token!;
    const listed = await f.until<ConsoleClientView>((v) => v.devices.filter((d) => d.connected).length === 2);
    const fwDevice = listed.devices.find((d) => d.seat === 'framework')!;
    fw.room.reconnection.enabled = false;
    expect(await request(created, 'device', { action: 'remove', device: fwDevice.id })).toMatchObject({
      ok: true,
    });
    expect(await request(created, 'device', { action: 'lock', seat: 'pm', locked: true })).toMatchObject({
      ok: true,
    });
    pm.room.reconnection.enabled = false;
    created.reconnection.enabled = false;
    await first.running.close();

    const second = await bootClassroom(dataDir);
    try {
      const back = new Inbox(await second.harness.sdk.joinById(code, { role: 'facilitator', key: KEY }));
      const view = await back.until<ConsoleClientView>((v) => v.kind === 'console');
      expect(view.seatCodes).toEqual({
        ...Object.fromEntries(view.seats.map((s) => [s.actor, seatCode(KEY, code, s.actor)])),
      });
      expect(view.seats.find((s) => s.actor === 'pm')?.locked).toBe(true);
      expect(view.devices.map((d) => d.seat)).toEqual(['pm']);
      await expect(
        second.harness.sdk.joinById(code, { role: 'student', seatCode: seatCode(KEY, code, 'pm') }),
      ).rejects.toThrow(/locked/);
      await expect(second.harness.sdk.joinById(code, { role: 'student', token: fwToken })).rejects.toThrow(
        /removed this device/,
      );
      const again = new Inbox(await second.harness.sdk.joinById(code, { role: 'student', token: pmToken }));
      expect((await again.until<SeatClientView>((v) => v.kind === 'seat')).actor).toBe('pm');
      await again.room.leave();
      await back.room.leave();
    } finally {
      await second.running.close();
    }
  }, 30_000);
});
