// The refusals of requests for a ruling and of the facilitator's rulings (src/sim/rulings.ts), said by key in both
// languages (issue 20): each key is reached by a command the engine refuses, and its words are checked
// (tests/helpers/refusal-said.ts): English word for word the engine's sentence, Arabic an Arabic line with the
// scenario's Arabic names.
import { beforeAll, describe, expect, it } from 'vitest';
import { withLanguage } from '../../../src/present/i18n/i18n.ts';
import { type RefusalNames, saidText } from '../../../src/present/refusal-text.ts';
import type { Entry } from '../../../src/sim/commands.ts';
import type { CompiledScenario } from '../../../src/sim/compile.ts';
import {
  MAX_RULING_ARGUMENT_CHARS,
  MAX_RULING_REQUESTS_PER_TURN,
  MAX_RULING_TEXT_CHARS,
} from '../../../src/sim/limits.ts';
import type { RefusalKey, RulingRefusalKey } from '../../../src/sim/refusal-keys.ts';
import type { GameState } from '../../../src/sim/state.ts';
import { bundledScenario } from '../../helpers/bundled.ts';
import { LiveGame } from '../../helpers/play.ts';
import { after, FACILITATOR, openGame, type Path, person, refusedIn } from '../../helpers/refusal-game.ts';
import { arabicNames, expectSaid, loadBothLanguages } from '../../helpers/refusal-said.ts';

let c: CompiledScenario;
let arabic: RefusalNames;
const states: Record<string, GameState> = {};

const request = (actor: string, text = 'We close the bridge.', argument = 'To stop the march.') =>
  ({ by: person(actor), command: { type: 'ruling.request', actor, text, argument } }) as Entry;
const give = (n: number, verdict: string, more: Record<string, unknown> = {}) =>
  ({
    by: FACILITATOR,
    command: { type: 'ruling.give', n, verdict, reason: 'As the room saw it.', ...more },
  }) as Entry;

beforeAll(async () => {
  await loadBothLanguages();
  c = await bundledScenario();
  arabic = await arabicNames('scenarios/baghdad-2021', c);
  const setup = new LiveGame(c, 5);
  setup.run({ by: FACILITATOR, command: { type: 'seat.set', actor: 'pm', holder: 'person' } });
  states.setup = setup.state;
  const open = openGame(c);
  states.open = open;
  // Request 1, the framework's (no seat but the pm's may be granted security-holds); request 2, the pm's, ruled.
  states.requested = after(c, open, [request('framework'), request('pm'), give(2, 'refused')]);
  states.ended = after(c, states.requested, [{ by: FACILITATOR, command: { type: 'game.end' } }]);
  states.busy = after(
    c,
    open,
    Array.from({ length: MAX_RULING_REQUESTS_PER_TURN }, () => request('pm')),
  );
});

const CASES: readonly (readonly [string, unknown, Path?])[] = [
  // Text the cleaning refuses first, as a record holds it: the engine refuses it in its own words.
  ['open', request('pm', 'x'.repeat(MAX_RULING_TEXT_CHARS + 1)), 'record'],
  ['open', request('pm', ' \u200b '), 'record'],
  ['open', request('pm', 'We march.', 'y'.repeat(MAX_RULING_ARGUMENT_CHARS + 1)), 'record'],
  ['open', request('pm', 'We march.', '\u202e'), 'record'],
  ['busy', request('pm')],
  ['requested', give(9, 'refused')],
  ['requested', give(2, 'refused')],
  // The schema takes no effect with a refusal: a command the page made meets the engine's own check.
  ['requested', give(1, 'refused', { effect: 'quiet-channel' }), 'made'],
  ['requested', give(1, 'allowed')],
  ['requested', give(1, 'rolled', { odds: 0.5 })],
  ['requested', give(1, 'allowed', { effect: 'no-such-effect' })],
  ['requested', give(1, 'allowed', { effect: 'security-holds' })],
  ['requested', give(1, 'allowed', { effect: 'quiet-channel', odds: 0.5 })],
  // A roll without its odds (the schema leaves them optional); odds of 1, which only a record could hold.
  ['requested', give(1, 'rolled', { effect: 'quiet-channel' })],
  ['requested', give(1, 'rolled', { effect: 'quiet-channel', odds: 1 }), 'record'],
  ['requested', give(1, 'refused', { reason: '\u200b' }), 'record'],
  ['setup', give(1, 'refused')],
  ['ended', give(1, 'refused')],
];

const RULING_KEYS: readonly RulingRefusalKey[] = [
  'ruling.act-empty',
  'ruling.act-too-long',
  'ruling.allowed-no-effect',
  'ruling.allowed-odds',
  'ruling.already-ruled',
  'ruling.argument-empty',
  'ruling.argument-too-long',
  'ruling.by-facilitator',
  'ruling.effect-not-for',
  'ruling.effect-unknown',
  'ruling.no-request',
  'ruling.odds-range',
  'ruling.refused-grants',
  'ruling.rolled-no-effect',
  'ruling.too-many',
];

describe('the refusals of rulings, by key', () => {
  it('reach every key, each said in English word for word and in Arabic', () => {
    const reached = new Set<RefusalKey>();
    for (const [state, raw, path] of CASES)
      reached.add(expectSaid(refusedIn(c, states[state]!, raw, path), arabic));
    // A seat's command from the facilitator is refused by the module's own check, in its words (engine.ts).
    const byFacilitator = { by: FACILITATOR, command: request('pm').command };
    reached.add(expectSaid(refusedIn(c, states.open!, byFacilitator), arabic));
    expect([...reached].filter((k) => k.startsWith('ruling.')).sort()).toEqual([...RULING_KEYS].sort());
    // The game's phase, and a ruling without a reason, say the sentences they share with others.
    for (const shared of ['game.not-started', 'game.ended', 'command.ruling-reason-empty'] as const)
      expect(reached).toContain(shared);
  });

  it('name the effect and the seat by the scenario names in Arabic', () => {
    const r = refusedIn(c, states.requested!, give(1, 'allowed', { effect: 'security-holds' }));
    expect(expectSaid(r, arabic)).toBe('ruling.effect-not-for');
    const inArabic = withLanguage('ar-IQ', () => saidText(r.said!, arabic));
    expect(arabic.rulingEffectLabel('security-holds')).not.toBe('security-holds');
    expect(arabic.actorName('framework')).not.toBe('framework');
    expect(inArabic).toContain(arabic.rulingEffectLabel('security-holds'));
    expect(inArabic).toContain(arabic.actorName('framework'));
    expect(inArabic).not.toMatch(/security-holds|framework/);
  });
});
