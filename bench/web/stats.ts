/** Small statistics for the bench: figures are printed, never asserted. */
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
