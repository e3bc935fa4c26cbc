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
  posture(actor: string): string | undefined;
  random(): number;
}

export function holds(c: Condition, ctx: ConditionContext): boolean {
  if (c.all) return c.all.every((x) => holds(x, ctx));
  if (c.any) return c.any.some((x) => holds(x, ctx));
  if (c.not) return !holds(c.not, ctx);
  if (c.atLeast) return thresholds(c.atLeast, ctx, (v, n) => v >= n);
  if (c.atMost) return thresholds(c.atMost, ctx, (v, n) => v <= n);
  if (c.fact !== undefined) return ctx.fact(c.fact) === true;
  if (c.believes) return ctx.belief(c.believes.actor, c.believes.fact) === (c.believes.is ?? true);
  if (c.chose) {
    const turn = c.chose.turn === undefined ? undefined : ctx.turnIndex(c.chose.turn);
    return ctx.chose(c.chose.actor, c.chose.option, turn);
  }
  if (c.fired !== undefined) return ctx.fired(c.fired);
  if (c.turn) return inWindow(ctx.turn, c.turn, ctx);
  if (c.posture) return ctx.posture(c.posture.actor) === c.posture.is;
  if (c.chance !== undefined) return ctx.random() < c.chance;
  return false;
}

function thresholds(
  map: Record<string, number>,
  ctx: ConditionContext,
  test: (value: number, n: number) => boolean,
): boolean {
  for (const id in map) {
    const value = ctx.indicator(id);
    if (value === undefined || !test(value, map[id]!)) return false;
  }
  return true;
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
