// The resolution's pass over the events, on a scenario of many (issue 18, the validator in seconds): a game keeps
// the events it has fired by their index, drops a once-event from its pass once fired, and judges an event's
// `fired` condition by number (compile.ts EventRule, resolve.ts FiredIndex). None of that may change a game: the
// games kept in place (the batch runner's, the search's, a replay's) must be the games the copying engine plays,
// whose index is made again from the record at every resolution, and conditions judged by number must judge as
// by id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { type ConditionContext, numberedPredicate, predicateOf } from '../../src/sim/conditions.ts';
import { replay } from '../../src/sim/record.ts';
import { largeScenarioTexts } from '../fixtures/large-scenario.ts';
import { entryFor, LiveGame, playTurns } from '../helpers/play.ts';

/**
 * Events that fire again (once: false), in windows, on others' firing: the generated events are all once-events
 * with open windows.
 */
const REPEATING = `events:
  - id: r-every
    kind: news
    audience: public
    once: false
    when: { any: [{ fired: g1 }, { fired: g2 }, { chance: 0.5 }] }
    headline: { text: Again, invention: true }
    effects: [{ add: { violence: 1 } }]
  - id: r-window
    kind: rumour
    audience: [pm]
    once: false
    turns: { from: sit-ins, to: drone-attack }
    when: { not: { fired: r-every } }
    headline: { text: Between, invention: true }
    effects: [{ add: { streetAnger: -1 } }]
  - id: r-late
    kind: intel
    audience: [us]
    turns: { from: statements }
    when: { all: [{ fired: r-window }, { fired: g5 }] }
    headline: { text: Late, invention: true }
    effects: [{ add: { shiaTension: 2 } }]
`;

const loaded = parseScenarioFiles([
  ...largeScenarioTexts(240),
  { name: 'events-9-repeating.yaml', text: REPEATING },
]);
if (!loaded.ok) throw new Error(`the test scenario does not load: ${formatProblem(loaded.problems[0]!)}`);
const scenario = loaded.scenario;
const c = compileScenario(scenario);

/** The same scenario with every event's condition judged as any judge reads it: `fired` asked by id. */
const byId: CompiledScenario = {
  ...c,
  eventRules: c.eventRules.map((r) => ({ ...r, when: r.event.when ? predicateOf(r.event.when) : undefined })),
};

const seedArb = fc.nat();
const peopleArb = fc.subarray(c.playableIds);
const movesArb = fc.array(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), {
  minLength: 10,
  maxLength: 120,
});

/** Arbitrary commands, injects among them, with whole turns now and then so that games get far. */
function chaoticGame(seed: number, people: readonly string[], moves: readonly number[][]): LiveGame {
  const game = new LiveGame(c, seed).start(people);
  for (const move of moves) {
    game.run(entryFor(c, game.state, move));
    if (move[3]! % 3 === 0) game.computersDecide();
    if (move[2]! % 3 === 0) playTurns(game, move, 1, { i: 0 }, true);
  }
  return game;
}

describe('the pass over many events', () => {
  it('a game kept in place is the game the copying engine plays, injects and repeating events and all', () => {
    let fired = 0;
    fc.assert(
      fc.property(seedArb, peopleArb, movesArb, (seed, people, moves) => {
        const game = chaoticGame(seed, people, moves);
        expect(replay(c, game.record)).toEqual(game.state);
        fired += Object.keys(game.state.world.fired).length;
      }),
      { numRuns: 25 },
    );
    // The games did fire events: the comparison was not of empty records.
    expect(fired).toBeGreaterThan(25 * 50);
  });

  it('a once-event fires at most once, and an event fires only within its window', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { world } = playBatchGame(c, seed);
      for (const event of scenario.events) {
        const turns = world.fired[event.id] ?? [];
        if (event.once) expect(turns.length).toBeLessThanOrEqual(1);
        const rule = c.eventRuleById.get(event.id)!;
        for (const t of turns) expect(t >= rule.from && t <= rule.to).toBe(true);
      }
      expect(world.fired['r-every']?.length ?? 0).toBeGreaterThan(1);
    }
  });

  it('conditions judged by number play the games conditions judged by id play', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        expect(playBatchGame(c, seed, undefined, true)).toEqual(playBatchGame(byId, seed, undefined, true));
      }),
      { numRuns: 15 },
    );
  });

  it('a condition judged by number gives what it gives by id, draws and all, for any fired events', () => {
    const ids = scenario.events.map((e) => e.id);
    const index = new Map(ids.map((id, i) => [id, i]));
    let byNumber = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: ids.length, maxLength: ids.length }), seedArb, (bytes, seed) => {
        const firedSet = new Set(ids.filter((_, i) => bytes[i]! % 2 === 1));
        const context = (withNumbers: boolean): ConditionContext & { draws: number } => {
          let a = seed;
          const ctx: ConditionContext & { draws: number } = {
            draws: 0,
            turn: seed % scenario.turns.length,
            turnIndex: (id) => c.turnIndexById.get(id) ?? -1,
            indicator: (id) => (id.length * 7 + seed) % 100,
            fact: (id) => (id.length + seed) % 2 === 0,
            belief: () => undefined,
            chose: (_actor, option) => (option.length + seed) % 3 === 0,
            fired: (event) => firedSet.has(event),
            posture: () => undefined,
            random: () => {
              ctx.draws++;
              a = (a * 1103515245 + 12345) % 2147483648;
              return a / 2147483648;
            },
          };
          if (withNumbers)
            ctx.firedAt = (n) => {
              byNumber++;
              return firedSet.has(ids[n]!);
            };
          return ctx;
        };
        for (const event of scenario.events) {
          if (!event.when) continue;
          const generic = context(false);
          const numbered = context(true);
          const n = numberedPredicate(event.when, (id) => index.get(id));
          expect(n(numbered)).toBe(predicateOf(event.when)(generic));
          expect(numbered.draws).toBe(generic.draws);
        }
      }),
      { numRuns: 20 },
    );
    // The numbered conditions did ask by number.
    expect(byNumber).toBeGreaterThan(0);
  });
});
