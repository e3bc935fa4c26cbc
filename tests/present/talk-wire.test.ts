// A talk panel's model as the classroom sends it (src/present/talk-wire.ts): the device builds back the very model
// talkModel gives, so the panels show the same; and the lines go oldest first, so that a new one is appended and the
// room's patch carries it alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TalkInput, talkModel } from '../../src/present/talk.presenter.ts';
import { talkModelOf, talkWire } from '../../src/present/talk-wire.ts';
import { diffView } from '../../src/session/view-patch.ts';
import type { SaidView } from '../../src/sim/talk.ts';

const seats = [
  { actor: 'pm', label: 'The Prime Minister' },
  { actor: 'sadrists', label: 'The Sadrists' },
  { actor: 'framework', label: 'The Framework' },
];
const limits = { statement: 400, message: 1000, reason: 300 };
const claimLabel = (id: string) => (id === 'calm-holds' ? 'The calm holds' : `?${id}`);

// Seats of the scenario, and one the panel's list does not hold (its id stands for its name, as in talkModel).
const actor = fc.constantFrom('pm', 'sadrists', 'framework', 'stranger');
const saidView = fc.record(
  {
    n: fc.nat(5000),
    turn: fc.nat(40),
    kind: fc.constantFrom('statement' as const, 'message' as const),
    from: actor,
    to: fc.oneof(fc.constant('public' as const), fc.uniqueArray(actor, { minLength: 1, maxLength: 4 })),
    text: fc.string({ maxLength: 60 }),
    waiting: fc.boolean(),
    hidden: fc.string({ minLength: 1, maxLength: 20 }),
    claim: fc.constantFrom('calm-holds', 'other'),
  },
  { requiredKeys: ['n', 'turn', 'kind', 'from', 'to', 'text', 'waiting'] },
) as fc.Arbitrary<SaidView>;

const input = fc.record({
  said: fc.array(saidView, { maxLength: 12 }),
  rule: fc.record({
    level: fc.constantFrom('none' as const, 'statements' as const, 'all' as const),
    approve: fc.boolean(),
  }),
  seats: fc.constant(seats),
  actor: fc.option(fc.constantFrom('pm', 'sadrists', 'framework'), { nil: null }),
  live: fc.boolean(),
  limits: fc.constant(limits),
  claims: fc.constantFrom([], ['calm-holds']),
  claimLabel: fc.constantFrom(claimLabel, undefined),
}) as fc.Arbitrary<TalkInput>;

describe('a talk panel on the wire', () => {
  it('is built back into the model talkModel gives, line for line, for any input', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(talkModelOf(talkWire(i))).toEqual(talkModel(i));
      }),
      { numRuns: 300 },
    );
  });

  it('survives the wire as plain JSON (a patch and msgpack carry nothing else)', () => {
    const i: TalkInput = {
      said: [
        { n: 1, turn: 0, kind: 'statement', from: 'sadrists', to: 'public', text: 'Calm.', waiting: true },
        {
          n: 2,
          turn: 1,
          kind: 'message',
          from: 'pm',
          to: ['sadrists', 'framework'],
          text: 'Meet?',
          waiting: false,
        },
        {
          n: 3,
          turn: 1,
          kind: 'statement',
          from: 'pm',
          to: 'public',
          text: 'Now.',
          waiting: false,
          claim: 'calm-holds',
          hidden: 'Off topic.',
        },
      ],
      rule: { level: 'all', approve: true },
      seats,
      actor: 'pm',
      live: true,
      limits,
      claimLabel,
    };
    const sent = JSON.parse(JSON.stringify(talkWire(i)));
    expect(talkModelOf(sent)).toEqual(talkModel(i));
  });

  it('carries a line as a few numbers and its text: seats by their place, no labels, no flags spelled out', () => {
    const wire = talkWire({
      said: [
        {
          n: 7,
          turn: 2,
          kind: 'message',
          from: 'pm',
          to: ['framework'],
          text: 'Meet at noon?',
          waiting: false,
        },
      ],
      rule: { level: 'all', approve: false },
      seats,
      actor: 'sadrists',
      live: true,
      limits,
    });
    expect(wire.said).toEqual([[7, 2, 1, 0, [2], 'Meet at noon?']]);
  });

  it('appends a new line: the patch from one panel to the next holds that line alone', () => {
    const line = (n: number): SaidView => ({
      n,
      turn: 0,
      kind: 'message',
      from: 'pm',
      to: ['sadrists'],
      text: `Message ${n}`,
      waiting: false,
    });
    const at = (count: number) =>
      talkWire({
        said: Array.from({ length: count }, (_, k) => line(k + 1)),
        rule: { level: 'all', approve: false },
        seats,
        actor: 'sadrists',
        live: true,
        limits,
      });
    expect(diffView(at(9), at(10))).toEqual([
      [
        ['said', 9],
        [10, 0, 1, 0, [1], 'Message 10'],
      ],
    ]);
  });
});
