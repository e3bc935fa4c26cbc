// Fuzz and identity tests of the talk, agreement and ruling commands (issue 19), at the engine, through the path a
// classroom message takes (parseEntry, cleanCommand, then the engine): a seat writing as another seat or as the
// facilitator, the facilitator writing as a seat, messages to seats that may not receive them, oversized, empty or
// hostile text, wrong types, missing and extra fields, prototype keys, stale numbers, a paused or ended game. Every
// one is refused in one line, nothing throws, and the state (copied or in place) and the record are as they were.
// Text that is hostile but readable, from the right seat, is taken as inert text: cleaned, bounded, never more.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Command,
  cleanCommand,
  type Entry,
  type Issuer,
  parseEntry,
  type Refusal,
} from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { type Applied, applyCommand, applyOwned } from '../../src/sim/engine.ts';
import { cleanText } from '../../src/sim/free-text.ts';
import {
  MAX_ADDRESSEES,
  MAX_DECISION_REASON_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_REASON_CHARS,
  MAX_RULING_ARGUMENT_CHARS,
  MAX_RULING_TEXT_CHARS,
  MAX_STATEMENT_CHARS,
} from '../../src/sim/limits.ts';
import { replay } from '../../src/sim/record.ts';
import type { GameState } from '../../src/sim/state.ts';
import { facilitatorView, publicView, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
/** A game at its 'statements' turn, people at pm, us and framework, with something of each kind in it. */
let open: LiveGame;
const states: Record<string, GameState> = {};

const person = (seat: string): Issuer => ({ seat, as: 'person' });
const computer = (seat: string): Issuer => ({ seat, as: 'computer' });

/** Each new command, well-formed, from the issuer that may send it in `open`: the base every case below bends. */
const BASE: readonly Entry[] = [
  { by: person('pm'), command: { type: 'statement.publish', actor: 'pm', text: 'We call for calm.' } },
  {
    by: person('pm'),
    command: {
      type: 'statement.publish',
      actor: 'pm',
      text: 'A cowardly attack.',
      claim: 'a-cowardly-attack',
    },
  },
  {
    by: person('pm'),
    command: { type: 'statement.publish', actor: 'pm', text: 'To Washington.', to: ['us'] },
  },
  {
    by: person('pm'),
    command: { type: 'message.send', actor: 'pm', to: ['us', 'framework'], text: 'Meet?' },
  },
  { by: FACILITATOR, command: { type: 'talk.set', level: 'statements', approve: false } },
  { by: FACILITATOR, command: { type: 'statement.approve', n: 1 } },
  { by: FACILITATOR, command: { type: 'said.hide', n: 2, reason: 'Off topic.' } },
  {
    by: person('pm'),
    command: { type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' },
  },
  {
    by: person('pm'),
    command: { type: 'agreement.answer', actor: 'pm', n: 1, accept: false, reason: 'No.' },
  },
  { by: person('framework'), command: { type: 'agreement.withdraw', actor: 'framework', n: 1 } },
  {
    by: person('pm'),
    command: {
      type: 'ruling.request',
      actor: 'pm',
      text: 'We close the bridge.',
      argument: 'To stop the march.',
    },
  },
  { by: FACILITATOR, command: { type: 'ruling.give', n: 1, verdict: 'refused', reason: 'Not now.' } },
];

const seatBase = () => BASE.filter((e) => 'seat' in e.by);
const facilitatorBase = () => BASE.filter((e) => 'facilitator' in e.by);

beforeAll(async () => {
  c = await bundledScenario();
  open = new LiveGame(c, 11).start(['pm', 'us', 'framework']);
  playTurns(open, [0], c.turnIndexById.get('statements')!);
  const setup: Entry[] = [
    { by: FACILITATOR, command: { type: 'talk.set', level: 'all', approve: true } },
    // 1: a public statement waiting for approval; 2: one to a named seat, not waiting.
    { by: person('pm'), command: { type: 'statement.publish', actor: 'pm', text: 'We call for calm.' } },
    { by: person('pm'), command: { type: 'statement.publish', actor: 'pm', text: 'To the US.', to: ['us'] } },
    // Proposal 1, from the framework to the pm; request 1, the pm's.
    {
      by: person('framework'),
      command: { type: 'agreement.propose', actor: 'framework', to: 'pm', agreement: 'recount-for-sit-ins' },
    },
    {
      by: person('pm'),
      command: { type: 'ruling.request', actor: 'pm', text: 'We march.', argument: 'For calm.' },
    },
  ];
  for (const entry of setup) expect(open.run(entry), JSON.stringify(entry)).toBe(true);
  states.open = open.state;
  // The next turn: the proposal was left unanswered and lapsed.
  const next = new LiveGame(c, 11);
  for (const entry of open.record.entries) expect(next.run(entry)).toBe(true);
  playTurns(next, [0], 1);
  expect(next.state.world.turn).toBe(open.state.world.turn + 1);
  states.nextTurn = next.state;
  const derived = (entries: Entry[]): GameState => {
    let s = open.state;
    for (const entry of entries) {
      const r = applyCommand(c, s, entry);
      if (!r.ok) throw new Error(r.message);
      s = r.state;
    }
    return s;
  };
  states.paused = derived([{ by: FACILITATOR, command: { type: 'game.pause' } }]);
  states.ended = derived([{ by: FACILITATOR, command: { type: 'game.end' } }]);
  states.quiet = derived([{ by: FACILITATOR, command: { type: 'talk.set', level: 'none', approve: false } }]);
  states.statementsOnly = derived([
    { by: FACILITATOR, command: { type: 'talk.set', level: 'statements', approve: false } },
  ]);
});

// --- the path a classroom message takes, and what every refusal must be ----------------------------------------

type Result = Applied | Refusal;

function attempt(state: GameState, raw: unknown, owned: boolean): Result {
  const parsed = parseEntry(raw);
  if ('ok' in parsed) return parsed;
  const command = cleanCommand(parsed.command);
  if ('ok' in command) return command;
  const entry = { by: parsed.by, command };
  return owned ? applyOwned(c, state, entry) : applyCommand(c, state, entry);
}

/** Line breaks, controls, and the invisible and direction-changing characters (code point ranges). */
const HIDDEN: readonly [number, number][] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2069],
  [0xfeff, 0xfeff],
];
const hidden = (text: string) =>
  [...text].some((ch) => HIDDEN.some(([from, to]) => ch.codePointAt(0)! >= from && ch.codePointAt(0)! <= to));

/** One line of at most a few hundred characters, with nothing hidden in it. */
function expectOneLine(message: string): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message.length).toBeLessThanOrEqual(400);
  expect(hidden(message), JSON.stringify(message)).toBe(false);
}

/** Refused, in one line, without a throw; the state as it was, whether the engine copies or changes in place. */
function expectRefused(state: GameState, raw: unknown, codes?: readonly string[]): Refusal {
  const before = structuredClone(state);
  const copied = attempt(state, raw, false);
  expect(copied.ok, JSON.stringify(raw)?.slice(0, 300)).toBe(false);
  const r = copied as Refusal;
  expectOneLine(r.message);
  if (codes) expect(codes, r.message).toContain(r.code);
  expect(state).toEqual(before);
  const mine = structuredClone(state);
  const inPlace = attempt(mine, raw, true);
  expect(inPlace).toEqual(r);
  expect(mine).toEqual(before);
  return r;
}

function accepted(state: GameState, entry: Entry): GameState {
  const r = attempt(state, entry, false);
  if (!r.ok) throw new Error(`${entry.command.type} was refused: ${r.message}`);
  return r.state;
}

// --- arbitraries ---------------------------------------------------------------------------------------------------

/** Ids a hostile client may send: seats of another actor, no actor, the prototype's names, markup, controls. */
const hostileId = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    'president',
    'street',
    'nobody',
    '<script>alert(1)</script>',
    'pm\nus',
    'pm\u202e',
    'pm\u0000',
    ' pm',
    'PM',
    'x'.repeat(100),
  ),
  fc.string({ minLength: 1, maxLength: 100 }),
);

/** Characters that are nothing to read: controls, bidirectional marks and overrides, zero-width, white space. */
const invisibleChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  ' ',
  '\t',
  '\n',
  '\r',
);
const nothingToRead = fc.array(invisibleChar, { maxLength: 60 }).map((a) => a.join(''));

/** Readable text with hostile pieces in it: markup, script, bidi overrides, controls, surrogates, long runs. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '"><b>',
        '{{constructor.constructor("x")()}}',
        `$${'{'}process.exit()}`,
        '\u202eevil',
        '\u2066x\u2069',
        '\u0000',
        '\u001b[31m',
        '&amp;&lt;',
        '🇮🇶',
        'العراق',
        '__proto__',
      ),
      invisibleChar,
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((parts) => `a ${parts.join('')}`);

/** A text longer than `max`, of any characters. */
const overlong = (max: number) =>
  fc.tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(3000)).map(([piece, extra]) => {
    const text = piece.repeat(Math.ceil((max + 1 + extra) / piece.length));
    return text.slice(0, Math.max(max + 1, text.length - (piece.length - 1)));
  });

/** Numbers that name nothing said, proposed or requested in `open`. */
const badNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 99, 1_000_000, 1_000_001, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0.000001),
  fc.double({ noDefaultInfinity: false }).filter((n) => !Number.isInteger(n) || n < 1 || n > 3),
  fc.integer({ min: 4 }),
);

/** A value of the wrong type for any field. */
const wrongValue = fc.oneof(
  // No field takes null, an object, NaN or a number that large; `to` takes no array with a non-string in it.
  fc.constantFrom(null, {}, [[]], { length: 1 }, { toString: 'x' }, 1e308, Number.NaN),
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  ),
  fc.array(fc.jsonValue(), { maxLength: 3 }).map((a) => [...a, null]),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
);

const REQUIRED: Record<string, readonly string[]> = {
  'statement.publish': ['actor', 'text'],
  'message.send': ['actor', 'to', 'text'],
  'talk.set': ['level', 'approve'],
  'statement.approve': ['n'],
  'said.hide': ['n', 'reason'],
  'agreement.propose': ['actor', 'to', 'agreement'],
  'agreement.answer': ['actor', 'n', 'accept'],
  'agreement.withdraw': ['actor', 'n'],
  'ruling.request': ['actor', 'text', 'argument'],
  'ruling.give': ['n', 'verdict', 'reason'],
};

/** A base command with one change that no schema takes: a field missing, of the wrong type, or one too many. */
const malformed = fc
  .tuple(
    fc.nat(BASE.length - 1),
    fc.nat(9),
    fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'by', 'seat', 'turn', 'prototype'),
      fc.string({ maxLength: 10 }),
    ),
    wrongValue,
  )
  .map(([i, pick, key, value]) => {
    const base = BASE[i]!;
    const command: Record<string, unknown> = { ...base.command };
    const fields = Object.keys(command).filter((k) => k !== 'type');
    const mutation = pick % 3;
    if (mutation === 0) {
      const required = REQUIRED[base.command.type]!;
      delete command[required[pick % required.length]!];
    } else if (mutation === 1) {
      // Every value of `wrongValue` is of the wrong type for every field.
      command[fields[pick % fields.length]!] = value;
    } else {
      // A key no command has, set as an own property (as JSON.parse and msgpack set `__proto__`).
      const extra = Object.hasOwn(command, key) || key === '' ? `${key}x` : key;
      Object.defineProperty(command, extra, { value, enumerable: true, configurable: true, writable: true });
    }
    return { by: base.by, command } as unknown;
  });

// --- the tests -----------------------------------------------------------------------------------------------------

describe('the base commands', () => {
  it('are each taken from the issuer that may send them: so each refusal below is for what was bent', () => {
    for (const entry of BASE) accepted(states.open!, entry);
  });
});

describe('a seat writing as another seat, or as the facilitator', () => {
  it('is refused whatever seat it holds, and whoever it names', () => {
    const wrongIssuer = (actor: string) =>
      fc.oneof(
        fc.constantFrom<Issuer>(
          FACILITATOR,
          person('us'),
          person('framework'),
          computer('iran'),
          computer('sadrists'),
          // The seat it names, but not as its holder: pm is a person's seat.
          computer(actor),
        ),
        hostileId.map((seat) => (seat === actor ? person(`${seat}x`) : person(seat))),
        hostileId.map((seat) => (seat === actor ? computer(`${seat}x`) : computer(seat))),
      );
    fc.assert(
      fc.property(
        fc
          .constantFrom(...seatBase())
          .chain((e) => fc.tuple(fc.constant(e), wrongIssuer((e.command as { actor: string }).actor))),
        ([base, by]) => {
          // The seat's own issuer is the one case that is not wrong.
          fc.pre(JSON.stringify(by) !== JSON.stringify(base.by));
          expectRefused(states.open!, { by, command: base.command }, [
            'not-your-seat',
            'not-allowed',
            'unknown',
          ]);
        },
      ),
      { numRuns: 300, seed: 19_001 },
    );
  });

  it('is refused when it names a seat it does not hold, even from that seat’s name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seatBase()),
        hostileId,
        fc.constantFrom('person', 'computer'),
        (base, id, as) => {
          // A seat a person holds here becomes iran, the computer's; iran and sadrists are sent as a person. Every
          // other id names no playable seat at all.
          const actor = ['pm', 'us', 'framework'].includes(id) ? 'iran' : id;
          const by: Issuer = {
            seat: actor,
            as: ['iran', 'sadrists'].includes(actor) ? 'person' : (as as 'person'),
          };
          const command = { ...base.command, actor } as Command;
          expectRefused(states.open!, { by, command }, ['not-your-seat', 'unknown']);
        },
      ),
      { numRuns: 200, seed: 19_002 },
    );
  });

  it('refuses a seat that sends the facilitator’s commands', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...facilitatorBase()),
        fc.oneof(fc.constantFrom(person('pm'), person('us'), computer('iran')), hostileId.map(person)),
        (base, by) => {
          expectRefused(states.open!, { by, command: base.command }, ['not-allowed']);
        },
      ),
      { numRuns: 150, seed: 19_003 },
    );
  });
});

describe('messages and statements to seats that may not receive them', () => {
  it('refuses a non-seat, the sender itself, a seat named twice, too many, or none', () => {
    const badTo = fc.oneof(
      hostileId.filter((x) => !['us', 'framework', 'iran', 'sadrists'].includes(x)).map((x) => [x]),
      fc.constant(['pm']),
      fc.constant(['us', 'us']),
      fc.constant(['us', 'framework', 'us']),
      fc.constant([] as string[]),
      fc.constant(Array.from({ length: MAX_ADDRESSEES + 1 }, (_, i) => `seat${i}`)),
      fc
        .tuple(fc.constantFrom('us', 'framework', 'iran'), hostileId)
        .map(([ok, bad]) => (bad === ok ? [ok, ok] : [ok, bad])),
    );
    fc.assert(
      fc.property(fc.constantFrom('message.send', 'statement.publish'), badTo, (type, to) => {
        const command = { type, actor: 'pm', to, text: 'Meet us at the gate.' } as Command;
        expectRefused(states.open!, { by: person('pm'), command }, ['unknown', 'malformed']);
      }),
      { numRuns: 200, seed: 19_004 },
    );
  });

  it('refuses what the room’s talk level does not allow', () => {
    const message: Entry = BASE.find((e) => e.command.type === 'message.send')!;
    expectRefused(states.statementsOnly!, message, ['not-allowed']);
    for (const e of seatBase().filter(
      (x) => x.command.type.startsWith('statement') || x.command.type === 'message.send',
    ))
      expectRefused(states.quiet!, e, ['not-allowed']);
    const propose = BASE.find((e) => e.command.type === 'agreement.propose')!;
    expectRefused(states.quiet!, propose, ['not-allowed']);
    expectRefused(states.statementsOnly!, propose, ['not-allowed']);
  });
});

describe('text', () => {
  const texts: readonly [Command['type'], string, number][] = [
    ['statement.publish', 'text', MAX_STATEMENT_CHARS],
    ['message.send', 'text', MAX_MESSAGE_CHARS],
    ['said.hide', 'reason', MAX_REASON_CHARS],
    ['agreement.answer', 'reason', MAX_DECISION_REASON_CHARS],
    ['ruling.request', 'text', MAX_RULING_TEXT_CHARS],
    ['ruling.request', 'argument', MAX_RULING_ARGUMENT_CHARS],
    ['ruling.give', 'reason', MAX_REASON_CHARS],
  ];
  const withText = (type: string, field: string, text: string): Entry => {
    const base = BASE.find((e) => e.command.type === type)!;
    return { by: base.by, command: { ...base.command, [field]: text } as Command };
  };

  it('refuses text over its bound, whatever it is made of', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...texts)
          .chain(([type, field, max]) => fc.tuple(fc.constant([type, field] as const), overlong(max))),
        ([[type, field], text]) => {
          expectRefused(states.open!, withText(type, field, text), ['malformed']);
        },
      ),
      { numRuns: 150, seed: 19_005 },
    );
  });

  it('refuses text with nothing to read (controls, direction marks, zero-width, white space)', () => {
    // An answer's reason is optional: one with nothing to read is dropped, and the answer goes on without it.
    const required = texts.filter(([type]) => type !== 'agreement.answer');
    fc.assert(
      fc.property(fc.constantFrom(...required), nothingToRead, ([type, field], text) => {
        expectRefused(states.open!, withText(type, field, text), ['malformed']);
      }),
      { numRuns: 200, seed: 19_006 },
    );
  });

  it('takes hostile but readable text from the right seat as inert text: cleaned, bounded, one item more', () => {
    fc.assert(
      fc.property(fc.constantFrom('statement.publish', 'message.send'), hostileText, (type, text) => {
        const max = type === 'message.send' ? MAX_MESSAGE_CHARS : MAX_STATEMENT_CHARS;
        const entry = withText(type, 'text', text);
        const before = structuredClone(states.open!);
        const r = attempt(states.open!, entry, false);
        expect(states.open).toEqual(before);
        if (!r.ok) {
          // Only for its length: there is always something to read in it.
          expect(text.length).toBeGreaterThan(max);
          expectOneLine(r.message);
          return;
        }
        const said = r.state.said.at(-1)!;
        expect(r.state.said).toHaveLength(before.said.length + 1);
        expect(said.text).toBe(cleanText(text, max));
        expect(said.text.length).toBeLessThanOrEqual(max);
        expect(hidden(said.text)).toBe(false);
        expect(r.state.world).toEqual(before.world);
        // Every view that shows it is built without a throw.
        facilitatorView(c, r.state);
        publicView(c, r.state);
        for (const actor of c.playableIds) viewFor(c, r.state, actor);
      }),
      { numRuns: 150, seed: 19_007 },
    );
  });
});

describe('wrong types, missing fields and keys no command has', () => {
  it('refuses each, however it is bent', () => {
    fc.assert(
      fc.property(malformed, (raw) => {
        expectRefused(states.open!, raw, ['malformed']);
      }),
      { numRuns: 400, seed: 19_008 },
    );
    // Nothing was written into any prototype on the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses whole random values and entries that name the new commands', () => {
    const type = fc.constantFrom(...Object.keys(REQUIRED));
    const raw = fc.oneof(
      fc.jsonValue(),
      fc.record({ by: fc.jsonValue(), command: fc.jsonValue() }),
      fc.record({
        by: fc.constant(person('pm')),
        command: fc
          .dictionary(fc.string({ maxLength: 9 }), fc.jsonValue())
          .chain((d) => type.map((t) => ({ ...d, type: t }))),
      }),
      fc.record({
        by: fc.constant({ seat: 'pm', as: 'person', facilitator: true }),
        command: fc.constant(BASE[0]!.command),
      }),
      fc.record({ by: fc.constant({ facilitator: 'yes' }), command: fc.constant(BASE[4]!.command) }),
    );
    let refusedCount = 0;
    fc.assert(
      fc.property(raw, (value) => {
        expectRefused(states.open!, value);
        refusedCount++;
      }),
      { numRuns: 300, seed: 19_009 },
    );
    expect(refusedCount).toBe(300);
  });
});

describe('numbers that name nothing, or what is over', () => {
  it('refuses a number out of range, not whole, or not a number at all', () => {
    const numbered = BASE.filter((e) => 'n' in e.command);
    fc.assert(
      fc.property(fc.constantFrom(...numbered), badNumber, (base, n) => {
        expectRefused(states.open!, { by: base.by, command: { ...base.command, n } }, [
          'malformed',
          'unknown',
        ]);
      }),
      { numRuns: 300, seed: 19_010 },
    );
  });

  it('refuses what is no longer open: an answered proposal, an approved statement, a ruled request', () => {
    const done = (entry: Entry) => accepted(states.open!, entry);
    const [approve, hide, answer, withdraw, give] = [BASE[5]!, BASE[6]!, BASE[8]!, BASE[9]!, BASE[11]!];
    expectRefused(done(approve), approve, ['wrong-phase']);
    expectRefused(done(hide), hide, ['unchanged']);
    expectRefused(done(answer), answer, ['wrong-phase']);
    expectRefused(done(answer), withdraw, ['wrong-phase']);
    expectRefused(done(withdraw), answer, ['wrong-phase']);
    expectRefused(done(give), give, ['unchanged']);
    // An answer a turn late: the proposal lapsed when its turn resolved.
    expect(states.nextTurn!.agreements[0]!.status).toBe('lapsed');
    expectRefused(states.nextTurn!, answer, ['wrong-phase']);
    expectRefused(states.nextTurn!, withdraw, ['wrong-phase']);
    // A proposal answered by the party that made it, withdrawn by the one it was made to.
    expectRefused(
      states.open!,
      {
        by: person('framework'),
        command: { type: 'agreement.answer', actor: 'framework', n: 1, accept: true },
      },
      ['unknown'],
    );
    expectRefused(
      states.open!,
      { by: person('pm'), command: { type: 'agreement.withdraw', actor: 'pm', n: 1 } },
      ['unknown'],
    );
    // A ruling with odds out of range, an effect that is not the scenario's or not for this seat.
    const ruling = (extra: Record<string, unknown>) => ({
      by: FACILITATOR,
      command: { type: 'ruling.give', n: 1, reason: 'So.', ...extra },
    });
    for (const extra of [
      { verdict: 'rolled', effect: 'quiet-channel', odds: 0 },
      { verdict: 'rolled', effect: 'quiet-channel', odds: 1 },
      { verdict: 'rolled', effect: 'quiet-channel', odds: Number.NaN },
      { verdict: 'rolled', effect: 'quiet-channel' },
      { verdict: 'allowed', effect: 'quiet-channel', odds: 0.5 },
      { verdict: 'allowed', effect: '__proto__' },
      { verdict: 'allowed', effect: 'constructor' },
      { verdict: 'allowed' },
      { verdict: 'refused', effect: 'quiet-channel' },
      { verdict: 'maybe', effect: 'quiet-channel' },
    ])
      expectRefused(states.open!, ruling(extra), ['malformed', 'unknown', 'not-allowed']);
    // A claim that is not the scenario's, or not this speaker's.
    for (const claim of ['__proto__', 'constructor', 'most-likely-militias', 'x'.repeat(101)])
      expectRefused(
        states.open!,
        { by: person('pm'), command: { type: 'statement.publish', actor: 'pm', text: 'So.', claim } },
        ['malformed', 'unknown', 'not-allowed'],
      );
  });
});

describe('a paused or ended game', () => {
  it('refuses every seat’s command while paused, and every command but hiding once ended', () => {
    for (const entry of seatBase()) expectRefused(states.paused!, entry, ['paused']);
    for (const entry of BASE) {
      // Hiding stays possible after the end: the debrief shows only what the room let stand.
      if (entry.command.type === 'said.hide') continue;
      expectRefused(states.ended!, entry, ['wrong-phase']);
    }
  });
});

describe('the record', () => {
  it('holds only what was taken: a live game fed every refused case replays to the same state', () => {
    const game = new LiveGame(c, 11).start(['pm', 'us', 'framework']);
    playTurns(game, [0], c.turnIndexById.get('statements')!);
    const entries = game.record.entries.length;
    const before = structuredClone(game.state);
    const wrongSeat = seatBase().map((e) => ({ by: person('us'), command: e.command }));
    const bent = [...fc.sample(malformed, { numRuns: 100, seed: 19_011 }), ...wrongSeat];
    for (const raw of bent) {
      const r = attempt(game.state, raw, false);
      expect(r.ok).toBe(false);
      if (r.ok) game.record.entries.push(raw as Entry);
    }
    expect(game.record.entries).toHaveLength(entries);
    expect(game.state).toEqual(before);
    expect(replay(c, game.record)).toEqual(game.state);
  });
});
