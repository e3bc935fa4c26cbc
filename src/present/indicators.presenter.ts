/** Indicator rows: value or "unknown", the trend since the last turn, and what moved it. */
import type { ActorView, IndicatorView } from '../sim/view.ts';
import type { Lookup } from './lookup.ts';
import type { IndicatorRow, Trend } from './screens.ts';

function trendOf(delta: number | null): Trend {
  if (delta === null) return 'unknown';
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'steady';
}

/** Rows for the indicators as they stand after `resolvedTurn` (the last turn whose changes are shown). */
export function indicatorRows(view: ActorView, lookup: Lookup, resolvedTurn: number | null): IndicatorRow[] {
  const goals = new Map(lookup.card(view.actor).goals.map((g) => [g.indicator, g.want]));
  return view.indicators.map((ind: IndicatorView) => {
    const history = ind.history;
    const last = history?.[history.length - 1];
    const before = history?.[history.length - 2];
    const delta = last !== undefined && before !== undefined ? last - before : history ? 0 : null;
    const causes =
      resolvedTurn === null
        ? []
        : ind.causes
            .filter((c) => c.turn === resolvedTurn && c.delta !== 0)
            .map((c) => ({ text: lookup.causeText(c.cause), delta: c.delta }));
    return {
      id: ind.id,
      label: ind.label.text,
      meaning: lookup.cite(ind.meaning),
      min: ind.min,
      max: ind.max,
      value: ind.value,
      delta: resolvedTurn === null ? (history ? 0 : null) : delta,
      trend: resolvedTurn === null ? (history ? 'steady' : 'unknown') : trendOf(delta),
      causes,
      history,
      want: goals.get(ind.id) ?? null,
    };
  });
}

/** "up 5", "down 3", "unchanged", "unknown": trends in words, never by colour alone. */
export function trendWords(row: Pick<IndicatorRow, 'trend' | 'delta'>): string {
  switch (row.trend) {
    case 'up':
      return `up ${row.delta}`;
    case 'down':
      return `down ${Math.abs(row.delta ?? 0)}`;
    case 'steady':
      return 'unchanged';
    default:
      return 'unknown to you';
  }
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}
