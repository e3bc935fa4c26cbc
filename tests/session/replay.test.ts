// Time-travel replay shows, at every turn, exactly the views that were shown live: every seat's, the public's.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRecord, replayGame, stateAtStep } from '../../src/session/replay-rules.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { saveJson } from '../../src/sim/save.ts';
import { publicView, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
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

  it('shows the live views too when seats change hands and the facilitator injects and overrides', () => {
    const events = c.scenario.events.map((e) => e.id);
    const indicators = c.scenario.indicators.map((i) => i.id);
    const facilitatorCommand = fc.oneof(
      fc.record({
        type: fc.constant('seat.set' as const),
        actor: fc.constantFrom(...c.playableIds),
        holder: fc.constantFrom('person' as const, 'computer' as const, 'vacant' as const),
      }),
      fc.record({
        type: fc.constant('inject.fire' as const),
        event: fc.constantFrom(...events),
        at: fc.constantFrom('now' as const, 'next-resolution' as const),
      }),
      fc.record({
        type: fc.constant('indicator.override' as const),
        indicator: fc.constantFrom(...indicators),
        value: fc.integer({ min: 0, max: 100 }),
        reason: fc.constant('a workshop inject'),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.array(facilitatorCommand, { maxLength: 3 }), { minLength: 10, maxLength: 10 }),
        (seed, perTurn) => {
          const game = new LiveGame(c, seed).start(['pm']);
          const live: ReturnType<typeof viewsOf>[] = [];
          for (let t = 0; !game.ended && t < 10; t++) {
            live.push(structuredClone(viewsOf(game.state)));
            for (const command of perTurn[t]!) game.run({ by: { facilitator: true }, command });
            playTurns(game, [1], 1, { i: 0 }, true);
            if (game.state.phase === 'deciding' && game.state.world.turn === t) break;
          }
          live.push(structuredClone(viewsOf(game.state)));
          const replayed = replayGame(c, game.record);
          // A turn the game could not resolve (every seat left vacant is fine; the loop stops) ends the comparison.
          const steps = Math.min(replayed.steps, live.length);
          for (let step = 0; step < steps - 1; step++) {
            expect(viewsOf(stateAtStep(replayed, step))).toEqual(live[step]);
          }
          expect(viewsOf(stateAtStep(replayed, replayed.steps - 1))).toEqual(live[live.length - 1]);
        },
      ),
      { numRuns: 10, seed: 9 },
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

describe('what if', () => {
  it('forks at a turn; a fork that changes nothing plays on exactly as its origin', async () => {
    const { whatIfRecord, besideOrigin } = await import('../../src/session/replay-rules.ts');
    const { replay } = await import('../../src/sim/record.ts');
    const origin = playTurns(new LiveGame(c, 6).start(['pm']), [1, 0, 2]);
    const game = replayGame(c, origin.record);
    const fork = whatIfRecord(game, 4, ['pm']);
    if (!fork.ok) throw new Error(fork.notice);
    // The same seats, and then the origin's own commands from turn 4 on: the same game, to the end.
    const prefix = fork.record.entries.length - c.playableIds.length;
    const rest = origin.record.entries.slice(prefix);
    const same = replay(c, { ...fork.record, entries: [...fork.record.entries, ...rest] });
    expect(same.world).toEqual(origin.state.world);
    expect(besideOrigin(game, same).firstDifference).toBeNull();
    // Another decision at turn 4: the paths part there.
    const other = new LiveGame(c, 6);
    for (const e of fork.record.entries) other.run(e);
    playTurns(other, [2, 1, 0]);
    const parted = besideOrigin(game, other.state).firstDifference;
    expect(parted === null || parted >= 4).toBe(true);
  });

  it('refuses no seat, six seats and an unknown one, in one sentence', async () => {
    const { whatIfRecord } = await import('../../src/session/replay-rules.ts');
    const game = replayGame(c, playTurns(new LiveGame(c, 2).start(['pm']), [0], 3).record);
    expect(whatIfRecord(game, 1, [])).toMatchObject({
      ok: false,
      notice: 'Choose one to five seats to play.',
    });
    expect(whatIfRecord(game, 1, ['pm', 'us', 'iran', 'sadrists', 'framework', 'pm'])).toMatchObject({
      ok: false,
    });
    expect(whatIfRecord(game, 1, ['king'])).toMatchObject({
      ok: false,
      notice: 'There is no playable actor king in this scenario.',
    });
  });
});
