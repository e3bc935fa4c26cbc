// The balance the Baghdad scenario promises its players, measured as `npm run simulate` measures it:
// 10,000 computer games from seed 1. Deterministic: the same seed gives the same figures on any machine.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/cli/simulate.ts';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { everySentence } from '../../src/sim/ending-text.ts';

const loaded = await loadScenarioDir('scenarios/baghdad-2021');
if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
const scenario = loaded.scenario;

describe('baghdad-2021 balance over 10,000 computer games', () => {
  const summary = simulate(scenario, 10_000, 1);
  const share = (id: string) => summary.outcomes.find((o) => o.id === id)?.share ?? 0;

  it.each(['yemen-scenario', 'chaos-at-home', 'calculated-escalation'])(
    '%s ends between 5% and 60% of games',
    (id) => {
      expect(share(id)).toBeGreaterThanOrEqual(0.05);
      expect(share(id)).toBeLessThanOrEqual(0.6);
    },
  );

  it('ends most often where history went, in the deadlock, and no other ending in more than 60%', () => {
    // The computer decides the dates the sources leave blank on the historical path too, so a model whose path
    // ends in the deadlock (tests/scenario/hindcast.test.ts) ends there most often when the computer plays all.
    for (const o of summary.outcomes) if (o.id !== 'deadlock') expect(o.share, o.id).toBeLessThanOrEqual(0.6);
    expect(share('deadlock')).toBe(Math.max(...summary.outcomes.map((o) => o.share)));
    expect(share('deadlock')).toBeLessThanOrEqual(0.8);
  });

  it('every game ends in a declared outcome, within the calendar', () => {
    expect(summary.games).toBe(10_000);
    expect(summary.outcomes.reduce((s, o) => s + o.games, 0)).toBe(10_000);
    expect(summary.meanTurns).toBeLessThanOrEqual(scenario.turns.length);
  });
});

describe('baghdad-2021 content', () => {
  it('keeps the three outlooks of the analysis under their names', () => {
    const ids = scenario.outcomes.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['yemen-scenario', 'chaos-at-home', 'calculated-escalation']));
    for (const id of ['yemen-scenario', 'chaos-at-home', 'calculated-escalation']) {
      const outcome = scenario.outcomes.find((o) => o.id === id)!;
      const debrief = everySentence(outcome.debrief).flatMap((t) => [t.source ?? []].flat());
      expect(debrief).toContain('003_d9293029b1ab2dfc.txt');
    }
  });

  it('has the five playable perspectives, each with at least four options on every turn', () => {
    const playable = scenario.actors.filter((a) => a.playable).map((a) => a.id);
    expect(playable.sort()).toEqual(['framework', 'iran', 'pm', 'sadrists', 'us']);
    for (const actor of playable) {
      for (const turn of scenario.turns) {
        const decision = scenario.decisions.find(
          (d) => d.actor === actor && (d.turns === 'all' || d.turns.includes(turn.id)),
        );
        expect(decision?.options.length, `${actor} on ${turn.id}`).toBeGreaterThanOrEqual(4);
        expect(
          decision?.options.filter((o) => !o.available).length,
          `${actor} on ${turn.id}`,
        ).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('runs from the election to the end of December 2021, with at least 40 events', () => {
    expect(scenario.turns[0]?.date).toBe('2021-10-10');
    expect(scenario.turns[scenario.turns.length - 1]!.date >= '2021-12-01').toBe(true);
    expect(scenario.events.length).toBeGreaterThanOrEqual(40);
    expect(scenario.events.some((e) => e.counterfactual)).toBe(true);
  });
});
