/**
 * The warning before a game ends early: an outcome checked every turn whose condition is within reach of the
 * indicators as the player's actor sees them. Only thresholds (`atLeast`, `atMost`) on indicators the actor
 * can see are judged; a way to the ending that needs anything else (a fact, a choice, an unseen indicator) is
 * never warned about, because the player could not check the warning, and it might not be true.
 */
import type { Condition, Outcome } from '../scenario/types.ts';
import type { ActorView, IndicatorView } from '../sim/view.ts';
import { t } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';
import type { EndingWarning } from './screens.ts';
import { meets, type Threshold, thresholdsOf } from './thresholds.ts';

/** How near a threshold counts as near: a tenth of the indicator's range (10 points on 0–100). */
export const NEAR_FRACTION = 0.1;

type Part = Threshold;

/**
 * The ways a condition can come true, each a list of thresholds that must all hold (a disjunction of
 * conjunctions), or null when a way needs something other than thresholds: such a way is not judged.
 */
function ways(c: Condition): (Part[] | null)[] {
  const own = thresholdsOf(c);
  const other =
    c.not !== undefined ||
    c.fact !== undefined ||
    c.believes !== undefined ||
    c.chose !== undefined ||
    c.fired !== undefined ||
    c.turn !== undefined ||
    c.posture !== undefined ||
    c.chance !== undefined;
  if (other) return [null];
  // A condition's keys all hold together: its own thresholds, each `all` part, and one of its `any` parts.
  let result: (Part[] | null)[] = [own];
  for (const part of c.all ?? []) result = product(result, ways(part));
  if (c.any) result = product(result, c.any.flatMap(ways));
  return result;
}

/**
 * The ways of a scenario's condition (never changed), made once: every seat's situation asks for every outcome's at
 * every turn (issue 18). Frozen, as they are shared.
 */
const waysMade = new WeakMap<Condition, readonly (readonly Part[] | null)[]>();
function waysOnce(c: Condition): readonly (readonly Part[] | null)[] {
  let made = waysMade.get(c);
  if (made === undefined) {
    made = Object.freeze(ways(c).map((way) => (way === null ? null : Object.freeze(way))));
    waysMade.set(c, made);
  }
  return made;
}

function product(a: (Part[] | null)[], b: (Part[] | null)[]): (Part[] | null)[] {
  return a.flatMap((x) => b.map((y) => (x === null || y === null ? null : [...x, ...y])));
}

function gap(p: Part, value: number): number {
  return Math.abs(value - p.threshold);
}

function thresholdWords(p: Part): string {
  return p.side === 'atLeast'
    ? t('warning.orMore', { value: p.threshold })
    : t('warning.orBelow', { value: p.threshold });
}

/** Whether the outcome is checked at the end of the turn now being decided (its `from` turn reached). */
function checkedThisTurn(o: Outcome, view: ActorView, lookup: Lookup): boolean {
  if (o.check !== 'every-turn' || !o.when) return false;
  if (o.from === undefined) return true;
  const from = lookup.scenario.turns.findIndex((t) => t.id === o.from);
  return from >= 0 && view.turn.index >= from;
}

interface Judged {
  p: Part;
  i: IndicatorView;
  value: number;
}

/**
 * Each part of a way with the indicator it is on and that indicator's value; null when one is on an indicator the
 * actor does not see. Made in one pass as one kind of object (its indicator never missing, its value never null):
 * objects first made with a missing indicator took other hidden classes, and the warnings' builder was optimized and
 * thrown away again (issue 18).
 */
function judgedParts(way: readonly Part[], seen: ReadonlyMap<string, IndicatorView>): Judged[] | null {
  const judged: Judged[] = [];
  for (const p of way) {
    const i = seen.get(p.indicator);
    if (i === undefined || i.value === null) return null;
    judged.push({ p, i, value: i.value });
  }
  return judged;
}

/**
 * The warnings, nearest first: at most one per outcome (its nearest way). A way is warned about when every part
 * is on an indicator the actor sees, every part not yet met is within the margin, and at least one is not met.
 * The text names the unmet parts with their values and thresholds, the parts already met as what must stay so,
 * and the ending's title.
 */
export function endingWarnings(view: ActorView, lookup: Lookup): EndingWarning[] {
  if (view.status === 'ended') return [];
  const seen = new Map<string, IndicatorView>();
  for (const i of view.indicators) if (i.value !== null) seen.set(i.id, i);
  const found: (EndingWarning & { distance: number })[] = [];
  for (const outcome of lookup.scenario.outcomes) {
    if (!outcome.when || !checkedThisTurn(outcome, view, lookup)) continue;
    let best: (EndingWarning & { distance: number }) | null = null;
    for (const way of waysOnce(outcome.when)) {
      if (way === null || way.length === 0) continue;
      const judged = judgedParts(way, seen);
      if (judged === null) continue;
      const unmet = judged.filter(({ p, value }) => !meets(p, value));
      if (unmet.length === 0) continue;
      const near = unmet.every(
        ({ p, i, value }) => gap(p, value) <= Math.max(1, (i.max - i.min) * NEAR_FRACTION),
      );
      if (!near) continue;
      const distance = unmet.reduce((sum, { p, value }) => sum + gap(p, value), 0);
      if (best && best.distance <= distance) continue;
      const kept = judged.filter(({ p, value }) => meets(p, value));
      const label = (id: string) => lookup.indicatorLabel(id);
      const and = t('turn.and');
      const now = unmet
        .map(({ p, value }) => t('warning.is', { label: label(p.indicator), value }))
        .join(and);
      const single = unmet.length === 1 && unmet[0];
      const at = single
        ? t('warning.at', { bound: thresholdWords(single.p) })
        : t('warning.with', {
            parts: unmet
              .map(({ p }) => t('warning.atPart', { label: label(p.indicator), bound: thresholdWords(p) }))
              .join(and),
          });
      const stay =
        kept.length > 0
          ? t('warning.while', {
              parts: kept
                .map(({ p, value }) =>
                  t('warning.stays', { label: label(p.indicator), bound: thresholdWords(p), value }),
                )
                .join(and),
            })
          : '';
      best = {
        indicators: unmet.map(({ p }) => p.indicator),
        ending: outcome.title.text,
        text: t('warning.text', {
          now,
          at,
          stay: stay || (single ? '' : t('warning.comma')),
          ending: outcome.title.text,
        }),
        distance,
      };
    }
    if (best) found.push(best);
  }
  return found
    .sort((a, b) => a.distance - b.distance)
    .map(({ indicators, ending, text }) => ({ indicators, ending, text }));
}
