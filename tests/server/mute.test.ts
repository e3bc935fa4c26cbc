// The facilitator mutes a device (issue 19): its statements and messages are refused in one sentence and the record
// is unchanged, while the same seat's other device and its decisions go on; only the facilitator mutes; a muted
// device stays muted after a restart, and unmuted it speaks again. Muting is the room's state, never a command.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { talkModelOf } from '../../src/present/talk-wire.ts';
import { MUTED } from '../../src/server/classroom.room.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'mute-facilitator-key-0123456789';
let t: TestClassroom;

beforeAll(async () => {
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

const message = (text: string) => ({
  command: { type: 'message.send', actor: 'pm', to: ['framework'], text },
});

async function openRoom(c: TestClassroom) {
  const room = await c.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed: 12,
    seats: { pm: 'person', framework: 'person' },
    autoResolve: false,
    key: KEY,
  });
  const inbox = new Inbox(room);
  const view = await inbox.until<ConsoleClientView>((v) => v.kind === 'console', 'the console');
  expect(await request(room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
  return { room, inbox, code: view.code };
}

async function join(c: TestClassroom, code: string, name: string) {
  const room = await c.harness.sdk.joinById(code, {
    role: 'student',
    seatCode: seatCode(KEY, code, 'pm'),
    name,
  });
  const inbox = new Inbox(room);
  await inbox.until<SeatClientView>((v) => v.kind === 'seat', `${name} at the seat`);
  return { room, inbox };
}

describe('a muted device', () => {
  it('is refused its statements and messages in one sentence; its teammate and its decisions go on', async () => {
    const f = await openRoom(t);
    const ana = await join(t, f.code, 'Ana');
    const ben = await join(t, f.code, 'Ben');
    const listed = await f.inbox.until<ConsoleClientView>(
      (v) => v.devices.filter((d) => d.connected).length === 2,
    );
    const anaDevice = listed.devices.find((d) => d.name === 'Ana')!;
    expect(anaDevice.muted).toBe(false);

    // Only the facilitator mutes.
    expect(
      await request(ben.room, 'device', { action: 'mute', device: anaDevice.id, muted: true }),
    ).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(await request(f.room, 'device', { action: 'mute', device: 'nobody', muted: true })).toMatchObject({
      ok: false,
      code: 'no-device',
    });
    expect(
      await request(f.room, 'device', { action: 'mute', device: anaDevice.id, muted: true }),
    ).toMatchObject({ ok: true });
    const muted = await f.inbox.until<ConsoleClientView>(
      (v) => v.devices.find((d) => d.id === anaDevice.id)?.muted === true,
      'the device muted on the console',
    );
    const accepted = muted.accepted;

    for (const command of [
      message('Meet us at the gate.').command,
      { type: 'statement.publish', actor: 'pm', text: 'We call for calm.' },
    ]) {
      expect(await request(ana.room, 'command', { command })).toEqual({
        ok: false,
        code: 'muted',
        message: MUTED,
      });
    }
    expect(MUTED.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
    // The same seat speaks from its other device; nothing of the muted one's was written before it.
    expect(await request(ben.room, 'command', message('Ben writes.'))).toMatchObject({ ok: true });
    const after = await f.inbox.until<ConsoleClientView>((v) => v.talk.said.length > 0, 'Ben’s message');
    expect(after.accepted).toBe(accepted + 1);
    expect(talkModelOf(after.talk).said.map((l) => l.text)).toEqual(['Ben writes.']);
    // The muted device still reads, and may still propose: muting is of talk only.
    const seat = await ana.inbox.until<SeatClientView>((v) => v.talk.said.length === 1, 'Ben’s message');
    expect(talkModelOf(seat.talk).said[0]).toMatchObject({
      from: 'pm',
      text: 'Ben writes.',
      kind: 'message',
    });
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;
    expect(await request(ana.room, 'proposal', { kind: 'set', option })).toMatchObject({ ok: true });

    // Unmuted, it speaks again.
    expect(
      await request(f.room, 'device', { action: 'mute', device: anaDevice.id, muted: false }),
    ).toMatchObject({ ok: true });
    expect(await request(ana.room, 'command', message('Ana writes.'))).toMatchObject({ ok: true });
    await f.room.leave();
  });

  it('stays muted after a restart', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'crisis-table-mute-'));
    const first = await bootClassroom(dataDir);
    const f = await openRoom(first);
    const ana = await join(first, f.code, 'Ana');
    const token = ana.inbox.welcome!.token!;
    const listed = await f.inbox.until<ConsoleClientView>((v) => v.devices.some((d) => d.connected));
    const id = listed.devices[0]!.id;
    expect(await request(f.room, 'device', { action: 'mute', device: id, muted: true })).toMatchObject({
      ok: true,
    });
    ana.room.reconnection.enabled = false;
    f.room.reconnection.enabled = false;
    await first.running.close();

    const second = await bootClassroom(dataDir);
    try {
      const back = new Inbox(await second.harness.sdk.joinById(f.code, { role: 'facilitator', key: KEY }));
      const view = await back.until<ConsoleClientView>((v) => v.kind === 'console');
      expect(view.devices.map((d) => [d.id, d.muted])).toEqual([[id, true]]);
      const again = await second.harness.sdk.joinById(f.code, { role: 'student', token });
      expect(await request(again, 'command', message('After the restart.'))).toMatchObject({
        ok: false,
        code: 'muted',
      });
    } finally {
      await second.running.close();
    }
  });
});
