import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { decisionFor } from '../../src/sim/compile.ts';
import { factionContext } from '../../src/sim/crisis.machine.ts';
import { createGame, engineFor } from '../../src/sim/game.ts';
import {
  type Choice,
  initialBeliefs,
  initialWorld,
  resolveTurn,
  resolveTurnInPlace,
} from '../../src/sim/resolve.ts';
import { restoreGameFromJson, saveGame } from '../../src/sim/save.ts';
import { SightTracker, sightFor } from '../../src/sim/sight.ts';
import { indicatorHistory, publicView, viewFor } from '../../src/sim/view.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { humanGame, playTurns } from '../helpers/play.ts';

const baghdad = await loadScenarioDir('scenarios/baghdad-2021');
if (!baghdad.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');

// The mini scenario is cheap enough for many runs; the real one proves the same on real material.
describe.each([
  ['mini', miniScenario, 1],
  ['baghdad-2021', baghdad.scenario, 0.3],
] as [string, Scenario, number][])('%s', (_name, scenario, scale) => {
  const runs = (n: number) => Math.max(10, Math.round(n * scale));
  const { compiled, machine } = engineFor(scenario);
  const outcomeIds = scenario.outcomes.map((o) => o.id);
  const humansArb = fc.subarray(compiled.playableIds);
  const picksArb = fc.array(fc.nat(12), { maxLength: 60 });
  const seedArb = fc.nat();
  const turnsArb = fc.nat(scenario.turns.length);

  describe('any sequence of valid decisions', () => {
    it('ends in a declared outcome within the calendar, with every indicator in range', () => {
      fc.assert(
        fc.property(seedArb, humansArb, picksArb, (seed, humans, picks) => {
          const game = humanGame(scenario, seed, humans, picks);
          const world = game.snapshot.context.world;
          expect(game.ended).toBe(true);
          expect(outcomeIds).toContain(world.outcome?.id);
          expect(world.turn).toBeLessThan(scenario.turns.length);
          for (const def of scenario.indicators) {
            expect(world.indicators[def.id]).toBeGreaterThanOrEqual(def.min);
            expect(world.indicators[def.id]).toBeLessThanOrEqual(def.max);
          }
          for (const def of scenario.indicators) {
            const history = indicatorHistory(compiled, world, def.id);
            expect(history[history.length - 1]).toBe(world.indicators[def.id]);
            for (const v of history) expect(v >= def.min && v <= def.max).toBe(true);
          }
        }),
        { numRuns: runs(150) },
      );
    });

    it('grows the world in place to what the copying rules give, and tracks sight as sightFor reads it', () => {
      fc.assert(
        fc.property(seedArb, (seed) => {
          let world = initialWorld(compiled);
          const beliefs = Object.fromEntries(compiled.actorIds.map((a) => [a, initialBeliefs(compiled, a)]));
          const postures = Object.fromEntries(
            compiled.actorIds.map((a) => [a, compiled.actorById.get(a)!.posture]),
          );
          const trackers = new Map(compiled.actorIds.map((a) => [a, new SightTracker(compiled, a)]));
          const owned = structuredClone(world);
          for (;;) {
            const choices: Record<string, Choice> = {};
            for (const actor of compiled.actorIds) {
              const sight = sightFor(compiled, world, actor);
              expect(trackers.get(actor)!.next(owned)).toEqual(sight);
              const decision = decisionFor(compiled, actor, world.turn);
              const first = decision?.options[(seed + world.turn) % decision.options.length];
              if (first) choices[actor] = { option: first.id, by: 'computer' };
            }
            const before = structuredClone(world);
            const copied = resolveTurn(compiled, { world, choices, beliefs, postures, seed });
            expect(world).toEqual(before);
            const grown = resolveTurnInPlace(compiled, { world: owned, choices, beliefs, postures, seed });
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

  describe('the batch runner', () => {
    it('plays exactly the game the actor system plays, for any seed and human choices', () => {
      fc.assert(
        fc.property(seedArb, humansArb, picksArb, (seed, humans, picks) => {
          const game = humanGame(scenario, seed, humans, picks);
          const cursor = { i: 0 };
          const batch = playBatchGame(compiled, seed, (actor, offer) => {
            if (!humans.includes(actor)) return undefined;
            const pick = picks.length ? picks[cursor.i++ % picks.length]! : 0;
            return offer.options[pick % offer.options.length]!;
          });
          expect(batch.world).toEqual(game.snapshot.context.world);
        }),
        { numRuns: runs(150) },
      );
    });
  });

  /** Rewrites everything private to `other` in a persisted snapshot; returns the restored snapshot. */
  function withOthersSecretsChanged(persisted: unknown, viewer: string | null, salt: number) {
    const p = structuredClone(persisted) as {
      context: {
        world: {
          log: { actor: string; option: string; turn: number }[];
          journal: { source: { kind: string; actor?: string; option?: string }; turn: number }[];
          changes: { cause: { kind: string; actor?: string; option?: string } }[];
        };
        pending: Record<string, unknown>;
      };
      children: Record<string, { snapshot: { context: Record<string, unknown> } }>;
    };
    const world = p.context.world;
    const announced = (actor: string, option: string, turn: number) =>
      world.journal.some(
        (j) =>
          j.turn === turn &&
          j.source.kind === 'decision' &&
          j.source.actor === actor &&
          j.source.option === option,
      );
    for (const [actor, child] of Object.entries(p.children)) {
      if (actor === viewer) continue;
      const ctx = child.snapshot.context;
      ctx.beliefs = { [`secret-${salt}`]: { is: true, confirmed: true, turn: 0, via: 'x' } };
      ctx.posture = `posture-${salt}`;
      if (ctx.pending !== null) ctx.pending = `pending-${salt}`;
      if (p.context.pending[actor]) p.context.pending[actor] = { option: `pending-${salt}`, by: 'human' };
    }
    for (const d of world.log) {
      if (d.actor !== viewer && !announced(d.actor, d.option, d.turn)) {
        for (const ch of world.changes) {
          if (ch.cause.kind === 'decision' && ch.cause.actor === d.actor && ch.cause.option === d.option)
            ch.cause.option = `secret-${salt}`;
        }
        d.option = `secret-${salt}`;
      }
    }
    const actor = createActor(machine, { snapshot: p as never, input: { seed: 0 } });
    actor.start();
    return actor;
  }

  describe('views', () => {
    it('viewFor never depends on another actor’s private knowledge or secret choices', () => {
      fc.assert(
        fc.property(
          seedArb,
          picksArb,
          fc.nat(3),
          fc.constantFrom(...compiled.actorIds),
          fc.nat(),
          (seed, picks, turns, viewer, salt) => {
            const game = playTurns(
              createGame(scenario, { seed, humans: compiled.playableIds }),
              picks,
              turns,
            );
            const persisted = game.actor.getPersistedSnapshot();
            const changed = withOthersSecretsChanged(persisted, viewer, salt);
            expect(viewFor(changed.getSnapshot(), viewer)).toEqual(viewFor(game.snapshot, viewer));
            changed.stop();
          },
        ),
        { numRuns: runs(120) },
      );
    });

    it('the public view shows only public facts', () => {
      fc.assert(
        fc.property(seedArb, picksArb, turnsArb, fc.nat(), (seed, picks, turns, salt) => {
          const game = playTurns(createGame(scenario, { seed, humans: compiled.playableIds }), picks, turns);
          const changed = withOthersSecretsChanged(game.actor.getPersistedSnapshot(), null, salt);
          const view = publicView(game.snapshot);
          expect(publicView(changed.getSnapshot())).toEqual(view);
          for (const i of view.indicators)
            if (compiled.indicatorById.get(i.id)!.visibility !== 'public') expect(i.value).toBeNull();
          const publicEvents = new Set(
            scenario.events.filter((e) => e.audience === 'public').map((e) => e.headline),
          );
          for (const entry of view.journal)
            if (entry.kind !== 'action') expect(publicEvents.has(entry.headline)).toBe(true);
          changed.stop();
        }),
        { numRuns: runs(100) },
      );
    });
  });

  describe('save and restore', () => {
    it('save → restore → continue equals an uninterrupted game', () => {
      fc.assert(
        fc.property(seedArb, humansArb, picksArb, turnsArb, (seed, humans, picks, at) => {
          const straight = humanGame(scenario, seed, humans, picks);
          const cursor = { i: 0 };
          const first = playTurns(createGame(scenario, { seed, humans }), picks, at, cursor);
          const restored = restoreGameFromJson(scenario, JSON.stringify(saveGame(first)));
          // What the save leaves out (the journal, each pending offer's sight) comes back as it was.
          expect(restored.snapshot.context).toEqual(first.snapshot.context);
          for (const actor of compiled.actorIds) {
            expect(factionContext(restored.snapshot, actor)).toEqual(factionContext(first.snapshot, actor));
          }
          first.stop();
          playTurns(restored, picks, Number.POSITIVE_INFINITY, cursor);
          expect(restored.snapshot.context.world).toEqual(straight.snapshot.context.world);
          for (const actor of compiled.actorIds)
            expect(viewFor(restored.snapshot, actor)).toEqual(viewFor(straight.snapshot, actor));
        }),
        { numRuns: runs(100) },
      );
    });
  });
});

describe('mini', () => {
  it('shows an indicator outside the actor’s audience as unknown', () => {
    const game = createGame(miniScenario, { seed: 1 });
    expect(viewFor(game.snapshot, 'gov').indicators.find((i) => i.id === 'secretStock')).toMatchObject({
      value: null,
      history: null,
    });
    expect(viewFor(game.snapshot, 'militia').indicators.find((i) => i.id === 'secretStock')?.value).toBe(30);
  });
});
