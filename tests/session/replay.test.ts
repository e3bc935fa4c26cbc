// Time-travel replay shows, at every turn, exactly the views that were shown live: every seat's, the public's.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { importRecord, replayGame, stateAtStep } from '../../src/session/replay-rules.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { saveJson } from '../../src/sim/save.ts';
import { publicView, viewFor } from '../../src/sim/view.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  const loaded = await loadScenarioDir('scenarios/baghdad-2021');
  if (!loaded.ok) throw new Error('the bundled scenario does not load');
  c = compileScenario(loaded.scenario);
});

const viewsOf = (state: Parameters<typeof publicView>[1]) => ({
  public: publicView(c, state),
  seats: c.playableIds.map((a) => viewFor(c, state, a)),
});

describe('time-travel replay', () => {
  it('shows at every turn the views shown live, for every seat and the public', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.subarray(['pm', 'sadrists', 'framework', 'iran', 'us']),
        fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
        (seed, people, picks) => {
          const game = new LiveGame(c, seed).start(people);
          const live: ReturnType<typeof viewsOf>[] = [];
          const cursor = { i: 0 };
          while (!game.ended) {
            live.push(structuredClone(viewsOf(game.state)));
            playTurns(game, picks, 1, cursor);
          }
          live.push(structuredClone(viewsOf(game.state)));
          const replayed = replayGame(c, game.record);
          expect(replayed.steps).toBe(live.length);
          for (let step = 0; step < replayed.steps; step++) {
            expect(viewsOf(stateAtStep(replayed, step))).toEqual(live[step]);
          }
        },
      ),
      { numRuns: 12, seed: 5 },
    );
  });

  it('imports a saved record, and refuses a damaged one in one sentence', () => {
    const game = playTurns(new LiveGame(c, 3).start(['pm']), [0], 4);
    const imported = importRecord(saveJson(game.record), c);
    expect(imported.ok).toBe(true);
    if (imported.ok) expect(imported.game.steps).toBe(5);
    const damaged = importRecord('{"format":"crisis-table/record","version":1}', c);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.notice).not.toMatch(/\n/);
  });
});
