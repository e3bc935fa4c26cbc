// Every message type, fuzzed: malformed, oversized and out-of-order payloads from a student, the projector and an
// unseated device. The server never crashes, the game never changes, and each refusal is one line of the log.

import type { Room } from '@colyseus/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientView } from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

let t: TestClassroom;
beforeAll(async () => {
  t = await bootClassroom(undefined, { burst: 1e6, perSecond: 1e6, disconnectAbove: 1e6 });
});
afterAll(async () => {
  await t.running.close();
});

const id = fc.oneof(
  fc.constantFrom('pm', 'framework', 'iran', 'us', 'sadrists', '__proto__', 'constructor', ''),
  fc.string(),
);
const nearCommand = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'decision.submit',
        'decision.withdraw',
        'turn.resolve',
        'game.start',
        'game.pause',
        'seat.set',
        'inject.fire',
        'indicator.override',
        'game.end',
        'deadline.expire',
      ),
      fc.string(),
    ),
    actor: id,
    option: id,
    turn: fc.oneof(fc.integer(), fc.double(), fc.string()),
    holder: fc.constantFrom('person', 'computer', 'vacant', 'king'),
    event: id,
    value: fc.double(),
  },
  { requiredKeys: ['type'] },
);
const payload = fc.oneof(
  fc.jsonValue(),
  fc.record({ command: nearCommand }),
  fc.record({ command: nearCommand, by: fc.constant({ facilitator: true }) }),
  fc.record({ kind: fc.constantFrom('set', 'confirm', 'withdraw', 'veto'), option: id }),
  fc.record({ seat: id }),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);
const messageType = fc.oneof(
  fc.constantFrom('command', 'proposal', 'view.full'),
  fc.string({ maxLength: 20 }),
);

describe('fuzzing every message type', () => {
  it('refuses each in one log line and changes nothing', async () => {
    const f = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 3,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: 'fuzz-facilitator-key-0123',
    });
    const inbox = new Inbox(f);
    const { code, accepted } = await inbox.until<ConsoleClientView>((v) => v.kind === 'console');
    const senders: Room[] = [
      await t.harness.sdk.joinById(code, {
        role: 'student',
        seatCode: seatCode('fuzz-facilitator-key-0123', code, 'pm'),
      }),
      await t.harness.sdk.joinById(code, { role: 'projector' }),
      await t.harness.sdk.joinById(code, { role: 'student' }),
    ];
    let sent = 0;
    let okReplies = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(senders.length - 1), messageType, payload, async (who, type, message) => {
        const room = senders[who]!;
        const linesBefore = t.log.length;
        if (['command', 'proposal', 'view.full'].includes(type)) {
          const reply = (await room.request(type, message)) as Reply;
          if (reply.ok) okReplies++;
          // Only asking for the whole view again is ever answered yes; it changes nothing in the game.
          if (type !== 'view.full') expect(reply.ok).toBe(false);
        } else {
          room.send(type, message);
          await room.request('view.full', {});
        }
        sent++;
        const lines = t.log.slice(linesBefore);
        if (type !== 'view.full') {
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(new RegExp(`^room ${code}: refused [a-z-]+ from `));
          expect(lines[0]).not.toMatch(/\n/);
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
    expect(sent).toBe(300);
    const after = (await f.request('view.full', {})) as Reply;
    expect(after).toEqual({ ok: true, accepted });
    expect(okReplies).toBeLessThan(sent);
    for (const r of [...senders, f]) await r.leave();
  });

  it('closes the connection of a message over the size limit, and the room goes on', async () => {
    const f = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 4,
      seats: { pm: 'person' },
      autoResolve: true,
      key: 'fuzz-facilitator-key-0456',
    });
    const inbox = new Inbox(f);
    const { code } = await inbox.until<ConsoleClientView>((v) => v.kind === 'console');
    const big = await t.harness.sdk.joinById(code, {
      role: 'student',
      seatCode: seatCode('fuzz-facilitator-key-0456', code, 'pm'),
    });
    const closed = new Promise<number>((resolve) => big.onLeave((c) => resolve(c)));
    big.send('command', { command: { type: 'game.start', pad: 'x'.repeat(64 * 1024) } });
    expect(await closed).not.toBe(1000);
    // Said in one line of the server's log, not a stack trace.
    await expect.poll(() => t.log.filter((l) => l.includes('Max payload size exceeded'))).toHaveLength(1);
    expect(t.log.find((l) => l.includes('Max payload'))).not.toMatch(/\n/);
    expect(await f.request('command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    await f.leave();
  });
});
