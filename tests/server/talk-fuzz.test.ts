// Fuzz and identity tests of what seats say, propose and request (issue 19), over real WebSockets on loopback: a
// student of one seat sends the new commands as another seat, as the facilitator, to seats that may not receive
// them; a projector and a device without a seat send them too; text over its bound, frames over the size limit,
// malformed msgpack and JSON frames, and a flood. Nothing is accepted, the server does not crash, the other devices
// go on, and the record the server stored is the same before and after (read from its database).
import type { Room } from '@colyseus/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { talkModelOf } from '../../src/present/talk-wire.ts';
import { CLASSROOM_RATE } from '../../src/server/classroom.room.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import {
  MAX_MESSAGE_CHARS,
  MAX_RULING_ARGUMENT_CHARS,
  MAX_RULING_TEXT_CHARS,
  MAX_STATEMENT_CHARS,
} from '../../src/sim/limits.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

let t: TestClassroom;
beforeAll(async () => {
  // No rate limit here: the rate is the flood's test, below; here every message must reach the engine.
  t = await bootClassroom(undefined, { burst: 1e6, perSecond: 1e6, disconnectAbove: 1e6 });
});
afterAll(async () => {
  await t.running.close();
});

/** The record the server stored for a room, as its export reads it from the store: its entries, in order. */
async function stored(c: TestClassroom, r: { code: string; key: string }): Promise<unknown[]> {
  const response = await fetch(`http://127.0.0.1:${c.running.port}/api/rooms/${r.code}/export?format=json`, {
    headers: { 'X-Facilitator-Key': r.key },
  });
  expect(response.status).toBe(200);
  const saved = (await response.json()) as { record?: { entries?: unknown[] }; entries?: unknown[] };
  const entries = saved.record?.entries ?? saved.entries;
  expect(Array.isArray(entries)).toBe(true);
  return entries!;
}

const request = (room: Room, type: string, message: unknown) =>
  room.request(type, message, { timeout: 10_000 }) as Promise<Reply>;
const command = (room: Room, c: unknown) => request(room, 'command', { command: c });

interface TalkRoom {
  code: string;
  key: string;
  f: Room;
  /** What the facilitator's console shows. */
  console: Inbox;
  /** Two devices at the pm's seat: the one that misbehaves, and its teammate. */
  ana: Room;
  ben: Inbox;
  /** A device at the framework's seat. */
  fw: Room;
  projector: Room;
  /** A student's device that holds no seat. */
  lobby: Room;
}

/**
 * A room at its first turn, people at pm, framework and us, public statements waiting for approval, with one
 * statement waiting (1) and one message (2) in it.
 */
async function talkRoom(c: TestClassroom, seed: number): Promise<TalkRoom> {
  const key = `talk-fuzz-facilitator-key-${seed}`;
  const f = await c.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed,
    seats: { pm: 'person', framework: 'person', us: 'person' },
    autoResolve: false,
    key,
  });
  const console = new Inbox(f);
  const { code } = await console.until<ConsoleClientView>((v) => v.kind === 'console');
  const student = async (seat: string | null, name: string) => {
    const room = await c.harness.sdk.joinById(code, {
      role: 'student',
      ...(seat ? { seatCode: seatCode(key, code, seat) } : {}),
      name,
    });
    room.onMessage('*', () => undefined);
    return room;
  };
  const ana = await student('pm', 'Ana');
  const benRoom = await c.harness.sdk.joinById(code, {
    role: 'student',
    seatCode: seatCode(key, code, 'pm'),
    name: 'Ben',
  });
  const ben = new Inbox(benRoom);
  const fw = await student('framework', 'Fay');
  const projector = await c.harness.sdk.joinById(code, { role: 'projector' });
  projector.onMessage('*', () => undefined);
  const lobby = await student(null, 'Lou');
  for (const [room, c2] of [
    [f, { type: 'game.start' }],
    [f, { type: 'talk.set', level: 'all', approve: true }],
    [benRoom, { type: 'statement.publish', actor: 'pm', text: 'We call for calm.' }],
    [fw, { type: 'message.send', actor: 'framework', to: ['pm'], text: 'Can we meet?' }],
  ] as const)
    expect(await command(room, c2), JSON.stringify(c2)).toMatchObject({ ok: true });
  await ben.until<SeatClientView>((v) => v.kind === 'seat' && v.talk.said.length === 2, 'what was said');
  return { code, key, f, console, ana, ben, fw, projector, lobby };
}

/** Refused, answered in one line, and said in one line of the log. */
async function expectRefused(room: Room, c: unknown, codes?: readonly string[]): Promise<void> {
  const linesBefore = t.log.length;
  const reply = await command(room, c);
  expect(reply.ok, JSON.stringify(c)?.slice(0, 200)).toBe(false);
  if (reply.ok) return;
  if (codes) expect(codes, reply.message).toContain(reply.code);
  expect(reply.message).not.toMatch(/[\n\r\u202a-\u202e\u2066-\u2069]/);
  const lines = t.log.slice(linesBefore);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^room [A-Z]+: refused [a-z-]+ from /);
  expect(lines[0]).not.toMatch(/[\u0085\u009b\u202a-\u202e\u2066-\u2069]/);
}

/** Ids a hostile client may send: other seats, no seat, prototype names, markup, controls, direction overrides. */
const hostileId = fc.oneof(
  fc.constantFrom(
    'framework',
    'us',
    'iran',
    'president',
    '__proto__',
    'constructor',
    'toString',
    '<img src=x onerror=alert(1)>',
    'pm\n',
    'pm\u202e',
    'PM',
    'x'.repeat(101),
    '',
  ),
  fc.string({ maxLength: 120 }),
);
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -1, 0, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY),
);
const text = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom('<script>alert(1)</script>', '\u202e\u0000', 'x'.repeat(MAX_MESSAGE_CHARS + 1)),
);

/**
 * A new command that the pm's device may never have taken: every seat command names an actor other than pm, every
 * facilitator command is a student's, and any field may be of any value (fast-check's records may leave fields out).
 */
const hostileCommand = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('statement.publish', 'message.send', 'ruling.request', 'agreement.withdraw'),
      actor: hostileId.filter((a) => a !== 'pm'),
      text,
      argument: text,
      to: fc.oneof(fc.array(hostileId, { maxLength: 25 }), anyValue),
      claim: hostileId,
      n: anyValue,
    },
    { requiredKeys: ['type', 'actor'] },
  ),
  fc.record(
    {
      type: fc.constantFrom('agreement.propose', 'agreement.answer'),
      actor: hostileId.filter((a) => a !== 'pm'),
      to: hostileId,
      agreement: hostileId,
      n: anyValue,
      accept: fc.oneof(fc.boolean(), anyValue),
      reason: text,
    },
    { requiredKeys: ['type', 'actor'] },
  ),
  fc.record(
    {
      type: fc.constantFrom('talk.set', 'statement.approve', 'said.hide', 'ruling.give'),
      level: fc.oneof(fc.constantFrom('none', 'statements', 'all'), anyValue),
      approve: fc.oneof(fc.boolean(), anyValue),
      n: fc.oneof(fc.constantFrom(1, 2), anyValue),
      reason: text,
      verdict: fc.oneof(fc.constantFrom('allowed', 'refused', 'rolled'), anyValue),
      effect: hostileId,
      odds: anyValue,
    },
    { requiredKeys: ['type'] },
  ),
);

describe('a student’s device sending the new commands as someone else', () => {
  it('is refused for each, in one line, whoever it names and whatever it sends; the stored record is the same', async () => {
    const r = await talkRoom(t, 41);
    const before = await stored(t, r);
    const { accepted } = (await request(r.f, 'view.full', {})) as Extract<Reply, { ok: true }>;

    // As another seat.
    const asFramework = [
      { type: 'statement.publish', actor: 'framework', text: 'The election was rigged.' },
      { type: 'statement.publish', actor: 'framework', text: 'Rigged.', claim: 'election-was-rigged' },
      { type: 'message.send', actor: 'framework', to: ['us'], text: 'Meet us at the gate.' },
      { type: 'message.send', actor: 'us', to: ['framework'], text: 'Meet us at the gate.' },
      { type: 'agreement.propose', actor: 'framework', to: 'pm', agreement: 'recount-for-sit-ins' },
      { type: 'agreement.answer', actor: 'framework', n: 1, accept: true },
      { type: 'agreement.withdraw', actor: 'framework', n: 1 },
      { type: 'ruling.request', actor: 'framework', text: 'We march.', argument: 'For calm.' },
      { type: 'ruling.request', actor: 'iran', text: 'We mediate.', argument: 'For calm.' },
    ];
    for (const c of asFramework) await expectRefused(r.ana, c, ['not-your-seat']);
    // As the facilitator, and as the facilitator's issuer written into the message.
    const asFacilitator = [
      { type: 'talk.set', level: 'none', approve: false },
      { type: 'statement.approve', n: 1 },
      { type: 'said.hide', n: 2, reason: 'Off topic.' },
      { type: 'ruling.give', n: 1, verdict: 'refused', reason: 'No.' },
    ];
    for (const c of asFacilitator) await expectRefused(r.ana, c, ['not-allowed']);
    const linesBefore = t.log.length;
    expect(
      await request(r.ana, 'command', { command: asFacilitator[0], by: { facilitator: true } }),
    ).toMatchObject({ ok: false, code: 'malformed' });
    expect(t.log.length).toBe(linesBefore + 1);
    // To seats that may not receive it, or with text the engine does not take.
    for (const to of [['president'], ['pm'], ['__proto__'], ['framework', 'framework'], ['nobody\u202e'], []])
      await expectRefused(r.ana, { type: 'message.send', actor: 'pm', to, text: 'Meet us.' }, [
        'unknown',
        'malformed',
      ]);
    for (const c of [
      { type: 'message.send', actor: 'pm', to: ['framework'], text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) },
      { type: 'statement.publish', actor: 'pm', text: 'x'.repeat(MAX_STATEMENT_CHARS + 1) },
      { type: 'message.send', actor: 'pm', to: ['framework'], text: '\u202e\u200b\u0000 \n' },
      { type: 'statement.publish', actor: 'pm', text: 'So.', claim: 'election-was-rigged' },
    ])
      await expectRefused(r.ana, c, ['malformed', 'not-allowed']);
    // The projector and a device without a seat.
    for (const room of [r.projector, r.lobby])
      for (const c of [...asFramework, { type: 'message.send', actor: 'pm', to: ['framework'], text: 'Hi.' }])
        await expectRefused(room, c);

    // And at random, from the three.
    const senders = [r.ana, r.projector, r.lobby];
    await fc.assert(
      fc.asyncProperty(fc.nat(senders.length - 1), hostileCommand, async (who, c) => {
        await expectRefused(senders[who]!, c);
      }),
      { numRuns: 200, seed: 19_041 },
    );

    expect(await stored(t, r)).toEqual(before);
    expect(await request(r.f, 'view.full', {})).toEqual({ ok: true, accepted });
    // The others go on: the framework's device writes to the pm's seat, and its other device reads it.
    expect(
      await command(r.fw, { type: 'message.send', actor: 'framework', to: ['pm'], text: 'Still there?' }),
    ).toMatchObject({ ok: true });
    const seen = await r.ben.until<SeatClientView>((v) => v.talk.said.length === 3, 'the new message');
    expect(
      talkModelOf(seen.talk)
        .said.map((s) => s.text)
        .sort(),
    ).toEqual(['Can we meet?', 'Still there?', 'We call for calm.']);
    const after = await stored(t, r);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    for (const room of [r.ana, r.ben.room, r.fw, r.projector, r.lobby, r.f]) await room.leave();
  }, 120_000);

  it('is refused what the room’s talk level or a mute does not allow', async () => {
    const r = await talkRoom(t, 42);
    const message = { type: 'message.send', actor: 'pm', to: ['framework'], text: 'Meet us.' };
    expect(await command(r.f, { type: 'talk.set', level: 'statements', approve: false })).toMatchObject({
      ok: true,
    });
    const before = await stored(t, r);
    await expectRefused(r.ana, message, ['not-allowed']);
    await expectRefused(
      r.ana,
      { type: 'agreement.propose', actor: 'pm', to: 'framework', agreement: 'recount-for-sit-ins' },
      ['not-allowed'],
    );
    expect(await command(r.f, { type: 'talk.set', level: 'none', approve: false })).toMatchObject({
      ok: true,
    });
    const quiet = await stored(t, r);
    await expectRefused(r.ana, { type: 'statement.publish', actor: 'pm', text: 'Calm.' }, ['not-allowed']);
    expect(await command(r.f, { type: 'talk.set', level: 'all', approve: false })).toMatchObject({
      ok: true,
    });
    const listed = await r.console.until<ConsoleClientView>((v) => v.devices.some((d) => d.name === 'Ana'));
    const ana = listed.devices.find((d) => d.name === 'Ana')!;
    expect(await request(r.f, 'device', { action: 'mute', device: ana.id, muted: true })).toMatchObject({
      ok: true,
    });
    const muted = await stored(t, r);
    await expectRefused(r.ana, message, ['muted']);
    // Only the facilitator's three talk.set were written in all this.
    expect(quiet.slice(0, before.length)).toEqual(before);
    expect(quiet).toHaveLength(before.length + 1);
    expect(muted).toHaveLength(before.length + 2);
    expect(await stored(t, r)).toEqual(muted);
    for (const room of [r.ana, r.ben.room, r.fw, r.projector, r.lobby, r.f]) await room.leave();
  }, 60_000);
});

describe('frames that are not messages', () => {
  it('oversized, malformed msgpack and JSON frames: the server stays up, the others go on, the record is the same', async () => {
    const r = await talkRoom(t, 43);
    const before = await stored(t, r);
    let sender: Room = r.ana;
    const fresh = async () => {
      sender = await t.harness.sdk.joinById(r.code, {
        role: 'student',
        seatCode: seatCode(r.key, r.code, 'pm'),
        name: 'Raw',
      });
      sender.onMessage('*', () => undefined);
      sender.reconnection.enabled = false;
    };
    await fresh();
    const open = () => sender.connection.isOpen;
    const ws = () => (sender.connection.transport as unknown as { ws: { send(data: string): void } }).ws;
    const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));
    // The room's message type, as msgpack: a fixstr of 7 bytes.
    const commandType = [0xa7, ...ascii('command')];
    const specific: number[][] = [
      [],
      [13],
      [21],
      [17],
      [19],
      [20],
      [13, 0xc1],
      [13, ...commandType, 0xc1],
      // A request whose payload says it holds a map of 2 and ends there.
      [21, 1, ...commandType, 0x82],
      // A payload that declares an array of four billion items.
      [21, 2, ...commandType, 0x81, 0xa7, ...ascii('command'), 0xdd, 0xff, 0xff, 0xff, 0xff],
      // A payload that declares a string of four gigabytes.
      [21, 3, ...commandType, 0xdb, 0xff, 0xff, 0xff, 0xff],
      // A map nested a hundred thousand deep (two bytes each, under the size limit).
      [21, 4, ...commandType, ...Array.from({ length: 20_000 }, () => 0x81).flatMap((b) => [b, 0xa0])],
      [13, 0xff, 0xff, 0xff, 0xff, 0xff],
    ];
    const random = fc.sample(
      fc.tuple(fc.constantFrom(13, 17, 21, 19, 20, 18, 10, 12), fc.uint8Array({ maxLength: 200 })),
      { numRuns: 60, seed: 19_043 },
    );
    const frames = [
      ...specific.map((b) => Uint8Array.from(b)),
      ...random.map(([c, b]) => Uint8Array.from([c, ...b])),
    ];
    for (const frame of frames) {
      if (!open()) await fresh();
      sender.connection.send(frame);
      // Another device is answered after each frame: the server is up and the room goes on.
      expect(await request(r.fw, 'view.full', {})).toMatchObject({ ok: true });
    }
    const texts = [
      JSON.stringify({ command: { type: 'message.send', actor: 'pm', to: ['framework'], text: 'As JSON.' } }),
      '{"command": {"type": "message.send", "actor": "pm", "to": ["framework"], "text": "As JSON."}',
      '\u0000\u202e',
      '[13, "command", {}]',
    ];
    for (const frame of texts) {
      if (!open()) await fresh();
      ws().send(frame);
      expect(await request(r.fw, 'view.full', {})).toMatchObject({ ok: true });
    }
    // A message type no room has, named to reorder or break the server's log line.
    if (!open()) await fresh();
    const linesBefore = t.log.length;
    sender.send('x\u202ey\u009b[2J\n', { command: {} });
    expect(await request(r.fw, 'view.full', {})).toMatchObject({ ok: true });
    const typeLine = t.log.slice(linesBefore).find((l) => l.includes('There is no message'));
    expect(typeLine).toMatch(/There is no message x y \[2J \.$/);
    // A message over the frame's size limit: its connection is closed, and the room goes on.
    if (!open()) await fresh();
    const closed = new Promise<number>((resolve) => sender.onLeave((code) => resolve(code)));
    sender.send('command', {
      command: { type: 'message.send', actor: 'pm', to: ['framework'], text: 'x'.repeat(80 * 1024) },
    });
    expect(await closed).not.toBe(1000);
    expect(await request(r.fw, 'view.full', {})).toMatchObject({ ok: true });
    // No handler failed on the way: every refusal or drop was said in one line, never a stack trace.
    expect(t.log.filter((l) => / failed: /.test(l) || l.includes('\n'))).toEqual([]);
    expect(await stored(t, r)).toEqual(before);
    // The misbehaving pm's seat itself still speaks from a good device.
    expect(
      await command(r.ana, { type: 'message.send', actor: 'pm', to: ['framework'], text: 'Back.' }),
    ).toMatchObject({ ok: true });
    // Text at its bound in the widest characters (three bytes each in UTF-8) still fits in a frame, and is taken.
    expect(
      await command(r.ana, {
        type: 'message.send',
        actor: 'pm',
        to: ['framework'],
        text: '中'.repeat(MAX_MESSAGE_CHARS),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await command(r.ana, {
        type: 'ruling.request',
        actor: 'pm',
        text: '中'.repeat(MAX_RULING_TEXT_CHARS),
        argument: '中'.repeat(MAX_RULING_ARGUMENT_CHARS),
      }),
    ).toMatchObject({ ok: true });
    expect(await stored(t, r)).toHaveLength(before.length + 3);
    for (const room of [r.ana, r.ben.room, r.fw, r.projector, r.lobby, r.f]) await room.leave();
  }, 120_000);
});

describe('a flood of hostile talk', () => {
  it('is refused past the allowance and cut off past the hard limit; the room talks on; nothing is written', async () => {
    // The served allowance without refill, so that the counts hold however slowly a loaded machine runs.
    const RATE = { ...CLASSROOM_RATE, perSecond: 0 };
    const c = await bootClassroom(undefined, RATE);
    try {
      const r = await talkRoom(c, 44);
      const before = await stored(c, r);
      const flooder = await c.harness.sdk.joinById(r.code, {
        role: 'student',
        seatCode: seatCode(r.key, r.code, 'pm'),
      });
      flooder.onMessage('*', () => undefined);
      flooder.reconnection.enabled = false;
      const left = new Promise<number>((resolve) => flooder.onLeave((code) => resolve(code)));
      const hostile = [
        { type: 'message.send', actor: 'framework', to: ['us'], text: 'Flood.' },
        { type: 'statement.publish', actor: 'us', text: 'Flood.' },
        { type: 'talk.set', level: 'none', approve: false },
        { type: 'message.send', actor: 'pm', to: ['framework'], text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) },
      ];
      const send = (i: number) =>
        request(flooder, 'command', { command: hostile[i % hostile.length] }).catch(() => ({
          ok: false as const,
          code: 'closed',
          message: '',
        }));
      // Within the hard limit: the allowance reaches the engine and is refused there, the rest for the rate.
      const within = await Promise.all(Array.from({ length: RATE.disconnectAbove / 2 }, (_, i) => send(i)));
      const codes = within.map((x) => (x.ok ? 'ok' : x.code));
      expect(codes.filter((x) => x === 'rate-limited')).toHaveLength(RATE.disconnectAbove / 2 - RATE.burst);
      expect(codes.filter((x) => x !== 'rate-limited').sort()).toEqual(
        [
          ...Array.from({ length: RATE.burst / 4 }, () => [
            'not-your-seat',
            'not-your-seat',
            'not-allowed',
            'malformed',
          ]),
        ]
          .flat()
          .sort(),
      );
      // Past it the connection is closed; meanwhile the framework's device writes to the pm's seat, and is answered.
      const flood = Array.from({ length: RATE.disconnectAbove * 2 }, (_, i) => send(i));
      expect(
        await command(r.fw, {
          type: 'message.send',
          actor: 'framework',
          to: ['pm'],
          text: 'During the flood.',
        }),
      ).toMatchObject({ ok: true });
      expect(await left).not.toBe(1000);
      expect((await Promise.all(flood)).filter((x) => x.ok)).toEqual([]);
      await r.ben.until<SeatClientView>((v) => v.talk.said.length === 3, 'the message during the flood');
      const after = await stored(c, r);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ command: { text: 'During the flood.' } });
      for (const room of [r.ana, r.ben.room, r.fw, r.projector, r.lobby, r.f]) await room.leave();
    } finally {
      await c.running.close();
    }
  }, 120_000);
});
