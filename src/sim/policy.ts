// How a computer plays an actor: it scores each available option by its own goals and its own view of the
// world, then draws one (softmax at the actor's temperature) with a seeded draw. It is given no hidden truth.
import type { Effect, Option } from '../scenario/types.ts';
import type { CompiledScenario } from './compile.ts';
import { type ConditionContext, holds } from './conditions.ts';
import type { Rng } from './rng.ts';
import type { Beliefs } from './world.ts';

/** What the crisis shows an actor of the shared world when it is its turn to decide. */
export interface Sight {
  turn: number;
  /** Only the indicators the actor can see. */
  indicators: Record<string, number>;
  /** Events the actor saw fire. */
  fired: string[];
  /** The actor's own choices and the others' announced ones. */
  choices: { actor: string; option: string; turn: number }[];
}

export interface Mind {
  actor: string;
  beliefs: Beliefs;
  posture: string;
}

export function sightContext(c: CompiledScenario, sight: Sight, mind: Mind, rng: Rng): ConditionContext {
  let firedSet: Set<string> | undefined;
  const fired = () => {
    firedSet ??= new Set(sight.fired);
    return firedSet;
  };
  return {
    turn: sight.turn,
    turnIndex: (id) => c.turnIndexById.get(id) ?? -1,
    indicator: (id) => sight.indicators[id],
    fact: (id) => mind.beliefs[id]?.is,
    belief: (actor, fact) => (actor === mind.actor ? mind.beliefs[fact]?.is : undefined),
    chose: (actor, option, turn) =>
      sight.choices.some(
        (x) => x.actor === actor && x.option === option && (turn === undefined || x.turn === turn),
      ),
    fired: (event) => fired().has(event),
    posture: (actor) => (actor === mind.actor ? mind.posture : undefined),
    random: rng,
  };
}

/** The option's expected effect on each indicator, as the actor can foresee it. */
export function projectEffects(
  effects: readonly Effect[],
  ctx: ConditionContext,
  into: Record<string, number>,
): void {
  for (const e of effects) {
    if (e.add) for (const id in e.add) into[id] = (into[id] ?? 0) + e.add[id]!;
    else if (e.set) {
      for (const id in e.set) {
        const now = ctx.indicator(id);
        if (now !== undefined) into[id] = (into[id] ?? 0) + e.set[id]! - now;
      }
    } else if (e.if) projectEffects((holds(e.if, ctx) ? e.then : e.else) ?? [], ctx, into);
  }
}

/** The part of an option's score that never changes: its bias and its unconditional effects on the goals. */
interface Prepared {
  base: number;
  /** The effects whose foreseen size depends on the moment: conditional ones and sets. */
  dynamic: Effect[];
}

const prepared = new WeakMap<CompiledScenario, Map<Option, Prepared>>();

function goalScore(c: CompiledScenario, actor: string, projected: Record<string, number>): number {
  let score = 0;
  for (const goal of c.actorById.get(actor)?.goals ?? []) {
    const delta = projected[goal.indicator];
    if (delta === undefined) continue;
    const def = c.indicatorById.get(goal.indicator);
    const range = def ? def.max - def.min : 100;
    score += (goal.weight * (goal.want === 'high' ? delta : -delta) * 100) / range;
  }
  return score;
}

function prepare(c: CompiledScenario, actor: string, option: Option): Prepared {
  let cache = prepared.get(c);
  if (!cache) {
    cache = new Map();
    prepared.set(c, cache);
  }
  let p = cache.get(option);
  if (!p) {
    const fixed: Record<string, number> = {};
    const dynamic: Effect[] = [];
    for (const e of option.effects) {
      if (e.add) for (const id in e.add) fixed[id] = (fixed[id] ?? 0) + e.add[id]!;
      else if (e.set || e.if) dynamic.push(e);
    }
    p = { base: option.policy.bias + goalScore(c, actor, fixed), dynamic };
    cache.set(option, p);
  }
  return p;
}

export function scoreOption(
  c: CompiledScenario,
  actor: string,
  option: Option,
  ctx: ConditionContext,
): number {
  const p = prepare(c, actor, option);
  let score = p.base;
  for (const pref of option.policy.prefer) if (holds(pref.when, ctx)) score += pref.bonus;
  if (p.dynamic.length > 0) {
    const projected: Record<string, number> = {};
    projectEffects(p.dynamic, ctx, projected);
    score += goalScore(c, actor, projected);
  }
  return score;
}

export function chooseOption(
  c: CompiledScenario,
  options: readonly string[],
  sight: Sight,
  mind: Mind,
  rng: Rng,
): string {
  const ctx = sightContext(c, sight, mind, rng);
  const byId = c.optionById.get(mind.actor);
  const temperature = c.actorById.get(mind.actor)?.policy.temperature ?? 8;
  const scores = options.map((id) => {
    const option = byId?.get(id);
    return option ? scoreOption(c, mind.actor, option, ctx) : Number.NEGATIVE_INFINITY;
  });
  const best = Math.max(...scores);
  const weights = scores.map((s) => Math.exp((s - best) / temperature));
  let draw = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < options.length; i++) {
    draw -= weights[i]!;
    if (draw < 0) return options[i]!;
  }
  return options[options.length - 1]!;
}
