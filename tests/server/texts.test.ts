// Texts sent once, through a real room: a team's devices hold the same view whether they were there from the start,
// joined late, or asked for the whole view again; the late one is given the texts its team holds, and it never sees
// another seat's view.
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatClientView } from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'texts-facilitator-key-0123456789';
let t: TestClassroom;

beforeAll(async () => {
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

async function device(code: string, seat: string): Promise<{ room: Room; inbox: Inbox }> {
  const room = await t.harness.sdk.joinById(code, { role: 'student', seatCode: seatCode(KEY, code, seat) });
  const inbox = new Inbox(room);
  await inbox.until<SeatClientView>((v) => v.kind === 'seat' && v.actor === seat, `the ${seat} seat`);
  return { room, inbox };
}

const turnOf = (inbox: Inbox) => (inbox.view as SeatClientView).situation.turn.index;

describe('texts sent once', () => {
  it('give a device that joins late or asks again the view its team holds, and then the same patches', async () => {
    const room = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 5,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: KEY,
    });
    const facilitator = new Inbox(room);
    const code = (await facilitator.until<{ code: string }>((v) => 'code' in v)).code;
    const first = await device(code, 'pm');
    const fw = await device(code, 'framework');
    expect(await request(room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });

    const playTurn = async (pm: { room: Room; inbox: Inbox }) => {
      const turn = turnOf(pm.inbox);
      for (const [d, actor] of [
        [pm, 'pm'],
        [fw, 'framework'],
      ] as const) {
        const seat = await d.inbox.until<SeatClientView>((v) => v.situation.decision !== null);
        const option = seat.situation.decision!.options.find((o) => o.open)!.id;
        const reply = await request(d.room, 'command', {
          command: { type: 'decision.submit', actor, option },
        });
        expect(reply).toMatchObject({ ok: true });
      }
      await pm.inbox.until(() => turnOf(pm.inbox) > turn, 'the next turn');
    };
    await playTurn(first);
    await playTurn(first);

    // A second pm device, two turns in: its whole view is the first device's, texts and all.
    const late = await device(code, 'pm');
    expect(late.inbox.view).toEqual(first.inbox.view);
    await playTurn(first);
    await late.inbox.until(
      () => turnOf(late.inbox) === turnOf(first.inbox),
      'the late device at the same turn',
    );
    expect(late.inbox.view).toEqual(first.inbox.view);
    // It was sent patches, not a whole view each time.
    expect(late.inbox.views.length).toBeGreaterThan(1);

    // The first device asks for its whole view again (as after a patch that did not apply), then plays on.
    expect(await request(first.room, 'view.full', {})).toMatchObject({ ok: true });
    await playTurn(first);
    await late.inbox.until(() => turnOf(late.inbox) === turnOf(first.inbox), 'both at the same turn');
    expect(late.inbox.view).toEqual(first.inbox.view);
    for (const v of late.inbox.views as SeatClientView[]) expect(v.actor).toBe('pm');
  });
});
