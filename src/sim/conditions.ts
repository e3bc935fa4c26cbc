// Conditions are data; this is their only interpreter. The same condition is judged on the game world (during
// resolution) or on one actor's view (by its computer policy), through the context it is given.
import type { Condition } from '../scenario/types.ts';

export interface ConditionContext {
  turn: number;
  turnIndex(id: string): number;
  /** undefined: the judge cannot see it, and a threshold on it does not hold. */
  indicator(id: string): number | undefined;
  fact(id: string): boolean | undefined;
  belief(actor: string, fact: string): boolean | undefined;
  chose(actor: string, option: string, turn: number | undefined): boolean;
  fired(event: string): boolean;
  /**
   * Optional: the same answer as fired() for the event the scenario numbers `n` (compile.ts: its index), for a
   * judge that keeps fired events by number (the resolution), so that a hot condition hashes no id.
   */
  firedAt?(n: number): boolean;
  posture(actor: string): string | undefined;
  random(): number;
  /**
   * An agreement of this id stands (accepted, not broken) as the judge may know it: the game's own (resolution),
   * or, for one actor's view, one it is party to or a public one. Optional: a judge that knows of none.
   */
  agreed?(agreement: string): boolean;
}

export type Predicate = (ctx: ConditionContext) => boolean;

// Each condition is turned once into a closure, so judging it does not probe the object for its kind every time.
// The closures read the world only through the context: still one interpreter, and still no code from the data.
const predicates = new WeakMap<Condition, Predicate>();

export function holds(c: Condition, ctx: ConditionContext): boolean {
  return predicateOf(c)(ctx);
}

/** The condition as a function of the context, for a caller that judges it often. */
export function predicateOf(c: Condition): Predicate {
  let p = predicates.get(c);
  if (!p) {
    p = predicate(c);
    predicates.set(c, p);
  }
  return p;
}

/**
 * The condition as a function of the context, its `fired` conditions on an event `number` knows asking the context
 * by number (firedAt) when it can. Not cached: the numbers are one scenario's; compile.ts makes these once.
 */
export function numberedPredicate(c: Condition, number: (event: string) => number | undefined): Predicate {
  return predicate(c, number);
}

function predicate(c: Condition, number?: (event: string) => number | undefined): Predicate {
  if (c.all) {
    const parts = c.all.map((x) => predicate(x, number));
    return (ctx) => {
      for (const p of parts) if (!p(ctx)) return false;
      return true;
    };
  }
  if (c.any) {
    const parts = c.any.map((x) => predicate(x, number));
    return (ctx) => {
      for (const p of parts) if (p(ctx)) return true;
      return false;
    };
  }
  if (c.not) {
    const inner = predicate(c.not, number);
    return (ctx) => !inner(ctx);
  }
  if (c.atLeast) return threshold(c.atLeast, (v, n) => v >= n);
  if (c.atMost) return threshold(c.atMost, (v, n) => v <= n);
  if (c.fact !== undefined) {
    const fact = c.fact;
    return (ctx) => ctx.fact(fact) === true;
  }
  if (c.believes) {
    const { actor, fact } = c.believes;
    const is = c.believes.is ?? true;
    return (ctx) => ctx.belief(actor, fact) === is;
  }
  if (c.chose) {
    const { actor, option, turn } = c.chose;
    return (ctx) => ctx.chose(actor, option, turn === undefined ? undefined : ctx.turnIndex(turn));
  }
  if (c.fired !== undefined) {
    const event = c.fired;
    const n = number?.(event);
    if (n !== undefined) return (ctx) => (ctx.firedAt === undefined ? ctx.fired(event) : ctx.firedAt(n));
    return (ctx) => ctx.fired(event);
  }
  if (c.turn) {
    const window = c.turn;
    return (ctx) => inWindow(ctx.turn, window, ctx);
  }
  if (c.posture) {
    const { actor, is } = c.posture;
    return (ctx) => ctx.posture(actor) === is;
  }
  if (c.chance !== undefined) {
    const chance = c.chance;
    return (ctx) => ctx.random() < chance;
  }
  if (c.agreed !== undefined) {
    const agreement = c.agreed;
    return (ctx) => ctx.agreed?.(agreement) === true;
  }
  return () => false;
}

function threshold(map: Record<string, number>, test: (value: number, n: number) => boolean): Predicate {
  const pairs = Object.entries(map);
  return (ctx) => {
    for (const [id, n] of pairs) {
      const value = ctx.indicator(id);
      if (value === undefined || !test(value, n)) return false;
    }
    return true;
  };
}

export function inWindow(
  turn: number,
  window: { from?: string | undefined; to?: string | undefined },
  ctx: Pick<ConditionContext, 'turnIndex'>,
): boolean {
  if (window.from !== undefined && turn < ctx.turnIndex(window.from)) return false;
  if (window.to !== undefined && turn > ctx.turnIndex(window.to)) return false;
  return true;
}
