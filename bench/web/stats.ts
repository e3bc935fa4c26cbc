/** Small statistics for the bench: figures are printed, never asserted. */
import { availableParallelism, loadavg } from 'node:os';

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (at - lo);
}

export function range(values: readonly number[]): string {
  if (values.length === 0) return '-';
  return `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
}

/** min / median / max, rounded: how a figure is printed over rounds. */
export function spread(values: readonly number[], unit = ''): string {
  if (values.length === 0) return '-';
  const r = (n: number) => `${Math.round(n)}`;
  return `${r(Math.min(...values))} / ${r(median(values))} / ${r(Math.max(...values))}${unit}`;
}

/**
 * Why a figure measured now may not be trusted, or null: the machine was busy with other work (the load average
 * over the last minute above 80% of its cores), or the rounds disagree widely (the slowest over twice the
 * fastest), which a quiet machine does not do.
 */
export function untrusted(values: readonly number[] = []): string | null {
  const load = loadavg()[0] ?? 0;
  const cores = availableParallelism();
  if (load > cores * 0.8)
    return `the machine was loaded (load ${load.toFixed(1)} on ${cores} cores): read this figure with care`;
  if (values.length > 2 && Math.max(...values) > 2 * Math.min(...values))
    return 'the rounds disagree by more than 2×: the machine was likely busy';
  return null;
}
