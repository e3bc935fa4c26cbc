// The indicators of a view are made in one pass over the changes, with indexes shared between viewers (issue 18):
// they must equal, for every viewer and every game, what the plain reading of the rules gives — a scan of the
// changes for each indicator, and of the journal for each cause — written out here as the reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { type CompiledScenario, canSeeIndicator, compileScenario } from '../../src/sim/compile.ts';
import { type IndicatorView, indicatorHistory, publicView, viewFor } from '../../src/sim/view.ts';
import type { Cause, World } from '../../src/sim/world.ts';
import { entryFor, LiveGame, playTurns } from '../helpers/play.ts';

const baghdad = await loadScenarioDir('scenarios/baghdad-2021');
if (!baghdad.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
const c = compileScenario(baghdad.scenario);

type Viewer = { actor: string } | { public: true };

function referenceCause(
  world: World,
  viewer: Viewer,
  cause: Cause,
  turn: number,
): IndicatorView['causes'][number]['cause'] {
  const hidden = { kind: 'undisclosed' } as const;
  const sees = (audience: 'public' | string[]) =>
    'public' in viewer ? audience === 'public' : audience === 'public' || audience.includes(viewer.actor);
  if (cause.kind === 'decision') {
    const own = !('public' in viewer) && viewer.actor === cause.actor;
    const announced = world.journal.some(
      (j) =>
        j.turn === turn &&
        j.source.kind === 'decision' &&
        j.source.actor === cause.actor &&
        j.source.option === cause.option,
    );
    return own || announced ? cause : hidden;
  }
  if (cause.kind === 'event') {
    const event = world.journal.find(
      (j) => j.source.kind === 'event' && j.source.event === cause.event && j.turn === turn,
    );
    return event && sees(event.audience) ? cause : hidden;
  }
  if (cause.kind === 'agreement' || cause.kind === 'breach') {
    const party = !('public' in viewer) && cause.parties.includes(viewer.actor);
    return party || cause.public ? cause : hidden;
  }
  if (cause.kind === 'ruling') return !('public' in viewer) && viewer.actor === cause.actor ? cause : hidden;
  return cause;
}

function reference(cs: CompiledScenario, world: World, viewer: Viewer): IndicatorView[] {
  return cs.scenario.indicators.map((def) => {
    const visible =
      'public' in viewer ? def.visibility === 'public' : canSeeIndicator(cs, def.id, viewer.actor);
    const base = { id: def.id, label: def.label, meaning: def.meaning, min: def.min, max: def.max };
    if (!visible) return { ...base, value: null, history: null, causes: [] };
    const causes: IndicatorView['causes'] = [];
    let hidden: { turn: number; delta: number } | null = null;
    const flush = () => {
      if (hidden && hidden.delta !== 0) causes.push({ ...hidden, cause: { kind: 'undisclosed' } });
      hidden = null;
    };
    for (const ch of world.changes) {
      const delta = ch.deltas[def.id];
      if (delta === undefined) continue;
      if (hidden && hidden.turn !== ch.turn) flush();
      const cause = referenceCause(world, viewer, ch.cause, ch.turn);
      if (cause.kind !== 'undisclosed') causes.push({ turn: ch.turn, delta, cause });
      else if (hidden) hidden.delta += delta;
      else hidden = { turn: ch.turn, delta };
    }
    flush();
    return {
      ...base,
      value: world.indicators[def.id] ?? def.start,
      history: indicatorHistory(cs, world, def.id),
      causes,
    };
  });
}

describe('indicator views', () => {
  it('equal the plain reading for every seat and the public, at every step of arbitrary games', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.nat(12), { maxLength: 40 }),
        fc.nat(6),
        fc.array(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), { maxLength: 30 }),
        (seed, picks, turns, moves) => {
          const game = playTurns(new LiveGame(c, seed).start(c.playableIds), picks, turns);
          const check = () => {
            const world = game.state.world;
            for (const actor of c.playableIds)
              expect(viewFor(c, game.state, actor).indicators).toEqual(reference(c, world, { actor }));
            expect(publicView(c, game.state).indicators).toEqual(reference(c, world, { public: true }));
          };
          check();
          for (const move of moves) if (game.run(entryFor(c, game.state, move))) check();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('shares one history between viewers, frozen, so that no view changes another', () => {
    const game = playTurns(new LiveGame(c, 7).start(c.playableIds), [1, 2, 3], 3);
    const [a, b] = c.playableIds;
    const first = viewFor(c, game.state, a!).indicators.find((i) => i.history !== null)!;
    const second = viewFor(c, game.state, b!).indicators.find((i) => i.id === first.id)!;
    if (second.history === null) return expect(first.history).not.toBeNull();
    const was = second.history.slice();
    expect(() => first.history!.push(99)).toThrow(TypeError);
    expect(() => {
      first.history![0] = 99;
    }).toThrow(TypeError);
    expect(second.history).toEqual(was);
    expect(first.history).toEqual(second.history);
  });
});
