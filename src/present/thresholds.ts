/**
 * The thresholds of a condition on indicators (`atLeast`, `atMost`), as the presenters explain them: the
 * debrief says which held or missed, the situation room warns when one is near. One reading for both.
 */
import type { Condition } from '../scenario/types.ts';

/** The indicator must be at `threshold` or above ('atLeast'), or at it or below ('atMost'). */
export interface Threshold {
  indicator: string;
  side: 'atLeast' | 'atMost';
  threshold: number;
}

/** The thresholds a condition sets itself (not those of its `all`, `any` or `not` parts). */
export function thresholdsOf(c: Condition): Threshold[] {
  const out: Threshold[] = [];
  for (const [indicator, threshold] of Object.entries(c.atLeast ?? {}))
    out.push({ indicator, side: 'atLeast', threshold });
  for (const [indicator, threshold] of Object.entries(c.atMost ?? {}))
    out.push({ indicator, side: 'atMost', threshold });
  return out;
}

export function meets(t: Threshold, value: number): boolean {
  return t.side === 'atLeast' ? value >= t.threshold : value <= t.threshold;
}
