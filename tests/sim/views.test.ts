import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import type { GameState } from '../../src/sim/state.ts';
import { facilitatorView, publicView, viewFor } from '../../src/sim/view.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { entryFor, LiveGame, playTurns, submit } from '../helpers/play.ts';

const baghdad = await loadScenarioDir('scenarios/baghdad-2021');
if (!baghdad.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');

/** The state with everything private to actors other than `viewer` rewritten (viewer null: every actor). */
function othersSecretsChanged(state: GameState, viewer: string | null, salt: number): GameState {
  const s = structuredClone(state);
  const world = s.world;
  const announced = (actor: string, option: string, turn: number) =>
    world.journal.some(
      (j) =>
        j.turn === turn &&
        j.source.kind === 'decision' &&
        j.source.actor === actor &&
        j.source.option === option,
    );
  for (const actor of Object.keys(s.beliefs)) {
    if (actor === viewer) continue;
    s.beliefs[actor] = { [`secret-${salt}`]: { is: true, confirmed: true, turn: 0, via: 'x' } };
    s.postures[actor] = `posture-${salt}`;
    if (s.pending[actor]) s.pending[actor] = { option: `pending-${salt}`, by: 'person' };
    if (s.offers[actor]) s.offers[actor] = { ...s.offers[actor]!, options: [`offer-${salt}`] };
  }
  for (const d of world.log) {
    if (d.actor === viewer || announced(d.actor, d.option, d.turn)) continue;
    for (const ch of world.changes) {
      if (ch.cause.kind === 'decision' && ch.cause.actor === d.actor && ch.cause.option === d.option) {
        ch.cause.option = `secret-${salt}`;
      }
    }
    d.option = `secret-${salt}`;
  }
  return s;
}

describe.each([
  ['mini', miniScenario, 1],
  ['baghdad-2021', baghdad.scenario, 0.3],
] as [string, Scenario, number][])('%s views', (_name, scenario, scale) => {
  const runs = (n: number) => Math.max(10, Math.round(n * scale));
  const c = compileScenario(scenario);
  const movesArb = fc.array(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), { maxLength: 80 });

  /** A game some turns in, then a run of arbitrary commands: seed, picks, turns, moves. */
  const gameArb = fc.tuple(fc.nat(), fc.array(fc.nat(12), { maxLength: 40 }), fc.nat(4), movesArb);

  function someGame(seed: number, picks: number[], turns: number, moves: number[][]): LiveGame {
    const game = playTurns(new LiveGame(c, seed).start(c.playableIds), picks, turns);
    for (const move of moves) game.run(entryFor(c, game.state, move));
    return game;
  }

  it('viewFor never depends on another actor’s private knowledge, posture or secret choices', () => {
    fc.assert(
      fc.property(
        gameArb,
        fc.constantFrom(...c.actorIds),
        fc.nat(),
        ([seed, picks, turns, moves], viewer, salt) => {
          const { state } = someGame(seed, picks, turns, moves);
          expect(viewFor(c, othersSecretsChanged(state, viewer, salt), viewer)).toEqual(
            viewFor(c, state, viewer),
          );
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('the public view shows only public facts and indicators, and who decided but never what', () => {
    fc.assert(
      fc.property(gameArb, fc.nat(), ([seed, picks, turns, moves], salt) => {
        const { state } = someGame(seed, picks, turns, moves);
        const view = publicView(c, state);
        expect(publicView(c, othersSecretsChanged(state, null, salt))).toEqual(view);
        for (const i of view.indicators) {
          if (c.indicatorById.get(i.id)!.visibility !== 'public') expect(i.value).toBeNull();
        }
        const publicEvents = new Set(
          scenario.events.filter((e) => e.audience === 'public').map((e) => e.headline),
        );
        for (const entry of view.journal)
          if (entry.kind !== 'action') expect(publicEvents.has(entry.headline)).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });

  it('the facilitator sees everything: every actor’s view and this turn’s secret choices', () => {
    const game = new LiveGame(c, 2).start(c.playableIds);
    const actor = c.playableIds[0]!;
    const option = game.state.offers[actor]!.options[0]!;
    game.run(submit(actor, option));
    const view = facilitatorView(c, game.state);
    expect(view.pending[actor]).toEqual({ option, by: 'person' });
    expect(Object.keys(view.actors)).toEqual(c.actorIds);
    expect(view.actors[actor]!.decision?.chosen).toBe(option);
    // The public view of the same moment says that the actor decided, not what.
    expect(JSON.stringify(publicView(c, game.state))).not.toContain(`"${option}"`);
    expect(publicView(c, game.state).decided).toContain(actor);
  });
});

describe('undisclosed causes', () => {
  const c = compileScenario(miniScenario);

  it('are summed into one line after the turn’s known causes, whatever the actors’ order', () => {
    // Two worlds where the secret change to order came from a different actor, before or after the viewer's own.
    const base = new LiveGame(c, 1).start().state;
    const world = (first: string) => ({
      ...base.world,
      changes: [
        {
          turn: 0,
          cause: { kind: 'decision' as const, actor: first, option: 'hidden' },
          deltas: { order: 3 },
        },
        {
          turn: 0,
          cause: { kind: 'decision' as const, actor: 'militia', option: 'wait' },
          deltas: { order: -4 },
        },
        {
          turn: 0,
          cause: { kind: 'decision' as const, actor: first === 'gov' ? 'press' : 'gov', option: 'hidden' },
          deltas: { order: 1 },
        },
      ],
    });
    const a = viewFor(c, { ...base, world: world('gov') }, 'militia').indicators.find(
      (i) => i.id === 'order',
    )!;
    const b = viewFor(c, { ...base, world: world('press') }, 'militia').indicators.find(
      (i) => i.id === 'order',
    )!;
    expect(a.causes).toEqual(b.causes);
    expect(a.causes).toEqual([
      { turn: 0, delta: -4, cause: { kind: 'decision', actor: 'militia', option: 'wait' } },
      { turn: 0, delta: 4, cause: { kind: 'undisclosed' } },
    ]);
  });

  it('an indicator outside the actor’s audience shows as unknown', () => {
    const s = new LiveGame(c, 1).start().state;
    expect(viewFor(c, s, 'gov').indicators.find((i) => i.id === 'secretStock')).toMatchObject({
      value: null,
      history: null,
    });
    expect(viewFor(c, s, 'militia').indicators.find((i) => i.id === 'secretStock')?.value).toBe(30);
  });
});
