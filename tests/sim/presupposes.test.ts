// No view shows as this game's news a turn text whose presupposition (the events and choices it takes for
// granted) failed in that game: over many computer games with arbitrary people's choices, every turn's views
// give the historical text as the game's own only where its presupposition holds on the game world, and as
// history otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Condition } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { holds } from '../../src/sim/conditions.ts';
import type { GameState } from '../../src/sim/state.ts';
import { publicView, type TurnView, viewFor } from '../../src/sim/view.ts';
import type { World } from '../../src/sim/world.ts';

const baghdad = await loadScenarioDir('scenarios/baghdad-2021');
if (!baghdad.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
const c = compileScenario(baghdad.scenario);
const turns = baghdad.scenario.turns;

/**
 * The test's own judge of a presupposition on what happened in the game (fired events, logged choices, the
 * world's facts and indicators), written apart from view.ts so that a view that ignored presupposes fails.
 */
function happened(p: Condition, world: World): boolean {
  return holds(p, {
    turn: world.turn,
    turnIndex: (id) => turns.findIndex((t) => t.id === id),
    indicator: (id) => world.indicators[id],
    fact: (id) => world.facts[id],
    belief: () => undefined,
    chose: (actor, option, turn) =>
      world.log.some(
        (d) => d.actor === actor && d.option === option && (turn === undefined || d.turn === turn),
      ),
    fired: (event) => (world.fired[event]?.length ?? 0) > 0,
    posture: () => undefined,
    random: () => 1,
  });
}

/** Tallies, for the report: per turn id, how often its views showed the historical text as the game's own. */
const tally = new Map<string, { own: number; history: number }>();

/** Every view of this state shows its turn's texts as the presupposition on the world allows. */
function checkViews(state: GameState): void {
  const views: TurnView[] = [
    publicView(c, state).turn,
    ...c.playableIds.map((a) => viewFor(c, state, a).turn),
  ];
  const def = turns[Math.min(state.world.turn, turns.length - 1)]!;
  const presupposed = def.presupposes === undefined || happened(def.presupposes, state.world);
  for (const v of views) {
    if (presupposed) {
      expect(v.summary).toBe(def.summary);
      expect(v.title).toBe(def.title);
      expect(v.history ?? null).toBeNull();
    } else {
      // The historical text is never given as this game's own, and is given as history.
      expect(v.summary).not.toBe(def.summary);
      expect(v.summary).toBe(def.summaryAnyGame);
      expect(v.title).toBe(def.titleAnyGame ?? def.title);
      expect(v.history).toEqual({ title: def.title, summary: def.summary });
    }
  }
  const t = tally.get(def.id) ?? { own: 0, history: 0 };
  if (presupposed) t.own++;
  else t.history++;
  tally.set(def.id, t);
}

describe('turn texts and what they presuppose', () => {
  it('no view gives as the game’s own a summary whose presupposition failed in that game', () => {
    let games = 0;
    fc.assert(
      fc.property(
        fc.nat(),
        fc.subarray([...c.playableIds]),
        fc.array(fc.nat(20), { minLength: 60, maxLength: 60 }),
        (seed, people, picks) => {
          games++;
          let seen = -1;
          let pick = 0;
          const { state } = playBatchGame(c, seed, (actor, offer, live) => {
            // The views at each turn's opening: the first offer of a turn is asked while the turn is open.
            if (live && live.world.turn !== seen) {
              seen = live.world.turn;
              checkViews(live);
            }
            if (!people.includes(actor) || offer.options.length === 0) return undefined;
            return offer.options[picks[pick++ % picks.length]! % offer.options.length];
          });
          checkViews(state);
        },
      ),
      { numRuns: 1000 },
    );
    expect(games).toBeGreaterThanOrEqual(1000);
    const figures = Object.fromEntries(tally);
    console.log(`views by turn, the game's own vs history: ${JSON.stringify(figures)}`);
    // Both sides happen, so the property is not vacuous: the attack is taken for granted on 8 November only in
    // some games, and a game that left history somewhere is seen.
    expect(figures.statements?.own ?? 0).toBeGreaterThan(0);
    expect(figures.statements?.history ?? 0).toBeGreaterThan(0);
  });
});
