import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario, decisionFor } from '../../src/sim/compile.ts';
import { applyCommand, applyOwned } from '../../src/sim/engine.ts';
import { forkAt, replay } from '../../src/sim/record.ts';
import {
  type Choice,
  initialBeliefs,
  initialWorld,
  resolveTurn,
  resolveTurnInPlace,
} from '../../src/sim/resolve.ts';
import { restoreSave, saveJson } from '../../src/sim/save.ts';
import { SightTracker, sightFor } from '../../src/sim/sight.ts';
import { initialState } from '../../src/sim/state.ts';
import { indicatorHistory, viewFor } from '../../src/sim/view.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { entryFor, LiveGame, personGame, playTurns } from '../helpers/play.ts';

const baghdad = await loadScenarioDir('scenarios/baghdad-2021');
if (!baghdad.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');

// The mini scenario is cheap enough for many runs; the real one proves the same on real material.
describe.each([
  ['mini', miniScenario, 1],
  ['baghdad-2021', baghdad.scenario, 0.3],
] as [string, Scenario, number][])('%s', (_name, scenario, scale) => {
  const runs = (n: number) => Math.max(10, Math.round(n * scale));
  const c = compileScenario(scenario);
  const known = (id: string) => (id === scenario.meta.id ? c : undefined);
  const outcomeIds = scenario.outcomes.map((o) => o.id);
  const peopleArb = fc.subarray(c.playableIds);
  const picksArb = fc.array(fc.nat(12), { maxLength: 60 });
  const seedArb = fc.nat();
  const turnsArb = fc.nat(scenario.turns.length);
  const movesArb = fc.array(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), {
    minLength: 10,
    maxLength: 160,
    size: 'max',
  });

  /** A game of arbitrary commands, many refused: seat changes in every phase, pauses, deadlines, injects. */
  function chaoticGame(seed: number, people: readonly string[], moves: readonly number[][]): LiveGame {
    const game = new LiveGame(c, seed).start(people);
    for (const move of moves) {
      game.run(entryFor(c, game.state, move));
      if (move[3]! % 3 === 0) game.computersDecide();
      // Now and then every seat decides and the turn resolves, so that games get far into the calendar.
      if (move[2]! % 4 === 0) playTurns(game, move, 1, { i: 0 }, true);
    }
    return game;
  }

  describe('any sequence of valid decisions', () => {
    it('ends in a declared outcome within the calendar, with every indicator in range', () => {
      fc.assert(
        fc.property(seedArb, peopleArb, picksArb, (seed, people, picks) => {
          const { world } = personGame(c, seed, people, picks).state;
          expect(outcomeIds).toContain(world.outcome?.id);
          expect(world.turn).toBeLessThan(scenario.turns.length);
          for (const def of scenario.indicators) {
            const history = indicatorHistory(c, world, def.id);
            expect(history[history.length - 1]).toBe(world.indicators[def.id]);
            for (const v of history) expect(v >= def.min && v <= def.max).toBe(true);
          }
        }),
        { numRuns: runs(150) },
      );
    });
  });

  describe('the record is the game', () => {
    it('replaying the record of any command sequence gives the live state, refused commands and all', () => {
      fc.assert(
        fc.property(seedArb, peopleArb, movesArb, (seed, people, moves) => {
          const game = chaoticGame(seed, people, moves);
          expect(replay(c, game.record)).toEqual(game.state);
        }),
        { numRuns: runs(200) },
      );
    });

    it('a refused command changes nothing, in place or copied', () => {
      fc.assert(
        fc.property(seedArb, peopleArb, movesArb, (seed, people, moves) => {
          const game = chaoticGame(seed, people, moves.slice(0, -20));
          for (const move of moves.slice(-20)) {
            const entry = entryFor(c, game.state, move);
            const before = structuredClone(game.state);
            const copied = applyCommand(c, game.state, entry);
            expect(game.state).toEqual(before);
            const owned = structuredClone(game.state);
            const inPlace = applyOwned(c, owned, entry);
            expect(inPlace.ok).toBe(copied.ok);
            if (copied.ok && inPlace.ok) expect(inPlace.state).toEqual(copied.state);
            else {
              expect(owned).toEqual(before);
              expect(inPlace).toEqual(copied);
              expect(copied.ok ? '' : copied.message).toMatch(/^[^\n]+\.$/);
            }
            game.run(entry);
          }
        }),
        { numRuns: runs(100) },
      );
    });

    it('a seat can never act for another', () => {
      fc.assert(
        fc.property(seedArb, movesArb, fc.nat(), fc.nat(), (seed, moves, a, b) => {
          const game = chaoticGame(seed, c.playableIds, moves);
          const seat = c.playableIds[a % c.playableIds.length]!;
          const other = c.playableIds[(a + 1 + (b % (c.playableIds.length - 1))) % c.playableIds.length]!;
          for (const type of ['decision.submit', 'decision.withdraw'] as const) {
            const command =
              type === 'decision.submit'
                ? { type, actor: other, option: game.state.offers[other]?.options[0] ?? 'x' }
                : { type, actor: other };
            for (const as of ['person', 'computer'] as const) {
              const result = applyCommand(c, game.state, { by: { seat, as }, command });
              expect(result).toMatchObject({ ok: false, code: 'not-your-seat' });
            }
          }
        }),
        { numRuns: runs(60) },
      );
    });

    it('a fork at turn N continued with the original commands is the original game', () => {
      fc.assert(
        fc.property(seedArb, peopleArb, movesArb, turnsArb, (seed, people, moves, n) => {
          const game = chaoticGame(seed, people, moves);
          const fork = forkAt(c, game.record, n);
          expect(fork.entries).toEqual(game.record.entries.slice(0, fork.entries.length));
          const atFork = replay(c, fork);
          if (atFork.phase === 'deciding') expect(atFork.world.turn).toBeLessThanOrEqual(n);
          const continued = new LiveGame(c, seed);
          for (const entry of fork.entries) continued.run(entry);
          for (const entry of game.record.entries.slice(fork.entries.length)) continued.run(entry);
          expect(continued.refused).toBe(0);
          expect(continued.state).toEqual(game.state);
        }),
        { numRuns: runs(80) },
      );
    });

    it('save → restore → continue equals an uninterrupted game', () => {
      fc.assert(
        fc.property(seedArb, peopleArb, picksArb, turnsArb, (seed, people, picks, at) => {
          const straight = personGame(c, seed, people, picks);
          const cursor = { i: 0 };
          const first = playTurns(new LiveGame(c, seed).start(people), picks, at, cursor);
          const restored = restoreSave(saveJson(first.record), known);
          expect(restored.state).toEqual(first.state);
          const resumed = new LiveGame(c, seed);
          resumed.state = restored.state;
          playTurns(resumed, picks, Number.POSITIVE_INFINITY, cursor);
          expect(resumed.state).toEqual(straight.state);
          for (const actor of c.actorIds) {
            expect(viewFor(c, resumed.state, actor)).toEqual(viewFor(c, straight.state, actor));
          }
        }),
        { numRuns: runs(100) },
      );
    });
  });

  describe('one engine for every use', () => {
    it('the bare loop plays the game a live engine plays, for any seed and people’s choices', () => {
      fc.assert(
        fc.property(seedArb, peopleArb, picksArb, (seed, people, picks) => {
          const live = personGame(c, seed, people, picks);
          const cursor = { i: 0 };
          const batch = playBatchGame(c, seed, (actor, offer) => {
            if (!people.includes(actor) || offer.options.length === 0) return undefined;
            const pick = picks.length ? picks[cursor.i++ % picks.length]! : 0;
            return offer.options[pick % offer.options.length]!;
          });
          expect(batch.world).toEqual(live.state.world);
          expect(batch.state.beliefs).toEqual(live.state.beliefs);
        }),
        { numRuns: runs(150) },
      );
    });

    it('resolution grows the world in place to what the copying rules give, and sight is tracked as read', () => {
      fc.assert(
        fc.property(seedArb, (seed) => {
          let world = initialWorld(c);
          const beliefs = Object.fromEntries(c.actorIds.map((a) => [a, initialBeliefs(c, a)]));
          const postures = Object.fromEntries(c.actorIds.map((a) => [a, c.actorById.get(a)!.posture]));
          const trackers = new Map(c.actorIds.map((a) => [a, new SightTracker(c, a)]));
          const owned = structuredClone(world);
          for (;;) {
            const choices: Record<string, Choice> = {};
            for (const actor of c.actorIds) {
              expect(trackers.get(actor)!.next(owned)).toEqual(sightFor(c, world, actor));
              const decision = decisionFor(c, actor, world.turn);
              const first = decision?.options[(seed + world.turn) % decision.options.length];
              if (first) choices[actor] = { option: first.id, by: 'computer' };
            }
            const before = structuredClone(world);
            const copied = resolveTurn(c, { world, choices, beliefs, postures, seed });
            expect(world).toEqual(before);
            const grown = resolveTurnInPlace(c, { world: owned, choices, beliefs, postures, seed });
            expect(grown.world).toEqual(copied.world);
            expect(grown.learned).toEqual(copied.learned);
            for (const a in copied.learned) beliefs[a] = { ...beliefs[a], ...copied.learned[a] };
            Object.assign(postures, copied.postures);
            if (copied.world.outcome) break;
            world = { ...copied.world, turn: copied.world.turn + 1 };
            owned.turn++;
          }
        }),
        { numRuns: runs(40) },
      );
    });
  });

  it('a new game is in setup with every seat on the computer', () => {
    const s = initialState(c, 1);
    expect(s.phase).toBe('setup');
    expect(Object.values(s.seats).every((h) => h === 'computer')).toBe(true);
  });
});
