// The engine's own refusals (src/sim/engine.ts: the decisions, the proposals, the facilitator's commands, the turn),
// said by key in both languages (issue 20): each key is reached by a command the engine refuses, and its words are
// checked (tests/helpers/refusal-said.ts): English word for word the engine's sentence, Arabic an Arabic line.
import { beforeAll, describe, expect, it } from 'vitest';
import { withLanguage } from '../../../src/present/i18n/i18n.ts';
import { type RefusalNames, saidText } from '../../../src/present/refusal-text.ts';
import { Scenario as ScenarioSchema } from '../../../src/scenario/schema.ts';
import { cleanCommand, type Entry, parseEntry, type Refusal } from '../../../src/sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../../../src/sim/compile.ts';
import { applyCommand } from '../../../src/sim/engine.ts';
import { MAX_DECISION_CHANGES_PER_TURN, MAX_PROPOSALS_PER_TURN } from '../../../src/sim/limits.ts';
import type { EngineRefusalKey, RefusalKey } from '../../../src/sim/refusal-keys.ts';
import type { GameState } from '../../../src/sim/state.ts';
import { bundledScenario } from '../../helpers/bundled.ts';
import { miniScenario } from '../../helpers/mini-scenario.ts';
import { FACILITATOR, LiveGame } from '../../helpers/play.ts';
import { arabicNames, expectSaid, IDS_AS_NAMES, loadBothLanguages } from '../../helpers/refusal-said.ts';

let c: CompiledScenario;
let arabic: RefusalNames;
/** The mini scenario with nothing to decide: the militia decides only from the second turn, and the government's
 * one option is closed until it believes the militia struck. It has no Arabic names: ids are said as they are. */
let bare: CompiledScenario;
const states: Record<string, GameState> = {};
let options: readonly string[];
/** An event of the bundled scenario that happens once. */
let onceEvent: string;

const pm = { seat: 'pm', as: 'person' } as const;
const submit = (option: string, turn?: number) => ({
  by: pm,
  command: { type: 'decision.submit', actor: 'pm', option, ...(turn === undefined ? {} : { turn }) },
});
const propose = (option: string | null) => ({
  by: pm,
  command: { type: 'proposal.set', actor: 'pm', option },
});
const byFacilitator = (command: unknown) => ({ by: FACILITATOR, command });

/** The state after each entry is accepted. */
function after(state: GameState, entries: readonly unknown[], scenario = c): GameState {
  let s = state;
  for (const entry of entries) {
    const r = applyCommand(scenario, s, entry as Entry);
    if (!r.ok) throw new Error(`refused while building a state: ${r.message}`);
    s = r.state;
  }
  return s;
}

beforeAll(async () => {
  await loadBothLanguages();
  c = await bundledScenario();
  arabic = await arabicNames('scenarios/baghdad-2021', c);
  const open = new LiveGame(c, 5).start(['pm', 'us']).state;
  states.open = open;
  options = open.offers.pm!.options;
  onceEvent = [...c.eventById.values()].find((e) => e.once)!.id;
  states.paused = after(open, [byFacilitator({ type: 'game.pause' })]);
  states.ended = after(open, [byFacilitator({ type: 'game.end' })]);
  states.chosen = after(open, [submit(options[0]!), propose(options[0]!)]);
  states.changed = after(
    open,
    Array.from({ length: MAX_DECISION_CHANGES_PER_TURN }, (_, i) => submit(options[i % 2]!)),
  );
  states.proposed = after(
    open,
    Array.from({ length: MAX_PROPOSALS_PER_TURN }, (_, i) => propose(options[i % 2]!)),
  );
  states.queued = after(open, [
    byFacilitator({ type: 'inject.fire', event: onceEvent, at: 'next-resolution' }),
  ]);

  const scenario = structuredClone(miniScenario);
  const [gov, militia] = scenario.decisions;
  gov!.options = gov!.options.filter((o) => o.id === 'accuse');
  militia!.turns = ['t2'];
  bare = compileScenario(ScenarioSchema.parse(scenario));
  states.bare = new LiveGame(bare, 3).start(['gov', 'militia']).state;
});

/** The refusal of `raw` in `state`, through the path a classroom message takes (`made:` one the page made). */
function refused(state: string, raw: unknown): Refusal {
  const parsed = state.startsWith('made:') ? (raw as Entry) : parseEntry(raw);
  if ('ok' in parsed) return parsed;
  const command = cleanCommand(parsed.command);
  if ('ok' in command) return command;
  const name = state.replace('made:', '');
  const r = applyCommand(name === 'bare' ? bare : c, states[name]!, { by: parsed.by, command } as Entry);
  expect(r.ok, JSON.stringify(raw)).toBe(false);
  return r as Refusal;
}

const seat = (actor: string, as: 'person' | 'computer' = 'person') => ({ seat: actor, as });
const inBare = (actor: string, command: Record<string, unknown>) => ({
  by: seat(actor),
  command: { actor, ...command },
});

/** Each case: the state, and the command refused there (made when the states are). */
const CASES: readonly (readonly [string, () => unknown])[] = [
  ['chosen', () => submit(options[0]!)],
  ['paused', () => byFacilitator({ type: 'game.pause' })],
  ['chosen', () => propose(options[0]!)],
  ['open', () => byFacilitator({ type: 'game.start' })],
  [
    'open',
    () => ({
      by: seat('sadrists', 'computer'),
      command: { type: 'proposal.set', actor: 'sadrists', option: null },
    }),
  ],
  ['open', () => byFacilitator({ type: 'decision.submit', actor: 'pm', option: options[0] })],
  ['queued', () => byFacilitator({ type: 'inject.fire', event: onceEvent, at: 'now' })],
  ['open', () => ({ by: seat('us'), command: { type: 'game.end' } })],
  ['open', () => ({ by: seat('pm', 'computer'), command: { type: 'turn.resolve', now: true } })],
  [
    'open',
    () => ({ by: seat('nobody'), command: { type: 'decision.submit', actor: 'nobody', option: 'x' } }),
  ],
  ['made:open', () => ({ by: pm, command: { type: 'no.such' } })],
  ['bare', () => inBare('militia', { type: 'decision.submit', option: 'wait' })],
  ['open', () => byFacilitator({ type: 'inject.fire', event: 'no-such-event', at: 'now' })],
  [
    'open',
    () => byFacilitator({ type: 'indicator.override', indicator: 'noSuch', value: 1, reason: 'A test.' }),
  ],
  [
    'open',
    () => byFacilitator({ type: 'deadline.set', seconds: 60, onExpiry: 'default', defaults: { pm: 'nope' } }),
  ],
  ['open', () => propose(null)],
  ['open', () => byFacilitator({ type: 'game.resume' })],
  ['bare', () => inBare('militia', { type: 'proposal.set', option: 'wait' })],
  ['bare', () => inBare('gov', { type: 'proposal.set', option: null })],
  ['open', () => ({ by: pm, command: { type: 'decision.withdraw', actor: 'pm' } })],
  ['open', () => submit('no-such-option')],
  ['bare', () => inBare('gov', { type: 'decision.submit', option: 'accuse' })],
  ['open', () => propose('no-such-option')],
  [
    'open',
    () =>
      byFacilitator({
        type: 'indicator.override',
        indicator: 'stateAuthority',
        value: 150,
        reason: 'A test.',
      }),
  ],
  ['open', () => submit(options[0]!, 3)],
  ['changed', () => submit(options[0]!)],
  ['proposed', () => propose(options[0]!)],
  ['open', () => byFacilitator({ type: 'turn.resolve' })],
  // The engine's sentences said in the shared words (src/sim/seat-check.ts).
  ['open', () => byFacilitator({ type: 'seat.set', actor: 'president', holder: 'person' })],
  [
    'open',
    () =>
      byFacilitator({ type: 'deadline.set', seconds: 60, onExpiry: 'default', defaults: { president: 'x' } }),
  ],
  ['open', () => ({ by: seat('us'), command: { type: 'decision.withdraw', actor: 'pm' } })],
  ['ended', () => byFacilitator({ type: 'seat.set', actor: 'pm', holder: 'computer' })],
];

const ENGINE_KEYS: readonly EngineRefusalKey[] = [
  'engine.already-chosen',
  'engine.already-paused',
  'engine.already-proposed',
  'engine.already-started',
  'engine.computer-proposes',
  'engine.decision-by-facilitator',
  'engine.event-once',
  'engine.facilitator-only',
  'engine.no-actor',
  'engine.no-command',
  'engine.no-decision',
  'engine.no-event',
  'engine.no-indicator',
  'engine.no-option',
  'engine.no-proposal-to-clear',
  'engine.not-paused',
  'engine.nothing-to-propose',
  'engine.nothing-to-withdraw',
  'engine.option-not-open',
  'engine.out-of-range',
  'engine.stale',
  'engine.too-many-changes',
  'engine.too-many-proposals',
  'engine.waiting-for',
];

const inArabic = (r: Refusal, names: RefusalNames) => withLanguage('ar-IQ', () => saidText(r.said!, names));

describe("the engine's refusals, by key", () => {
  it('reach every key, each said in English word for word and in Arabic', () => {
    const reached = new Set<RefusalKey>();
    for (const [state, raw] of CASES)
      reached.add(expectSaid(refused(state, raw()), state === 'bare' ? IDS_AS_NAMES : arabic));
    expect([...reached].filter((k) => k.startsWith('engine.')).sort()).toEqual([...ENGINE_KEYS].sort());
    // And the engine's own sentences that other modules also say are said in their words.
    expect([...reached].filter((k) => !k.startsWith('engine.')).sort()).toEqual([
      'game.ended',
      'seat.not-playable',
      'seat.other-act',
    ]);
  });

  it("refuse a seat's command from the facilitator in that command's own words", () => {
    const asFacilitator = (command: Record<string, unknown>) => refused('open', byFacilitator(command));
    const cases: readonly (readonly [Record<string, unknown>, RefusalKey, string])[] = [
      [
        { type: 'decision.submit', actor: 'pm', option: options[0] },
        'engine.decision-by-facilitator',
        'A decision is taken at a seat, not by the facilitator.',
      ],
      [{ type: 'decision.withdraw', actor: 'pm' }, 'engine.decision-by-facilitator', ''],
      [{ type: 'proposal.set', actor: 'pm', option: null }, 'engine.decision-by-facilitator', ''],
      [
        { type: 'statement.publish', actor: 'pm', text: 'We call for calm.' },
        'talk.by-facilitator',
        'Seats speak here, not the facilitator.',
      ],
      [{ type: 'message.send', actor: 'pm', to: ['us'], text: 'Hello.' }, 'talk.by-facilitator', ''],
      [
        { type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' },
        'agreement.by-facilitator',
        'Agreements are made by seats, not by the facilitator.',
      ],
      [{ type: 'agreement.answer', actor: 'pm', n: 1, accept: true }, 'agreement.by-facilitator', ''],
      [{ type: 'agreement.withdraw', actor: 'pm', n: 1 }, 'agreement.by-facilitator', ''],
      [
        { type: 'ruling.request', actor: 'pm', text: 'We march.', argument: 'For calm.' },
        'ruling.by-facilitator',
        'A ruling is requested by a seat, not by the facilitator.',
      ],
    ];
    for (const [command, key, message] of cases) {
      const r = asFacilitator(command);
      expect(r.code, String(command.type)).toBe('not-allowed');
      expect(expectSaid(r, arabic), String(command.type)).toBe(key);
      if (message) expect(r.message).toBe(message);
    }
  });

  it('say an offer with nothing open as such, in both languages', () => {
    const r = refused('bare', inBare('gov', { type: 'decision.submit', option: 'accuse' }));
    expect(r.message).toBe('accuse is not open to gov now (open: none).');
    expect(inArabic(r, IDS_AS_NAMES)).toMatch(/\(المتاح: \u2068?لا شيء\u2069?\)/);
  });

  it('say the ids by the scenario names in Arabic, and numbers in Arabic digits', () => {
    const names = (ids: readonly string[], name: (id: string) => string) => ids.map(name);
    // The options still open, by their labels, listed the Arabic way.
    const closed = refused('open', submit('no-such-option'));
    expect(expectSaid(closed, arabic)).toBe('engine.option-not-open');
    const labels = names(options, (o) => arabic.optionLabel('pm', o));
    expect(labels[0]).not.toBe(options[0]);
    expect(inArabic(closed, arabic)).toContain(labels.join('، '));
    expect(inArabic(closed, arabic)).toContain(arabic.actorName('pm'));
    // The seats the turn waits for, by their names.
    const waiting = refused('open', byFacilitator({ type: 'turn.resolve' }));
    const seats = Object.keys(states.open!.seats);
    expect(waiting.message).toBe(`The turn cannot resolve yet: waiting for ${seats.join(', ')}.`);
    expect(inArabic(waiting, arabic)).toContain(names(seats, (a) => arabic.actorName(a)).join('، '));
    expect(inArabic(waiting, arabic)).not.toMatch(/\b(us|pm)\b/);
    // An indicator by its name, its bounds and the value in the viewer's digits.
    const range = refused(
      'open',
      byFacilitator({
        type: 'indicator.override',
        indicator: 'stateAuthority',
        value: 150,
        reason: 'A test.',
      }),
    );
    const said = inArabic(range, arabic);
    expect(said).toContain(arabic.indicatorLabel('stateAuthority'));
    expect(arabic.indicatorLabel('stateAuthority')).not.toBe('stateAuthority');
    expect(said).toContain(new Intl.NumberFormat('ar-IQ').format(150));
    expect(said).not.toMatch(/150|stateAuthority/);
    // An event by its headline.
    const once = refused('queued', byFacilitator({ type: 'inject.fire', event: onceEvent, at: 'now' }));
    expect(inArabic(once, arabic)).toContain(arabic.eventHeadline(onceEvent));
    expect(arabic.eventHeadline(onceEvent)).not.toBe(onceEvent);
    // The issuer a facilitator's command may not come from.
    const notYours = refused('open', { by: seat('us'), command: { type: 'game.end' } });
    expect(notYours.message).toBe('Only the facilitator may do this, not the person at us.');
    expect(inArabic(notYours, arabic)).toContain(arabic.actorName('us'));
  });
});
