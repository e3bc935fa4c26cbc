// A valid but large scenario (red team item 6) still validates, and the playability search budgets its games
// by the outcomes it has reached. Timing is bench/validate.bench.ts's business, not a test's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/scenario/check.ts';
import { formatProblem, parseScenarioFiles, type ScenarioText } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { checkPlayability, minPolicyGames, searchOutcomes } from '../../src/sim/reach.ts';
import { largeScenarioTexts } from '../fixtures/large-scenario.ts';

function load(files: ScenarioText[]): Scenario {
  const result = parseScenarioFiles(files);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).slice(0, 5).join('\n'));
  return result.scenario;
}

const readDir = (dir: string): ScenarioText[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

const validMini = () => load(readDir(join(import.meta.dirname, '../fixtures/scenarios/valid-mini')));
const baghdad = () => load(readDir(join(import.meta.dirname, '../../scenarios/baghdad-2021')));

describe('a scenario of 9,000 generated events beside the Baghdad ones', () => {
  it('is under the size limit and validates, playability included', () => {
    const files = largeScenarioTexts(9000);
    const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    expect(bytes).toBeGreaterThan(1.6 * 2 ** 20);
    const scenario = load(files);
    expect(scenario.events).toHaveLength(9056);
    expect(checkPlayability(scenario)).toEqual([]);
  });

  it('has its problems found as in a small one, with hints', () => {
    const files = largeScenarioTexts(9000).map((f) =>
      f.name === 'events-9-generated.yaml'
        ? { ...f, text: f.text.replace('fired: g8000 }', 'fired: g80000 }') }
        : f,
    );
    const result = parseScenarioFiles(files);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^events-9-generated\.yaml:\d+:\d+ events\.8057\.when\.all\.0\.fired: unknown event "g80000" \(did you mean "g8000"\?\)$/,
      ),
    ]);
  });
});

describe('hints for unknown ids among thousands', () => {
  it('are given for the first problems, then stop, so that the checks stay linear in size', () => {
    const s = load(largeScenarioTexts(9000));
    const typos = 1000;
    for (let i = 0; i < typos; i++) s.events[100 + i]!.when = { fired: `g${i}x` };
    const unknown = checkScenario(s).filter((i) => i.message.startsWith('unknown event'));
    expect(unknown).toHaveLength(typos);
    const hinted = unknown.map((i) => i.message.includes('did you mean'));
    expect(hinted[0]).toBe(true);
    // Every hinted problem comes before every unhinted one; each search reads all 9,056 event ids.
    const first = hinted.indexOf(false);
    expect(first).toBeGreaterThan(100);
    expect(hinted.slice(first)).not.toContain(true);
  });
});

describe('the playability search budget', () => {
  it('stops the computer games once every outcome is reached, after the minimum', () => {
    const report = searchOutcomes(validMini(), { policyGames: 400, minPolicyGames: 5, steeredGames: 600 });
    const reached = Object.values(report.reached);
    expect(reached.map((r) => r.steered)).toEqual([false, false]);
    // Seeds count from 0: the last outcome first seen in game n + 1 ends the search there, or the minimum does.
    const allSeenAfter = Math.max(...reached.map((r) => r.exampleSeed)) + 1;
    expect(report.gamesPlayed).toBe(Math.max(5, allSeenAfter));
    expect(report.gamesPlayed).toBeLessThan(400);
  });

  it('plays every game while an outcome is missing, so that an unreached outcome is reported as before', () => {
    const s = validMini();
    s.outcomes[0]!.when = { atLeast: { calm: 101 } }; // above the indicator's max: never
    const report = searchOutcomes(s, { policyGames: 400, minPolicyGames: 20, steeredGames: 600 });
    expect(report.gamesPlayed).toBe(1000);
    expect(checkPlayability(s, { policyGames: 40, steeredGames: 10 })).toEqual([
      {
        path: 'outcomes.0',
        message: 'calm-town was not reached in 50 searched games (computer and steered); check its condition',
      },
    ]);
  });

  it('keeps all 400 computer games up to 1,000 events, and at least 100 beyond', () => {
    const shipped = baghdad();
    expect(minPolicyGames(shipped)).toBe(400);
    expect(searchOutcomes(shipped).gamesPlayed).toBeGreaterThanOrEqual(400);
    const big = { ...shipped, events: Array.from({ length: 9000 }, () => shipped.events[0]!) };
    expect(minPolicyGames(big)).toBe(100);
  });
});
