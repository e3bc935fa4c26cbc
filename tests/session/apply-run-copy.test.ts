// The session's engine step (applyRun) works on its own copy of the state (issue 18: the copy is built field by
// field and key by key, no longer spread, so that its objects have the hidden classes of every other state). For any
// seed, seats and people's choices: the state given is never changed, the copy holds every field in the order a new
// state has them, and event by event the session's state is the one the in-place engine reaches with the same
// commands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextCommand } from '../../src/session/session-rules.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { applyOwned, applyRun } from '../../src/sim/engine.ts';
import { type GameRecord, newRecord, replay } from '../../src/sim/record.ts';
import { type GameState, initialState, waitingFor } from '../../src/sim/state.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, submit } from '../helpers/play.ts';

const c = await bundledScenario();

/** The state's fields, and its world's, in their order: the shape a copy must keep. */
const shape = (s: GameState) => [Object.keys(s), Object.keys(s.world)];

describe('applyRun: the session’s own copy of the state', () => {
  it('never changes the state it is given, keeps a new state’s fields in order, and reaches the in-place engine’s state', () => {
    const fresh = shape(initialState(c, 0));
    fc.assert(
      fc.property(
        fc.nat(),
        fc.subarray(c.playableIds),
        fc.array(fc.nat(12), { maxLength: 40 }),
        (seed, people, picks) => {
          const record: GameRecord = newRecord(c, seed);
          let state = initialState(c, seed);
          // The in-place engine, fed the same commands one by one.
          let owned = initialState(c, seed);
          const step = (entry: Entry | null) => {
            const before = structuredClone(state);
            const run = applyRun(c, state, entry, (s) => nextCommand(c, s, true));
            if (!run.ok) throw new Error(run.message);
            expect(run.stopped).toBeNull();
            expect(state).toEqual(before);
            for (const e of run.entries) {
              const result = applyOwned(c, owned, e);
              if (!result.ok) throw new Error(result.message);
              owned = result.state;
            }
            record.entries.push(...run.entries);
            state = run.state;
            expect(shape(state)).toEqual(fresh);
            expect(state).toEqual(owned);
          };
          for (const a of people)
            step({ by: FACILITATOR, command: { type: 'seat.set', actor: a, holder: 'person' } });
          step({ by: FACILITATOR, command: { type: 'game.start' } });
          let i = 0;
          for (let turn = 0; state.phase !== 'ended'; turn++) {
            expect(turn).toBeLessThan(c.scenario.turns.length);
            for (const a of waitingFor(state)) {
              const options = state.offers[a]!.options;
              step(submit(a, options[(picks.length ? picks[i++ % picks.length]! : 0) % options.length]!));
            }
          }
          // The record the session keeps rebuilds the state it holds.
          expect(replay(c, record)).toEqual(state);
        },
      ),
      { numRuns: 25 },
    );
  });
});
