// The warning before a game ends early: true sentences from the outcomes checked every turn, built from the
// indicators the player's actor can see, never about an indicator it cannot see, and never before the
// outcome is checked at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { Lookup } from '../../src/present/lookup.ts';
import { actedThisTurn } from '../../src/present/places.ts';
import { situationModel } from '../../src/present/turn.presenter.ts';
import { endingWarnings } from '../../src/present/warning.presenter.ts';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Outcome, Scenario } from '../../src/scenario/types.ts';
import type { ActorView, IndicatorView } from '../../src/sim/view.ts';

const text = (t: string) => ({ text: t, invention: true as const });

/**
 * The endings of these tests, in the bundled scenario's shape but fixed here, so that tuning the scenario's
 * thresholds does not change what is tested: two every-turn endings from the turn of the clashes, one that also
 * needs a choice (never judged), and one checked at the end only (never warned about).
 */
const OUTCOMES: Outcome[] = [
  {
    id: 'yemen',
    title: text('Repeating the Yemen Scenario'),
    summary: text('s'),
    debrief: text('d'),
    check: 'every-turn',
    from: 'clashes',
    when: { all: [{ atLeast: { factionStrength: 78 } }, { atMost: { stateAuthority: 28 } }] },
  },
  {
    id: 'chaos',
    title: text('Chaos at Home'),
    summary: text('s'),
    debrief: text('d'),
    check: 'every-turn',
    from: 'clashes',
    when: {
      any: [
        { atMost: { politicalProcess: 12 } },
        { all: [{ atLeast: { violence: 75 } }, { atLeast: { shiaTension: 72 } }] },
      ],
    },
  },
  {
    id: 'chosen',
    title: text('Chosen'),
    summary: text('s'),
    debrief: text('d'),
    check: 'every-turn',
    when: {
      all: [{ atLeast: { iranLeverage: 60 } }, { chose: { actor: 'iran', option: 'order-escalation' } }],
    },
  },
  {
    id: 'late',
    title: text('Late'),
    summary: text('s'),
    debrief: text('d'),
    check: 'at-end',
    when: { atLeast: { internationalBacking: 55 } },
  },
];

let scenario: Scenario;
let lookup: Lookup;
beforeAll(async () => {
  const result = await loadScenarioDir('scenarios/baghdad-2021');
  if (!result.ok) throw new Error('the bundled scenario does not load');
  scenario = { ...result.scenario, outcomes: OUTCOMES };
  lookup = new Lookup(scenario);
});

/** Every indicator of the scenario at a safe middle value, but those given (null: unseen). */
function indicators(values: Record<string, number | null>): IndicatorView[] {
  return scenario.indicators.map((def) => {
    const value = Object.hasOwn(values, def.id) ? (values[def.id] ?? null) : 50;
    return {
      id: def.id,
      label: def.label,
      meaning: def.meaning,
      min: def.min,
      max: def.max,
      value,
      history: value === null ? null : [value],
      causes: [],
    };
  });
}

/** The Prime Minister's view in the turn with the given id, built by hand. */
function view(turnId: string, values: Record<string, number | null>): ActorView {
  const index = scenario.turns.findIndex((t) => t.id === turnId);
  const turn = scenario.turns[index]!;
  return {
    scenario: scenario.meta.id,
    actor: 'pm',
    seat: 'person',
    status: 'deciding',
    paused: false,
    turn: { index, id: turn.id, date: turn.date, title: turn.title, summary: turn.summary, count: 10 },
    posture: 'restraint',
    indicators: indicators(values),
    journal: [],
    beliefs: [],
    decision: null,
    choices: [],
    outcome: null,
  };
}

const title = (id: string) => scenario.outcomes.find((o) => o.id === id)?.title.text ?? '';

describe('the warning before an early ending', () => {
  it('warns when one threshold of an every-turn ending is within 10 points, naming value, threshold and ending', () => {
    const warnings = endingWarnings(view('statements', { politicalProcess: 18 }), lookup);
    expect(warnings).toEqual([
      {
        indicators: ['politicalProcess'],
        ending: title('chaos'),
        text: `Political process is 18; at 12 or below the game ends in “${title('chaos')}”.`,
      },
    ]);
  });

  it('says nothing when every threshold is further than the margin', () => {
    expect(endingWarnings(view('statements', { politicalProcess: 23 }), lookup)).toEqual([]);
  });

  it('never warns about an indicator the actor cannot see', () => {
    expect(endingWarnings(view('statements', { politicalProcess: null }), lookup)).toEqual([]);
    // Both parts near, but one unseen: the whole way is not judged.
    expect(endingWarnings(view('statements', { violence: 70, shiaTension: null }), lookup)).toEqual([]);
  });

  it('never judges a way that needs more than thresholds, nor an ending checked only at the end', () => {
    expect(
      endingWarnings(view('statements', { iranLeverage: 59, internationalBacking: 54 }), lookup),
    ).toEqual([]);
  });

  it('does not warn before the turn from which the ending is checked', () => {
    expect(endingWarnings(view('election', { politicalProcess: 13 }), lookup)).toEqual([]);
  });

  it('names the part of an `all` still unmet and what must stay as it is', () => {
    const [w] = endingWarnings(view('statements', { factionStrength: 71, stateAuthority: 25 }), lookup);
    expect(w?.indicators).toEqual(['factionStrength']);
    expect(w?.text).toBe(
      `Armed factions' strength is 71; at 78 or more, while State authority stays at 28 or below (now 25), the game ends in “${title('yemen')}”.`,
    );
  });

  it('names both unmet parts of an `all` when both are near, and none when one is far', () => {
    const [w] = endingWarnings(view('statements', { violence: 70, shiaTension: 65 }), lookup);
    expect(w?.text).toBe(
      `Violence is 70 and Tension between Shia camps is 65; with Violence at 75 or more and Tension between Shia camps at 72 or more, the game ends in “${title('chaos')}”.`,
    );
    expect(endingWarnings(view('statements', { violence: 70, shiaTension: 50 }), lookup)).toEqual([]);
  });

  it('gives one warning per ending, the nearest way, nearest ending first', () => {
    const warnings = endingWarnings(
      view('statements', {
        politicalProcess: 20,
        violence: 74,
        shiaTension: 71,
        factionStrength: 75,
        stateAuthority: 20,
      }),
      lookup,
    );
    expect(warnings.map((w) => w.ending)).toEqual([title('chaos'), title('yemen')]);
    expect(warnings[0]?.indicators).toEqual(['violence', 'shiaTension']);
  });

  it('reaches the situation room model', () => {
    const model = situationModel(view('statements', { politicalProcess: 15 }), lookup, null);
    expect(model.warnings?.[0]?.text).toMatch(/^Political process is 15; at 12 or below/);
  });
});

// The map's "this turn" (src/present/places.ts) is tested here too: it reads the same hand-built views.
describe('the places acted on in the last turn', () => {
  it('marks the places of the actors who spoke or acted in the last turn, and nothing for news without one', () => {
    const base = view('statements', {});
    const entry = (turn: number, actor: string | null): ActorView['journal'][number] => ({
      turn,
      kind: actor ? 'action' : 'news',
      headline: text('h'),
      body: null,
      actor,
      counterfactual: false,
      claim: null,
      exposed: false,
    });
    const last = base.turn.index - 1;
    const acted = actedThisTurn(
      {
        ...base,
        journal: [entry(last, 'pm'), entry(last, 'us'), entry(last, null), entry(last - 1, 'iran')],
      },
      lookup,
    );
    const place = (id: string) => scenario.actors.find((a) => a.id === id)?.places.map((p) => p.at) ?? [];
    const expected = new Set([...place('pm'), ...place('us')]);
    expect(new Set(acted.map((a) => a.place))).toEqual(expected);
    for (const a of acted) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.count).toBeGreaterThan(0);
    }
    // Iran acted in an earlier turn only: none of its places is marked, unless another actor shares it.
    for (const p of place('iran')) if (!expected.has(p)) expect(acted.some((a) => a.place === p)).toBe(false);
    expect(actedThisTurn(view('election', {}), lookup)).toEqual([]);
  });
});
