// The debrief explains this game: the ending's deciding indicators as true statements against the thresholds,
// the causes that moved them towards the ending (largest first, dated, never one that moved them the other
// way), the player's own goals met or not, and a chart with dates, this game's key events and the thresholds.
import { beforeAll, describe, expect, it } from 'vitest';
import { turnDate } from '../../src/present/cite.ts';
import { debriefModel, historicalLabel } from '../../src/present/debrief.presenter.ts';
import { Lookup } from '../../src/present/lookup.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { historicalChooser, historicalPath } from '../../src/sim/history.ts';
import { type ActorView, type IndicatorView, type VisibleCause, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';

let scenario: Scenario;
let lookup: Lookup;
beforeAll(async () => {
  scenario = (await bundledScenario()).scenario;
  lookup = new Lookup(scenario);
});

type Move = { turn: number; delta: number; cause: VisibleCause };

const decision = (actor: string, option: string): VisibleCause => ({ kind: 'decision', actor, option });
const event = (id: string): VisibleCause => ({ kind: 'event', event: id });
const hidden: VisibleCause = { kind: 'undisclosed' };

/** An indicator over `turns` resolved turns: from its scenario start, moved by `moves` in their turns. */
function indicator(id: string, turns: number, moves: Move[] = []): IndicatorView {
  const def = scenario.indicators.find((i) => i.id === id);
  if (!def) throw new Error(`no indicator ${id}`);
  const history = [def.start];
  for (let t = 0; t < turns; t++)
    history.push(history[t]! + moves.filter((m) => m.turn === t).reduce((s, m) => s + m.delta, 0));
  return {
    id,
    label: def.label,
    meaning: def.meaning,
    min: def.min,
    max: def.max,
    value: history[turns]!,
    history,
    causes: moves,
  };
}

/** The Prime Minister's view at the end of a game of `turns` turns: every indicator, some of them moved. */
function pmEnded(outcome: string, turns: number, moved: Record<string, Move[]>): ActorView {
  const turn = scenario.turns[turns - 1]!;
  const o = scenario.outcomes.find((x) => x.id === outcome)!;
  return {
    scenario: scenario.meta.id,
    actor: 'pm',
    seat: 'person',
    status: 'ended',
    paused: false,
    turn: {
      index: turns - 1,
      id: turn.id,
      date: turn.date,
      title: turn.title,
      summary: turn.summary,
      count: 10,
    },
    posture: 'restraint',
    indicators: scenario.indicators.map((i) => indicator(i.id, turns, moved[i.id] ?? [])),
    journal: [],
    beliefs: [],
    decision: null,
    choices: [
      { turn: 0, option: 'call-for-restraint' },
      { turn: 1, option: 'raid-militia-strongholds' },
    ],
    // The ending's texts are judged on a game world by the engine (tests/scenario/ending-text.test.ts); this view
    // stands for a game that has none, so it shows none of them.
    outcome: { id: o.id, title: o.title, summary: [], debrief: [] },
  };
}

describe('why this ending', () => {
  // Chaos at Home through the collapse of the political process (55 → 10), violence well short of its mark.
  const chaos = () =>
    pmEnded('chaos-at-home', 7, {
      politicalProcess: [
        { turn: 1, delta: -20, cause: decision('pm', 'declare-emergency') },
        { turn: 2, delta: 5, cause: decision('sadrists', 'call-for-calm') },
        { turn: 3, delta: -15, cause: hidden },
        { turn: 4, delta: -10, cause: { kind: 'override', reason: 'the class voted to end the talks' } },
        { turn: 5, delta: -5, cause: { kind: 'event', event: 'drone-attack', injected: true } },
      ],
      violence: [{ turn: 4, delta: 30, cause: event('drone-attack') }],
    });

  it('names only the thresholds that held, with the final values: never a process "ended" at 56', () => {
    const model = debriefModel(chaos(), lookup);
    expect(model.why.deciding.map((d) => d.indicator)).toEqual(['politicalProcess']);
    expect(model.why.deciding[0]!.value).toBe(10);
    expect(model.why.deciding[0]!.text).toBe(
      'Political process stood at 10, past this ending’s threshold (12 or below).',
    );
    // Violence (50) did not decide it, so nothing says it ran out of control.
    expect(JSON.stringify(model.why)).not.toMatch(/Violence/);
    // The sources give no day for the mid-November turn: the debrief gives what they give.
    expect(model.why.lead).toBe('The game ended in mid-November 2021, when this ending’s condition held:');
  });

  it('tells the causes that moved the deciding indicator towards the ending, largest first, dated', () => {
    const { chain } = debriefModel(chaos(), lookup).why;
    expect(chain.map((c) => [c.date, c.kind, c.text, c.effects])).toEqual([
      ['16 October 2021', 'Your decision', 'You: Declare a state of emergency', 'Political process −20'],
      ['5 November 2021', 'Hidden from you', 'causes you could not see', 'Political process −15'],
      [
        '7 November 2021',
        'Facilitator’s override',
        'The facilitator set it, saying: the class voted to end the talks',
        'Political process −10',
      ],
      [
        '8 November 2021',
        'Event brought in by the facilitator',
        expect.stringContaining('(brought in by the facilitator)'),
        'Political process −5',
      ],
    ]);
    // The Sadrists' call for calm raised the process: it did not lead to its collapse.
    expect(chain.some((c) => c.text.includes('Call for calm'))).toBe(false);
  });

  it('gathers one cause taken on several turns into one step with all its dates', () => {
    const model = debriefModel(
      pmEnded('state-consolidates', 10, {
        stateAuthority: [
          { turn: 6, delta: 6, cause: decision('pm', 'raid-militia-strongholds') },
          { turn: 8, delta: 6, cause: decision('pm', 'raid-militia-strongholds') },
          { turn: 7, delta: 4, cause: decision('us', 'delay-withdrawal') },
        ],
        factionStrength: [{ turn: 6, delta: -10, cause: decision('pm', 'raid-militia-strongholds') }],
      }),
      lookup,
    );
    expect(model.why.lead).toBe('After the last turn this ending’s condition held:');
    expect(model.why.deciding.map((d) => d.text)).toEqual([
      'State authority stood at 61, past this ending’s threshold (58 or above).',
      "Armed factions' strength stood at 50, past this ending’s threshold (50 or below).",
    ]);
    expect(model.why.chain[0]).toEqual({
      date: 'mid-November and December 2021',
      kind: 'Your decision',
      text: 'You: Raid militia strongholds',
      effects: "State authority +12, Armed factions' strength −10",
    });
    expect(model.why.chain[1]!.kind).toBe('Another actor’s decision');
  });

  it('tells a cause taken many times by how often and between which dates', () => {
    const raid = decision('pm', 'raid-militia-strongholds');
    const model = debriefModel(
      pmEnded('state-consolidates', 10, {
        stateAuthority: [2, 4, 6, 9].map((turn) => ({ turn, delta: 4, cause: raid })),
        factionStrength: [{ turn: 6, delta: -10, cause: decision('us', 'delay-withdrawal') }],
      }),
      lookup,
    );
    expect(model.why.chain[0]).toMatchObject({
      date: '4 times, between late October and late December 2021',
      text: 'You: Raid militia strongholds',
      effects: 'State authority +16',
    });
  });

  it('explains the ending that catches every other game by what kept the others away', () => {
    const model = debriefModel(
      pmEnded('deadlock', 10, {
        shiaTension: [
          { turn: 2, delta: -8, cause: decision('pm', 'call-for-restraint') },
          { turn: 3, delta: 12, cause: event('green-zone-clashes') },
        ],
      }),
      lookup,
    );
    expect(model.why.lead).toMatch(/no other ending’s condition held/);
    // One reason per alternative that failed: the narrowest miss of an `all`, every part of an `any`.
    expect(model.why.deciding.map((d) => d.text)).toEqual([
      'State authority stood at 45, short of the threshold of “Repeating the Yemen Scenario” (22 or below).',
      'Political process stood at 55, short of the threshold of “Chaos at Home” (12 or below).',
      'Tension between Shia camps stood at 39, short of the threshold of “Chaos at Home” (78 or above).',
      "Armed factions' strength stood at 60, short of the threshold of “What Does Not Kill You Makes You Stronger” (50 or below).",
    ]);
    // What kept the tension below Chaos at Home's mark led here; the clashes that raised it did not.
    expect(model.why.chain.map((c) => c.text)).toEqual(['You: Call for calm and restraint']);
  });
});

describe('the player’s goals', () => {
  it('says goal by goal whether the indicator moved the way the actor wanted, start to end', () => {
    const model = debriefModel(
      pmEnded('calculated-escalation', 10, {
        stateAuthority: [{ turn: 1, delta: 5, cause: decision('pm', 'secure-the-gates') }],
        violence: [{ turn: 1, delta: 10, cause: event('green-zone-clashes') }],
      }),
      lookup,
    );
    const goals = Object.fromEntries(model.goals.map((g) => [g.indicator, g]));
    expect(goals.stateAuthority).toMatchObject({
      start: 45,
      end: 50,
      met: true,
      wantText: 'you wanted it high',
    });
    expect(goals.stateAuthority!.text).toBe('Met: from 45 to 50 (it rose)');
    expect(goals.violence).toMatchObject({ start: 20, end: 30, met: false, wantText: 'you wanted it low' });
    expect(goals.violence!.text).toBe('Not met: from 20 to 30 (it rose)');
    expect(goals.politicalProcess).toMatchObject({
      met: false,
      text: 'Not met: from 55 to 55 (it did not move)',
    });
    expect(model.goals.map((g) => g.indicator)).toEqual(lookup.card('pm').goals.map((g) => g.indicator));
  });
});

describe('the chart', () => {
  it('has a dated axis, the key public news of this game as markers, and the deciding thresholds', () => {
    const model = debriefModel(
      pmEnded('chaos-at-home', 7, {
        politicalProcess: [{ turn: 6, delta: -45, cause: decision('pm', 'declare-emergency') }],
        violence: [
          { turn: 4, delta: 20, cause: event('drone-attack') },
          { turn: 3, delta: 6, cause: event('green-zone-clashes') },
          { turn: 5, delta: 1, cause: event('world-condemns') },
          { turn: 6, delta: 2, cause: event('huqooq-blames-commission') },
        ],
        stateAuthority: [{ turn: 2, delta: -1, cause: event('rocket-parts') }],
      }),
      lookup,
    );
    const { chart } = model;
    expect(chart.axis).toEqual([
      'Start',
      '10 Oct',
      '16 Oct',
      '≈26 Oct',
      '5 Nov',
      '7 Nov',
      '8 Nov',
      '≈14 Nov',
    ]);
    expect(chart.dates[5]).toBe('7 November 2021');
    // News only (a statement and a report are not key events), in the order they happened, at their turn's end.
    expect(chart.markers.map((m) => [m.number, m.point, m.date])).toEqual([
      [1, 4, '5 November 2021'],
      [2, 5, '7 November 2021'],
      [3, 6, '8 November 2021'],
    ]);
    expect(chart.markers[1]!.headline).toMatch(/Drones attack/);
    expect(chart.selected).toBe('politicalProcess');
    const process = chart.series.find((s) => s.id === 'politicalProcess')!;
    expect(process.history).toEqual([55, 55, 55, 55, 55, 55, 55, 10]);
    expect(process.thresholds).toEqual([{ value: 12, text: 'this ending: 12 or below' }]);
    expect(chart.series.find((s) => s.id === 'violence')!.thresholds).toEqual([]);
    expect(chart.series).toHaveLength(scenario.indicators.length);
  });
});

describe('this game beside history, date by date', () => {
  /** The Prime Minister's game to its end, with the given choices by turn. */
  const game = (choices: Record<number, string>, turns = 10) => {
    const view = pmEnded(turns === 10 ? 'calculated-escalation' : 'chaos-at-home', turns, {});
    view.choices = Object.entries(choices).map(([turn, option]) => ({ turn: Number(turn), option }));
    return debriefModel(view, lookup).history;
  };
  const at = (id: string) => scenario.turns.findIndex((t) => t.id === id);

  it('has one row per turn date, in order, with what the player chose', () => {
    const rows = game({ 0: 'call-for-restraint' });
    expect(rows.map((r) => r.date)).toEqual(scenario.turns.map(turnDate));
    // A turn the sources give no day for shows what they give, never an exact day.
    expect(rows.map((r) => r.date)).toContain('late December 2021');
    expect(rows.map((r) => r.date)).not.toContain('31 December 2021');
    expect(rows[0]!.yoursText).toBe('Call for calm and restraint');
    expect(rows[1]!.yours).toBeNull();
    expect(rows[1]!.yoursText).toBe('No decision (no option was open)');
  });

  it('says the player chose as the real actor did, with the cited record of that date', () => {
    const row = game({ [at('clashes')]: 'secure-the-gates' })[at('clashes')]!;
    expect(row.same).toBe(true);
    expect(row.sameText).toBe('As the real actor did');
    expect(row.real?.text).toMatch(/tear gas/);
    expect(row.real?.cite).toMatch(/^Sources: .*\(000\).*\(004\).*\(002\)$/);
  });

  it('says when the player took another course than the real actor on that date', () => {
    const row = game({ [at('drone-attack')]: 'raid-militia-strongholds' })[at('drone-attack')]!;
    expect(row.yoursText).toBe('Raid militia strongholds');
    expect(row.same).toBe(false);
    expect(row.sameText).toBe('Not what the real actor did');
    expect(row.real?.text).toMatch(/"calm and restraint from everyone"/);
  });

  it('says "Not reported in the sources" where the sources say nothing of the actor that day, and compares nothing', () => {
    const row = game({ [at('recounts')]: 'back-the-commission' })[at('recounts')]!;
    expect(row.real).toBeNull();
    expect(row.realText).toBe('Not reported in the sources');
    expect(row.same).toBeNull();
    expect(row.sameText).toBe('');
  });

  it('shows history on the dates a game that ended early did not reach', () => {
    const rows = game({}, 7);
    expect(rows).toHaveLength(scenario.turns.length);
    expect(rows[8]!.yoursText).toBe('The game had ended');
    expect(rows[at('weapons-debate')]!.real).toBeNull(); // the Prime Minister: not reported that day
  });

  it('never names who launched the drones: the attack row says the perpetrator is unknown, for every actor', () => {
    for (const actor of scenario.actors.filter((a) => a.playable)) {
      const view = { ...pmEnded('calculated-escalation', 10, {}), actor: actor.id, choices: [] };
      const row = debriefModel(view, lookup).history[at('drone-attack')]!;
      expect(row.context?.text).toMatch(/Who launched the drones is unknown/);
      expect(row.context?.text).toMatch(/"Perp: Unknown"/);
      expect(row.context?.cite).toMatch(/\(000\)/);
      // Accusations stay attributed; no actor's record of the day says it launched, ordered or carried out anything.
      expect(row.realText).not.toMatch(/\b(launch|order|carr(y|ied) out|perpetrat|behind|responsib)/i);
    }
  });
});

describe('whose ending it is', () => {
  it('presents an outlook as the argument of the source the scenario names, and any other ending as the game’s own', () => {
    const outlook = debriefModel(pmEnded('chaos-at-home', 7, {}), lookup);
    expect(outlook.outcome?.origin).toMatch(/^an outlook argued in “.+” \(003\)$/);
    const own = debriefModel(pmEnded('deadlock', 10, {}), lookup);
    expect(own.outcome?.origin).toBeNull();
    const byTitle = new Map(own.otherOutlooks.map((o) => [o.title.text, o.origin]));
    for (const o of scenario.outcomes.filter((x) => x.id !== 'deadlock')) {
      expect(byTitle.get(o.title.text) !== null).toBe(o.outlookOf !== undefined);
    }
    const argued = scenario.outcomes.filter((o) => o.id !== 'deadlock' && o.outlookOf !== undefined).length;
    expect(own.outlooksNote).toBe(
      `${argued} are outlooks argued in 003: an argument, not the truth; one is the game's own.`,
    );
  });
});

describe('the historical path on the chart', () => {
  it('is the indicators of a replay of the same scenario and seed with the historical choices, for what the player sees', () => {
    const c = compileScenario(scenario);
    const seed = 11;
    const played = playBatchGame(c, seed);
    const model = debriefModel(viewFor(c, played.state, 'iran'), lookup, historicalPath(c, seed));
    // The replay, played again on its own: every seat taking its historical option where one is open.
    const replay = viewFor(c, playBatchGame(c, seed, historicalChooser(c)).state, 'iran');
    for (const series of model.chart.series) {
      const expected = replay.indicators.find((i) => i.id === series.id)!.history;
      expect(series.historical).toEqual(expected);
    }
    // Iran cannot see every indicator: a hidden one has no historical line either.
    const hidden = model.chart.series.filter((s) => s.history === null);
    for (const s of hidden) expect(s.historical).toBeNull();
    expect(model.chart.series.some((s) => s.historical !== null)).toBe(true);
    expect(model.chart.historicalLabel).toBe(historicalLabel());
    expect(model.chart.historicalNote).toMatch(
      /what the model gives for the historical choices, not a measurement/,
    );
    // Beside the model's path, what history recorded, cited (audit F8).
    expect(model.chart.historicalNote).toMatch(/; history: no government until 27 October 2022 \(001\)\.$/);
    expect(model.chart.axis).toHaveLength(
      Math.max(played.state.world.turn + 2, ...model.chart.series.map((s) => s.historical?.length ?? 0)),
    );
  });

  it('is absent when the session gives none', () => {
    const model = debriefModel(pmEnded('calculated-escalation', 10, {}), lookup);
    expect(model.chart.series.every((s) => s.historical === null)).toBe(true);
    expect(model.chart.historicalNote).toBe('');
  });
});
