// Every accepted command asks the room to publish twice (its reply's publish, and the session's for what it did by
// itself): the second finds nothing changed and every device holding its view, and stops before building or walking
// the devices. The rooms' count of publishes (viewWork, which the class bench prints per room-turn) counts only the
// ones that had something to send (issue 18).
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { viewWork } from '../../src/server/classroom.room.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'publish-count-key-0123456789abcd';
let t: TestClassroom;

beforeAll(async () => {
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

describe("a room's publishes", () => {
  it('publishes once for a command that changes every view, and a device asking again still gets its view', async () => {
    const room = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 5,
      seats: { pm: 'person' },
      autoResolve: false,
      key: KEY,
    });
    const console_ = new Inbox(room);
    const { code } = await console_.until<ConsoleClientView>((v) => v.kind === 'console', 'the console');
    const pmRoom = await t.harness.sdk.joinById(code, {
      role: 'student',
      seatCode: seatCode(KEY, code, 'pm'),
    });
    const pm = new Inbox(pmRoom);
    await pm.until<SeatClientView>((v) => v.kind === 'seat', "the pm's view");
    // A request the room answers at once, after what is under way: the publishes asked for before it have run (they
    // are set off at the next turn of the event loop, before the room reads another message).
    const settled = () => request(pmRoom, 'seat', { seat: 'pm' });
    await settled();
    const before = { ...viewWork };
    expect(await request(room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    await pm.until<SeatClientView>(
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'the first turn',
    );
    await settled();
    await settled();
    expect(viewWork.publishes - before.publishes).toBe(1);
    expect(viewWork.writes - before.writes).toBeGreaterThanOrEqual(2);
    // A device that asks for its whole view is sent it, though nothing changed in the game.
    const views = pm.views.length;
    expect(await request(pmRoom, 'view.full', {})).toMatchObject({ ok: true });
    await settled();
    expect(pm.views.length).toBe(views + 1);
    expect(pm.view).toEqual(pm.views[views - 1]);
    await pmRoom.leave();
    await room.leave();
  });
});
