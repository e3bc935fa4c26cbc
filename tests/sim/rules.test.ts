import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/sim/compile.ts';
import { type ConditionContext, holds } from '../../src/sim/conditions.ts';
import { chooseOption, scoreOption, sightContext } from '../../src/sim/policy.ts';
import { initialBeliefs, initialWorld, resolveTurn } from '../../src/sim/resolve.ts';
import { createRng, hashParts, normaliseSeed } from '../../src/sim/rng.ts';
import { sightFor } from '../../src/sim/sight.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

const c = compileScenario(miniScenario);

function ctx(over: Partial<ConditionContext> = {}): ConditionContext {
  return {
    turn: 1,
    turnIndex: (id) => c.turnIndexById.get(id) ?? -1,
    indicator: (id) => ({ order: 50, armed: 70 })[id],
    fact: (id) => id === 'true-fact',
    belief: (actor, fact) => (actor === 'gov' && fact === 'f' ? false : undefined),
    chose: (actor, option, turn) =>
      actor === 'gov' && option === 'raid' && (turn === undefined || turn === 0),
    fired: (e) => e === 'explosion',
    posture: (a) => (a === 'gov' ? 'calm' : undefined),
    random: () => 0.4,
    ...over,
  };
}

function beliefsAndPostures() {
  const beliefs = Object.fromEntries(c.actorIds.map((a) => [a, initialBeliefs(c, a)]));
  const postures = Object.fromEntries(c.actorIds.map((a) => [a, c.actorById.get(a)!.posture]));
  return { beliefs, postures };
}

describe('conditions', () => {
  it('judges thresholds, and an unseen indicator never passes', () => {
    expect(holds({ atLeast: { order: 50, armed: 70 } }, ctx())).toBe(true);
    expect(holds({ atLeast: { order: 51 } }, ctx())).toBe(false);
    expect(holds({ atMost: { armed: 69 } }, ctx())).toBe(false);
    expect(holds({ atLeast: { hidden: 0 } }, ctx())).toBe(false);
    expect(holds({ atMost: { hidden: 100 } }, ctx())).toBe(false);
  });

  it('combines with all, any and not', () => {
    expect(holds({ all: [{ fact: 'true-fact' }, { fired: 'explosion' }] }, ctx())).toBe(true);
    expect(holds({ all: [{ fact: 'true-fact' }, { fired: 'other' }] }, ctx())).toBe(false);
    expect(holds({ any: [{ fact: 'nope' }, { fired: 'explosion' }] }, ctx())).toBe(true);
    expect(holds({ not: { fact: 'true-fact' } }, ctx())).toBe(false);
  });

  it('reads beliefs, choices, postures, turn windows and chance', () => {
    expect(holds({ believes: { actor: 'gov', fact: 'f', is: false } }, ctx())).toBe(true);
    expect(holds({ believes: { actor: 'gov', fact: 'f' } }, ctx())).toBe(false);
    expect(holds({ believes: { actor: 'militia', fact: 'f', is: false } }, ctx())).toBe(false);
    expect(holds({ chose: { actor: 'gov', option: 'raid' } }, ctx())).toBe(true);
    expect(holds({ chose: { actor: 'gov', option: 'raid', turn: 't2' } }, ctx())).toBe(false);
    expect(holds({ posture: { actor: 'gov', is: 'calm' } }, ctx())).toBe(true);
    expect(holds({ turn: { from: 't2', to: 't3' } }, ctx())).toBe(true);
    expect(holds({ turn: { from: 't3' } }, ctx())).toBe(false);
    expect(holds({ chance: 0.5 }, ctx())).toBe(true);
    expect(holds({ chance: 0.3 }, ctx())).toBe(false);
  });
});

describe('rng', () => {
  it('is deterministic and spreads', () => {
    const a = createRng(42);
    const b = createRng(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((x, y) => x + y, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(hashParts(1, 'a')).not.toBe(hashParts(1, 'b'));
    expect(normaliseSeed('classroom')).toBe(normaliseSeed('classroom'));
    expect(normaliseSeed(7)).toBe(7);
  });
});

describe('resolveTurn', () => {
  it('applies simultaneous choices, clamps, records every change with its cause', () => {
    const { beliefs, postures } = beliefsAndPostures();
    const world = initialWorld(c);
    const r = resolveTurn(c, {
      world,
      choices: { gov: { option: 'raid', by: 'person' }, militia: { option: 'strike', by: 'computer' } },
      beliefs,
      postures,
      seed: 1,
    });
    // raid: order -5, then militia-struck is true this turn (the strike's fact is set after the raid applies,
    // in actor order), so the raid's else branch applies: -10. strike: -15. explosion: -2.
    expect(r.world.indicators.order).toBe(50 - 5 - 10 - 15 - 2);
    expect(r.world.indicators.secretStock).toBe(20);
    expect(r.world.facts['militia-struck']).toBe(true);
    const sum = r.world.changes.reduce((s, ch) => s + (ch.deltas.order ?? 0), 0);
    expect(sum).toBe(r.world.indicators.order! - 50);
    expect(r.world.changes).toContainEqual({
      turn: 0,
      cause: { kind: 'event', event: 'explosion' },
      deltas: { order: -2 },
    });
    // The raid's two effects on order gather in one record of its cause.
    expect(r.world.changes).toContainEqual({
      turn: 0,
      cause: { kind: 'decision', actor: 'gov', option: 'raid' },
      deltas: { armed: -10, order: -15 },
    });
    expect(r.world.log.map((d) => `${d.actor}:${d.option}:${d.by}`)).toEqual([
      'gov:raid:person',
      'militia:strike:computer',
    ]);
    expect(r.postures).toEqual({ gov: 'firm', militia: 'loud' });
    expect(
      r.world.journal.map((j) => (j.source.kind === 'event' ? j.source.event : j.source.option)),
    ).toEqual(['raid', 'explosion', 'false-flag']);
  });

  it('tells a false claim to its audience, but never overturns a confirmed belief', () => {
    const { beliefs, postures } = beliefsAndPostures();
    const r = resolveTurn(c, {
      world: initialWorld(c),
      choices: { militia: { option: 'strike', by: 'computer' } },
      beliefs,
      postures,
      seed: 1,
    });
    expect(r.learned.gov?.['militia-struck']).toMatchObject({
      is: false,
      confirmed: false,
      via: 'false-flag',
    });
    // The militia knows what it did: the fact's knownBy confirms it when it changes, and the rumour does not undo it.
    expect(r.learned.militia?.['militia-struck']).toMatchObject({ is: true, confirmed: true });
  });

  it('fires a once-event once, and an at-end outcome only after the last turn', () => {
    const { beliefs, postures } = beliefsAndPostures();
    let world = initialWorld(c);
    for (let turn = 0; turn < 3; turn++) {
      const r = resolveTurn(c, {
        world: { ...world, turn },
        choices: { militia: { option: 'strike', by: 'computer' } },
        beliefs,
        postures,
        seed: 3,
      });
      world = r.world;
      if (turn < 2) expect(world.outcome?.id ?? null).not.toBe('muddle');
    }
    expect(world.fired.explosion).toEqual([0]);
    expect(world.outcome).not.toBeNull();
  });

  it('ends at once when an every-turn outcome holds', () => {
    const { beliefs, postures } = beliefsAndPostures();
    const world = { ...initialWorld(c), indicators: { order: 50, armed: 80, secretStock: 30 } };
    const r = resolveTurn(c, {
      world,
      choices: { militia: { option: 'parade', by: 'computer' } },
      beliefs,
      postures,
      seed: 1,
    });
    expect(r.world.outcome).toEqual({ id: 'takeover', turn: 0 });
  });
});

describe('policy', () => {
  const mind = { actor: 'militia', beliefs: initialBeliefs(c, 'militia'), posture: 'quiet' };
  const sight = sightFor(c, initialWorld(c), 'militia');

  it('scores by goals from what the actor sees', () => {
    const options = c.optionById.get('militia')!;
    const score = (id: string) =>
      scoreOption(
        c,
        'militia',
        options.get(id)!,
        sightContext(c, sight, mind, () => 0.5),
      );
    expect(score('strike')).toBeGreaterThan(score('parade'));
    expect(score('parade')).toBeGreaterThan(score('wait'));
  });

  it('at a low temperature takes the best option; at a high one, varies', () => {
    const cold = { ...c, actorById: new Map(c.actorById) };
    cold.actorById.set('militia', { ...c.actorById.get('militia')!, policy: { temperature: 0.01 } });
    const picks = new Set(
      Array.from({ length: 50 }, (_, i) =>
        chooseOption(cold, ['wait', 'strike', 'parade'], sight, mind, createRng(i)),
      ),
    );
    expect([...picks]).toEqual(['strike']);
    const hot = { ...c, actorById: new Map(c.actorById) };
    hot.actorById.set('militia', { ...c.actorById.get('militia')!, policy: { temperature: 100 } });
    const varied = new Set(
      Array.from({ length: 200 }, (_, i) =>
        chooseOption(hot, ['wait', 'strike', 'parade'], sight, mind, createRng(i)),
      ),
    );
    expect(varied.size).toBe(3);
  });

  it('sees only the indicators in its audience', () => {
    expect(Object.keys(sightFor(c, initialWorld(c), 'gov').indicators).sort()).toEqual(['armed', 'order']);
    expect(Object.keys(sight.indicators).sort()).toEqual(['armed', 'order', 'secretStock']);
  });
});
