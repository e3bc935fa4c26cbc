// Issue 18 item 2: the validator in seconds. The playability search stops its computer games at the floor and
// leaves the outcomes they missed to the steered games; a long list of claims heard costs linear work per claim.
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { applyCommand } from '../../src/sim/engine.ts';
import { choiceDistance, minPolicyGames, type SearchReport, searchOutcomes } from '../../src/sim/reach.ts';
import { initialState } from '../../src/sim/state.ts';
import { largeScenarioTexts } from '../fixtures/large-scenario.ts';

function large(): Scenario {
  const result = parseScenarioFiles(largeScenarioTexts(9000));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).slice(0, 5).join('\n'));
  return result.scenario;
}

/** Steered games played for the outcomes they reached: seeds count from 1,000,000, one outcome after another. */
const steeredGames = (report: SearchReport) =>
  Object.values(report.reached)
    .filter((r) => r.steered)
    .reduce((sum, r) => sum + (r.exampleSeed - 1_000_000 + 1), 0);

describe('the playability search of 9,056 events', () => {
  const scenario = large();
  const report = searchOutcomes(scenario);

  it('stops its computer games at the floor and finds the outcomes they missed by steering', () => {
    const floor = minPolicyGames(scenario);
    expect(floor).toBe(100);
    // Every outcome is reached, the rare one ("What Does Not Kill You…") among them, by a steered game.
    expect(Object.keys(report.reached).sort()).toEqual(scenario.outcomes.map((o) => o.id).sort());
    expect(report.reached['state-consolidates']?.steered).toBe(true);
    // The computer games were the floor's and no more: the rest were the steered games that found an outcome.
    const computer = Object.values(report.reached).filter((r) => !r.steered);
    expect(Math.max(...computer.map((r) => r.exampleSeed))).toBeLessThan(floor);
    expect(report.gamesPlayed).toBe(floor + steeredGames(report));
    expect(report.gamesPlayed).toBeLessThan(400);
    expect(report.deadEnds).toEqual([]);
  });

  it('is deterministic: the same games, the same report', () => {
    expect(searchOutcomes(scenario)).toEqual(report);
  });
});

describe('claims heard, in long lists', () => {
  it('are each kept once, and a state once made never changes (the lists grow in place only within a turn)', () => {
    const scenario = large();
    const c = compileScenario(scenario);
    const batch = playBatchGame(c, 7, undefined, true);
    // Replayed through the copying engine, every state kept with a deep copy of itself taken when it was made.
    let state = initialState(c, 7);
    const states = [{ state, copy: structuredClone(state) }];
    for (const entry of batch.entries!) {
      const applied = applyCommand(c, state, entry);
      if (!applied.ok) throw new Error(applied.message);
      state = applied.state;
      states.push({ state, copy: structuredClone(state) });
    }
    expect(state.world).toEqual(batch.world);
    expect(state.beliefs).toEqual(batch.state.beliefs);
    for (const s of states) expect(s.state.beliefs).toEqual(s.copy.beliefs);
    let longest = 0;
    for (const facts of Object.values(state.beliefs)) {
      for (const b of Object.values(facts)) {
        const keys = (b.heard ?? []).map((h) => `${h.is}/${h.by}/${h.event}`);
        expect(new Set(keys).size).toBe(keys.length);
        longest = Math.max(longest, keys.length);
      }
    }
    // Long enough that the lists are indexed rather than scanned (resolve.ts, INDEXED_HEARD).
    expect(longest).toBeGreaterThanOrEqual(16);
  });
});

describe('steering by the choices an outcome names', () => {
  it('counts a choice of the seat unmet unless the option is it, and any one of several as enough', () => {
    const when = {
      all: [
        { chose: { actor: 'framework', option: 'bargain' } },
        { any: [{ chose: { actor: 'iran', option: 'a' } }, { chose: { actor: 'iran', option: 'b' } }] },
        { atLeast: { leverage: 50 } },
      ],
    };
    expect(choiceDistance(when, 'framework', 'bargain')).toBe(0);
    expect(choiceDistance(when, 'framework', 'wait')).toBe(1);
    expect(choiceDistance(when, 'iran', 'b')).toBe(0);
    expect(choiceDistance(when, 'iran', 'c')).toBe(1);
    expect(choiceDistance(when, 'us', 'anything')).toBe(0);
  });
});
