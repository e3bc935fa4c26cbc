// A client flooding its room: refused past its allowance, in one log line a second rather than one per message,
// and disconnected past the room's hard limit, while a team in another room goes on playing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatClientView } from '../../src/present/classroom-screens.ts';
import { CLASSROOM_RATE } from '../../src/server/classroom.room.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, openRoom, type TestClassroom } from './support.ts';

// The room's allowance as served, but with no refill: how many messages are answered is then a count the verdict
// can hold to exactly, however slowly a loaded machine sends and handles them (a refill of 10 a second let a slow
// run answer more than the burst).
const RATE = { ...CLASSROOM_RATE, perSecond: 0 };
let t: TestClassroom;
beforeAll(async () => {
  t = await bootClassroom(undefined, RATE);
});
afterAll(async () => {
  await t.running.close();
});

const room = (seed: number) => openRoom(t, seed, 'flood', true);

describe('a flooding client', () => {
  it('is refused past its allowance and cut off past the hard limit; another room plays on', async () => {
    const a = await room(31);
    const b = await room(32);
    const flooder = await t.harness.sdk.joinById(a.code, {
      role: 'student',
      seatCode: seatCode('flood-facilitator-key-3100', a.code, 'pm'),
    });
    flooder.onMessage('*', () => undefined);
    // The SDK would try to reconnect first; the test wants to see the server's close.
    flooder.reconnection.enabled = false;
    const player = await t.harness.sdk.joinById(b.code, {
      role: 'student',
      seatCode: seatCode('flood-facilitator-key-3200', b.code, 'pm'),
    });
    const inbox = new Inbox(player);
    expect(await b.f.request('command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    const seat = await inbox.until<SeatClientView>((v) => v.situation.decision !== null);
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;

    const left = new Promise<number>((resolve) => flooder.onLeave((code) => resolve(code)));
    const pause = () =>
      (
        flooder.request('command', { command: { type: 'game.pause' } }, { timeout: 60_000 }) as Promise<Reply>
      ).catch(() => ({ ok: false as const, code: 'closed', message: '' }));
    // Within the hard limit: the allowance is answered as usual (a student may not pause), the rest refused for the
    // rate, and the log gets one line about them, not one per message.
    const linesBefore = t.log.length;
    const sent = RATE.disconnectAbove / 2;
    const within = await Promise.all(Array.from({ length: sent }, pause));
    const codes = within.map((r) => (r.ok ? 'ok' : r.code));
    // Exactly the burst is answered, every other message refused for the rate: counts, not a time window.
    expect(codes.filter((c) => c === 'not-allowed')).toHaveLength(RATE.burst);
    expect(codes.filter((c) => c === 'rate-limited')).toHaveLength(sent - RATE.burst);
    // The log counts the refusals in a line a second: far fewer lines than refusals, and never more refusals
    // counted than there were.
    const floodLines = t.log.slice(linesBefore).filter((l) => l.includes('rate-limited'));
    expect(floodLines.length).toBeGreaterThan(0);
    expect(floodLines.length).toBeLessThan(sent - RATE.burst);
    const counted = floodLines.map((l) => Number(/(\d+) messages over the limit/.exec(l)?.[1]));
    expect(counted.every((n) => n > 0)).toBe(true);
    expect(counted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(sent - RATE.burst);
    // Past the hard limit the connection is closed; meanwhile the other room's team decides and is answered.
    const flood = Array.from({ length: RATE.disconnectAbove * 2 }, pause);
    const decided = (await player.request('command', {
      command: { type: 'decision.submit', actor: 'pm', option },
    })) as Reply;
    expect(decided.ok).toBe(true);
    expect(await left).not.toBe(1000);
    expect((await Promise.all(flood)).map((r) => (r.ok ? 'ok' : r.code))).toContain('closed');
    await inbox.until<SeatClientView>((v) => v.status === 'submitted' || v.situation.turn.index > 0);
    for (const r of [player, a.f, b.f]) await r.leave();
  });
});
