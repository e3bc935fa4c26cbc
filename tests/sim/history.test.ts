// The historical path's pure parts: the chooser that takes what the real actor did where it is open and leaves
// the rest to the computer, and the tally of which events fired in how many games and on which dates.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { computerChoice } from '../../src/sim/engine.ts';
import { historicalChoice, historicalChooser, historicalOptions } from '../../src/sim/history.ts';
import { policyChoice } from '../../src/sim/offer.ts';
import { EventTally } from '../../src/sim/summary.ts';
import type { World } from '../../src/sim/world.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { FACILITATOR, LiveGame } from '../helpers/play.ts';

const mini = compileScenario(miniScenario);

/** The mini scenario with one of gov's options changed: a variant to put the chooser in other situations. */
function withGovOption(id: string, change: Record<string, unknown>): Scenario {
  const s = structuredClone(miniScenario);
  const option = s.decisions.find((d) => d.id === 'gov-decides')!.options.find((o) => o.id === id)!;
  Object.assign(option, change);
  return s;
}

/** A game of the mini scenario with its first turn open, every seat the computer's. */
function firstTurn(c = mini, seed = 1) {
  return new LiveGame(c, seed).start().state;
}

describe('the historical chooser', () => {
  it('takes the historical option when it is open', () => {
    const state = firstTurn();
    const gov = state.offers.gov!;
    // accuse is closed on the first turn: gov does not believe the militia struck.
    expect(gov.options).toEqual(['restraint', 'raid']);
    expect(historicalOptions(mini, 'gov', gov)).toEqual(['restraint']);
    expect(historicalChoice(mini, state, 'gov', gov)).toBe('restraint');
    expect(historicalChoice(mini, state, 'militia', state.offers.militia!)).toBe('wait');
  });

  it('defers to the computer when no historical option is open, an empty offer included', () => {
    const state = firstTurn();
    const gov = state.offers.gov!;
    expect(historicalChoice(mini, state, 'gov', { ...gov, options: ['raid', 'accuse'] })).toBeUndefined();
    expect(historicalChoice(mini, state, 'gov', { ...gov, options: [] })).toBeUndefined();
    // An option is historical for its own actor only: the id of gov's restraint means nothing for the militia.
    expect(historicalOptions(mini, 'militia', gov)).toEqual([]);
  });

  it('lets the computer weigh only the historical options when several are open', () => {
    const c = compileScenario(withGovOption('raid', { historical: true }));
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const state = firstTurn(c, seed);
      const offer = state.offers.gov!;
      const mind = { actor: 'gov', beliefs: state.beliefs.gov!, posture: state.postures.gov! };
      const chosen = historicalChoice(c, state, 'gov', offer);
      // The computer's own draw over the historical options alone, so a seed plays the same path again.
      expect(chosen).toBe(policyChoice(c, { ...offer, options: ['restraint', 'raid'] }, mind, state.seed));
      seen.add(chosen!);
    }
    expect([...seen].every((o) => o === 'restraint' || o === 'raid')).toBe(true);
  });

  it('plays whole games: historical decisions are a person’s, the others the computer’s', () => {
    for (let seed = 0; seed < 10; seed++) {
      const { world } = playBatchGame(mini, seed, historicalChooser(mini));
      const gov = world.log.filter((d) => d.actor === 'gov');
      expect(gov.length).toBeGreaterThan(0);
      for (const d of gov) expect(d).toMatchObject({ option: 'restraint', by: 'person' });
      for (const d of world.log.filter((x) => x.actor === 'militia')) {
        expect(d).toMatchObject({ option: 'wait', by: 'person' });
      }
      // The militia never strikes on the historical path, so no explosion and nothing that follows from it.
      expect(world.fired).toEqual({});
    }
    // Restraint is closed while gov does not believe the militia struck: the computer takes gov's decisions.
    const closed = compileScenario(
      withGovOption('restraint', { available: { believes: { actor: 'gov', fact: 'militia-struck' } } }),
    );
    const { world } = playBatchGame(closed, 3, historicalChooser(closed));
    const gov = world.log.filter((d) => d.actor === 'gov');
    expect(gov.length).toBeGreaterThan(0);
    for (const d of gov) expect(d).toMatchObject({ option: 'raid', by: 'computer' });
  });

  it('chooses through the bare loop exactly as it chooses for the live engine', () => {
    // The same seed gives the same state at the first turn whether the loop or a live game opened it.
    const live = new LiveGame(mini, 5).start();
    const state = live.state;
    for (const actor of Object.keys(state.offers)) {
      const wanted = historicalChoice(mini, state, actor, state.offers[actor]!);
      const option = wanted ?? computerChoice(mini, state, actor)!;
      const holder = wanted ? 'person' : 'computer';
      live.run({ by: FACILITATOR, command: { type: 'seat.set', actor, holder } });
      live.run({ by: { seat: actor, as: holder }, command: { type: 'decision.submit', actor, option } });
    }
    live.run({ by: FACILITATOR, command: { type: 'turn.resolve' } });
    const batch = playBatchGame(mini, 5, historicalChooser(mini), true);
    expect(batch.world.log.filter((d) => d.turn === 0)).toEqual(live.state.world.log);
  });
});

/** A world that only says what fired when: all the tally reads. */
const firedOnly = (fired: Record<string, number[]>) => ({ fired }) as unknown as World;

describe('the event tally', () => {
  it('counts games and dates by hand over a few made-up games', () => {
    const tally = new EventTally(mini);
    tally.add(firedOnly({ explosion: [0], 'false-flag': [1] }));
    // Fired on two turns in one game: once for the game, once on each date; twice on one turn counts once.
    tally.add(firedOnly({ explosion: [0, 2, 2], 'false-flag': [] }));
    tally.add(firedOnly({}));
    tally.add(firedOnly({ explosion: [2], 'not-an-event': [1] }));
    expect(tally.result()).toEqual([
      {
        id: 'explosion',
        games: 3,
        share: 0.75,
        dates: [
          { date: '2021-10-10', turn: 't1', games: 2 },
          { date: '2021-11-07', turn: 't3', games: 2 },
        ],
      },
      { id: 'false-flag', games: 1, share: 0.25, dates: [{ date: '2021-10-20', turn: 't2', games: 1 }] },
      { id: 'investigation', games: 0, share: 0, dates: [] },
    ]);
  });

  it('matches a hand count over games the computer plays', () => {
    const tally = new EventTally(mini);
    const byHand: Record<string, { games: number; dates: Record<string, number> }> = {};
    for (const e of miniScenario.events) byHand[e.id] = { games: 0, dates: {} };
    const games = 30;
    for (let seed = 0; seed < games; seed++) {
      const { world } = playBatchGame(mini, seed);
      tally.add(world);
      for (const [id, turns] of Object.entries(world.fired)) {
        byHand[id]!.games++;
        for (const t of turns) {
          const date = miniScenario.turns[t]!.date;
          byHand[id]!.dates[date] = (byHand[id]!.dates[date] ?? 0) + 1;
        }
      }
    }
    const result = tally.result();
    expect(result.map((e) => e.id)).toEqual(miniScenario.events.map((e) => e.id));
    for (const e of result) {
      expect(e.games).toBe(byHand[e.id]!.games);
      expect(e.share).toBeCloseTo(byHand[e.id]!.games / games);
      expect(Object.fromEntries(e.dates.map((d) => [d.date, d.games]))).toEqual(byHand[e.id]!.dates);
    }
    // The computer's militia strikes in some games: the count is not trivially zero.
    expect(result.find((e) => e.id === 'explosion')!.games).toBeGreaterThan(0);
  });
});
