// The refusals shared by the engine's modules (src/sim/seat-check.ts) and those of commands.ts, said by key in both
// languages (issue 20): each key is reached by a command the engine refuses, and its words are checked
// (tests/helpers/refusal-said.ts): English word for word the engine's sentence, Arabic an Arabic line.
import { beforeAll, describe, expect, it } from 'vitest';
import { withLanguage } from '../../../src/present/i18n/i18n.ts';
import { type RefusalNames, saidText } from '../../../src/present/refusal-text.ts';
import { cleanCommand, type Entry, parseEntry, type Refusal } from '../../../src/sim/commands.ts';
import type { CompiledScenario } from '../../../src/sim/compile.ts';
import { applyCommand } from '../../../src/sim/engine.ts';
import { MAX_MESSAGE_CHARS, MAX_RULING_TEXT_CHARS, MAX_STATEMENT_CHARS } from '../../../src/sim/limits.ts';
import type { CommandRefusalKey, RefusalKey, SeatRefusalKey } from '../../../src/sim/refusal-keys.ts';
import type { GameState } from '../../../src/sim/state.ts';
import { bundledScenario } from '../../helpers/bundled.ts';
import { FACILITATOR, LiveGame, playTurns } from '../../helpers/play.ts';
import { arabicNames, expectSaid, loadBothLanguages } from '../../helpers/refusal-said.ts';

let c: CompiledScenario;
let arabic: RefusalNames;
const states: Record<string, GameState> = {};

beforeAll(async () => {
  await loadBothLanguages();
  c = await bundledScenario();
  arabic = await arabicNames('scenarios/baghdad-2021', c);
  const setup = new LiveGame(c, 5);
  setup.run({ by: FACILITATOR, command: { type: 'seat.set', actor: 'pm', holder: 'person' } });
  states.setup = setup.state;
  const open = new LiveGame(c, 5).start(['pm', 'us']);
  playTurns(open, [0], c.turnIndexById.get('statements')!);
  states.open = open.state;
  const paused = applyCommand(c, open.state, { by: FACILITATOR, command: { type: 'game.pause' } });
  const ended = applyCommand(c, open.state, { by: FACILITATOR, command: { type: 'game.end' } });
  if (!paused.ok || !ended.ok) throw new Error('the facilitator could not pause or end the game');
  states.paused = paused.state;
  states.ended = ended.state;
});

/** The refusal of `raw` in `state`, through the path a classroom message takes (`made:` one the page made). */
function refused(state: string, raw: unknown): Refusal {
  const parsed = state.startsWith('made:') ? (raw as Entry) : parseEntry(raw);
  if ('ok' in parsed) return parsed;
  const command = cleanCommand(parsed.command);
  if ('ok' in command) return command;
  const r = applyCommand(c, states[state.replace('made:', '')]!, { by: parsed.by, command } as Entry);
  expect(r.ok, JSON.stringify(raw)).toBe(false);
  return r as Refusal;
}

const pm = { seat: 'pm', as: 'person' } as const;
const say = (actor: string, text = 'We call for calm.') => ({ type: 'statement.publish', actor, text });

const CASES: readonly (readonly [string, unknown])[] = [
  ['ended', { by: pm, command: say('pm') }],
  [
    'setup',
    {
      by: pm,
      command: { type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' },
    },
  ],
  ['paused', { by: pm, command: say('pm') }],
  ['open', { by: pm, command: say('nobody') }],
  ['open', { by: { seat: 'president', as: 'person' }, command: say('president') }],
  [
    'open',
    {
      by: pm,
      command: { type: 'agreement.propose', actor: 'us', to: 'pm', agreement: 'joint-investigation' },
    },
  ],
  ['open', { by: { seat: 'pm', as: 'computer' }, command: say('pm') }],
  [
    'open',
    {
      by: { seat: 'framework', as: 'person' },
      command: { type: 'ruling.request', actor: 'framework', text: 'We march.', argument: 'For calm.' },
    },
  ],
  ['open', { by: pm, command: { type: 'no.such' } }],
  ['open', { by: FACILITATOR, command: { type: 'said.hide', n: 1, reason: ' \u200b ' } }],
  [
    'open',
    { by: FACILITATOR, command: { type: 'indicator.override', indicator: 'x', value: 1, reason: '\u200b' } },
  ],
  // Longer than the schema takes: a command the page made itself (solo) is cleaned without being parsed.
  [
    'made:open',
    {
      by: pm,
      command: {
        type: 'ruling.request',
        actor: 'pm',
        text: 'x'.repeat(MAX_RULING_TEXT_CHARS + 1),
        argument: 'y',
      },
    },
  ],
  ['open', { by: pm, command: { type: 'ruling.request', actor: 'pm', text: ' ', argument: 'y' } }],
  ['open', { by: FACILITATOR, command: { type: 'ruling.give', n: 1, verdict: 'refused', reason: '\u200b' } }],
  ['made:open', { by: pm, command: say('pm', 'x'.repeat(MAX_STATEMENT_CHARS + 1)) }],
  // A bound of four digits: the English line writes it as the engine does (1000, not 1,000).
  [
    'made:open',
    {
      by: pm,
      command: { type: 'message.send', actor: 'pm', to: ['us'], text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) },
    },
  ],
  ['open', { by: pm, command: say('pm', '\u202e \u200d') }],
];

describe('the shared refusals and those of a command that does not parse, by key', () => {
  it('reach every key, each said in English word for word and in Arabic', () => {
    const reached = new Set<RefusalKey>();
    for (const [state, raw] of CASES) reached.add(expectSaid(refused(state, raw), arabic));
    const keys: readonly (SeatRefusalKey | CommandRefusalKey)[] = [
      'game.ended',
      'game.not-started',
      'game.paused',
      'seat.not-playable',
      'seat.other-act',
      'seat.other-speak',
      'seat.wrong-holder-act',
      'seat.wrong-holder-speak',
      'command.malformed',
      'command.hide-reason-empty',
      'command.override-reason-empty',
      'command.request-too-long',
      'command.request-empty',
      'command.ruling-reason-empty',
      'command.text-too-long',
      'command.text-empty',
    ];
    expect([...reached].filter((k) => k.startsWith('game.') || /^(seat|command)\./.test(k)).sort()).toEqual(
      [...keys].sort(),
    );
  });

  it('say the ids by the scenario names in Arabic, and numbers in Arabic digits', () => {
    const r = refused('open', {
      by: { seat: 'us', as: 'person' },
      command: { type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' },
    });
    expect(expectSaid(r, arabic)).toBe('seat.other-act');
    const inArabic = withLanguage('ar-IQ', () => saidText(r.said!, arabic));
    expect(inArabic).toContain(arabic.actorName('us'));
    expect(inArabic).toContain(arabic.actorName('pm'));
    expect(arabic.actorName('us')).not.toBe('us');
    expect(inArabic).not.toMatch(/\b(us|pm)\b/);
    // A decision sent for the first turn, in a later one: both turns in the viewer's digits.
    const stale = refused('open', {
      by: { seat: 'pm', as: 'person' },
      command: { type: 'decision.withdraw', actor: 'pm', turn: 0 },
    });
    expect(expectSaid(stale, arabic)).toBe('engine.stale');
    const turn = states.open!.world.turn + 1;
    expect(withLanguage('en', () => saidText(stale.said!, arabic))).toContain(`game is on turn ${turn}`);
    expect(withLanguage('ar-IQ', () => saidText(stale.said!, arabic))).toContain(
      new Intl.NumberFormat('ar-IQ').format(turn),
    );
  });
});
