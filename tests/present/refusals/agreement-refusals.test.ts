// The refusals of agreements between seats (src/sim/agreements.ts), said by key in both languages (issue 20): each
// key is reached by a command the engine refuses, and its words are checked (tests/helpers/refusal-said.ts): English
// word for word the engine's sentence, Arabic an Arabic line with the scenario's Arabic names.
import { beforeAll, describe, expect, it } from 'vitest';
import { withLanguage } from '../../../src/present/i18n/i18n.ts';
import { type RefusalNames, saidText } from '../../../src/present/refusal-text.ts';
import type { Entry } from '../../../src/sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../../../src/sim/compile.ts';
import { MAX_AGREEMENT_PROPOSALS_PER_TURN, MAX_DECISION_REASON_CHARS } from '../../../src/sim/limits.ts';
import type { AgreementRefusalKey, RefusalKey } from '../../../src/sim/refusal-keys.ts';
import type { AgreementStatus, GameState } from '../../../src/sim/state.ts';
import { bundledScenario } from '../../helpers/bundled.ts';
import { after, FACILITATOR, openGame, type Path, person, refusedIn } from '../../helpers/refusal-game.ts';
import { arabicNames, expectSaid, IDS_AS_NAMES, loadBothLanguages } from '../../helpers/refusal-said.ts';

let c: CompiledScenario;
/** The bundled scenario with the joint investigation open only while street anger is below its top. */
let angry: CompiledScenario;
let arabic: RefusalNames;
const states: Record<string, GameState> = {};

const propose = (actor: string, to: string, agreement = 'joint-investigation') =>
  ({ by: person(actor), command: { type: 'agreement.propose', actor, to, agreement } }) as Entry;
const answer = (actor: string, n: number, accept: boolean, reason?: string) =>
  ({
    by: person(actor),
    command: { type: 'agreement.answer', actor, n, accept, ...(reason === undefined ? {} : { reason }) },
  }) as Entry;
const withdraw = (actor: string, n: number) =>
  ({ by: person(actor), command: { type: 'agreement.withdraw', actor, n } }) as Entry;
const facilitator = (command: Record<string, unknown>) => ({ by: FACILITATOR, command }) as Entry;

beforeAll(async () => {
  await loadBothLanguages();
  c = await bundledScenario();
  arabic = await arabicNames('scenarios/baghdad-2021', c);
  const open = openGame(c);
  states.open = open;
  states.statementsOnly = after(c, open, [
    facilitator({ type: 'talk.set', level: 'statements', approve: false }),
  ]);
  states.vacant = after(c, open, [facilitator({ type: 'seat.set', actor: 'iran', holder: 'vacant' })]);
  // Proposal 1, from the pm to the us; then accepted, or withdrawn.
  states.proposed = after(c, open, [propose('pm', 'us')]);
  states.agreed = after(c, states.proposed, [answer('us', 1, true)]);
  states.withdrawn = after(c, states.proposed, [withdraw('pm', 1)]);
  const busy: Entry[] = [];
  for (let n = 1; n <= MAX_AGREEMENT_PROPOSALS_PER_TURN; n++)
    busy.push(propose('pm', 'us'), withdraw('pm', n));
  states.busy = after(c, open, busy);
  // Street anger driven to its top after the proposal: the terms no longer hold when the us answers.
  const scenario = c.scenario;
  angry = compileScenario({
    ...scenario,
    agreements: (scenario.agreements ?? []).map((a) =>
      a.id === 'joint-investigation' ? { ...a, when: { atMost: { streetAnger: 99 } } } : a,
    ),
  });
  states.angry = after(angry, openGame(angry), [
    propose('pm', 'us'),
    facilitator({ type: 'indicator.override', indicator: 'streetAnger', value: 100, reason: 'A riot.' }),
  ]);
});

const CASES: readonly (readonly [string, unknown, Path?])[] = [
  ['statementsOnly', propose('pm', 'us')],
  ['open', propose('pm', 'us', 'no-such-agreement')],
  ['open', propose('pm', 'nobody')],
  ['open', propose('pm', 'us', 'recount-for-sit-ins')],
  ['vacant', propose('pm', 'iran', 'qaani-mediation')],
  // Qaani's mediation opens at his visit, a turn later.
  ['open', propose('pm', 'iran', 'qaani-mediation')],
  ['proposed', propose('us', 'pm')],
  ['agreed', propose('pm', 'us')],
  ['busy', propose('pm', 'us')],
  ['open', answer('pm', 9, false)],
  ['open', withdraw('pm', 9)],
  ['withdrawn', withdraw('pm', 1)],
  ['agreed', answer('us', 1, false)],
  // Too long for the cleaning to touch: the page's own command meets the engine's sentence.
  ['proposed', answer('us', 1, false, 'x'.repeat(MAX_DECISION_REASON_CHARS + 1)), 'made'],
];

const AGREEMENT_KEYS: readonly AgreementRefusalKey[] = [
  'agreement.by-facilitator',
  'agreement.closed',
  'agreement.conditions',
  'agreement.conditions-gone',
  'agreement.level',
  'agreement.none-to-answer',
  'agreement.none-to-withdraw',
  'agreement.not-pair',
  'agreement.pending',
  'agreement.reason-too-long',
  'agreement.stands',
  'agreement.too-many',
  'agreement.unknown',
  'agreement.vacant',
];

describe('the refusals of agreements, by key', () => {
  it('reach every key, each said in English word for word and in Arabic', () => {
    const reached = new Set<RefusalKey>();
    for (const [state, raw, path] of CASES)
      reached.add(expectSaid(refusedIn(c, states[state]!, raw, path), arabic));
    reached.add(expectSaid(refusedIn(angry, states.angry!, answer('us', 1, true)), arabic));
    // A seat's command from the facilitator is refused by the module's own check, in its words (engine.ts).
    const byFacilitator = { by: FACILITATOR, command: propose('pm', 'us').command };
    reached.add(expectSaid(refusedIn(c, states.open!, byFacilitator), arabic));
    expect([...reached].filter((k) => k.startsWith('agreement.')).sort()).toEqual([...AGREEMENT_KEYS].sort());
    expect(reached).toContain('seat.not-playable');
  });

  it('say what became of a closed proposal, whatever it was', () => {
    const statuses: readonly AgreementStatus[] = ['accepted', 'declined', 'withdrawn', 'lapsed', 'broken'];
    const words = new Set<string>();
    for (const status of statuses) {
      const said = { key: 'agreement.closed', params: { n: 3, status } } as const;
      expect(withLanguage('en', () => saidText(said, IDS_AS_NAMES))).toBe(
        `Proposal 3 is no longer open: it was ${status}.`,
      );
      words.add(withLanguage('ar-IQ', () => saidText(said, arabic)));
    }
    expect(words.size).toBe(statuses.length);
  });

  it('name the seats and the agreement by the scenario names in Arabic', () => {
    const r = refusedIn(c, states.open!, propose('pm', 'us', 'recount-for-sit-ins'));
    expect(expectSaid(r, arabic)).toBe('agreement.not-pair');
    const inArabic = withLanguage('ar-IQ', () => saidText(r.said!, arabic));
    for (const name of [
      arabic.actorName('pm'),
      arabic.actorName('us'),
      arabic.agreementLabel('recount-for-sit-ins'),
    ])
      expect(inArabic).toContain(name);
    expect(arabic.agreementLabel('recount-for-sit-ins')).not.toBe('recount-for-sit-ins');
    expect(inArabic).not.toMatch(/\b(us|pm)\b|recount-for-sit-ins/);
  });
});
