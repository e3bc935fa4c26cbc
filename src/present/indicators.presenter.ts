/** Indicator rows: value or "unknown", the trend since the last turn, and what moved it. */

import type { ActorView, IndicatorView, VisibleCause } from '../sim/view.ts';
import { formatNumber, isolate, language, t } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';
import { type MadeOnce, madeOnce } from './made-once.ts';
import type { ActorCard, CauseLine, IndicatorRow, Tone, Trend } from './screens.ts';

function trendOf(delta: number | null): Trend {
  if (delta === null) return 'unknown';
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'steady';
}

/**
 * Good or bad for this actor: a move towards what its goal wants is good, away from it bad; a move of an
 * indicator it has no goal for, no move, or one it cannot see is neutral.
 */
export function toneOf(want: 'high' | 'low' | null, trend: Trend): Tone {
  if (want === null || (trend !== 'up' && trend !== 'down')) return 'neutral';
  return (trend === 'up') === (want === 'high') ? 'good' : 'bad';
}

/** The tone in words, so that colour never carries it alone ('' when neutral). */
export function toneWords(tone: Tone): string {
  return tone === 'good' ? t('indicator.goodForYou') : tone === 'bad' ? t('indicator.badForYou') : '';
}

/** A cause in words; the viewer's own choice as "You: …" rather than its long name. */
function causeText(cause: VisibleCause, viewer: string, lookup: Lookup): string {
  if (cause.kind === 'decision' && cause.actor === viewer)
    return t('indicator.causeYou', { option: lookup.optionLabel(cause.actor, cause.option) });
  return lookup.causeText(cause);
}

/**
 * A cause as the player read it, shorter than its full name: another actor's choice is only ever visible
 * once announced, so its announcement (which says who) stands for it; the player's own as "You: …".
 */
function briefCause(cause: VisibleCause, viewer: string, lookup: Lookup): string {
  if (cause.kind !== 'decision' || cause.actor === viewer) return causeText(cause, viewer, lookup);
  const announced = lookup.option(cause.actor, cause.option)?.announce?.text.trim().replace(/[.]$/, '');
  return announced ?? causeText(cause, viewer, lookup);
}

/**
 * A cause's line, made once by the lookup, the engine's cause (never changed; one object for every viewer, and for
 * every turn it is shown in) and the language, whether it is the viewer's own decision, and the move: a classroom builds every seat's rows at every turn
 * (issue 18). A cause the viewer may not know is one line whoever it was. Lines are shared: never changed.
 */
const causeLines: MadeOnce<object, Map<number, CauseLine>> = new WeakMap();
const UNDISCLOSED = {};

function causeLine(cause: VisibleCause, delta: number, viewer: string, lookup: Lookup): CauseLine {
  const undisclosed = cause.kind === 'undisclosed';
  const byDelta = madeOnce(
    causeLines,
    lookup,
    undisclosed ? UNDISCLOSED : cause,
    // The words differ only for the viewer whose own decision it was ("You: …"): one line for it, one for the rest.
    cause.kind === 'decision' && cause.actor === viewer ? 'own' : '',
    () => new Map<number, CauseLine>(),
  );
  let line = byDelta.get(delta);
  if (line === undefined) {
    line = { text: causeText(cause, viewer, lookup), brief: briefCause(cause, viewer, lookup), delta };
    byDelta.set(delta, line);
  }
  return line;
}

/** The actor's goals by indicator, made once per card (cards are made once per language: lookup.ts). */
const goalsMade = new WeakMap<ActorCard, Map<string, 'high' | 'low'>>();
function goalsOf(card: ActorCard): Map<string, 'high' | 'low'> {
  let goals = goalsMade.get(card);
  if (goals === undefined) {
    goals = new Map(card.goals.map((g) => [g.indicator, g.want]));
    goalsMade.set(card, goals);
  }
  return goals;
}

/**
 * The rows of indicators the actor cannot see, by the lookup, the engine's view of the indicator (one for every
 * viewer who cannot see it, at every turn: view.ts) and the language, actor and whether a turn has resolved.
 */
const unseenRows: MadeOnce<IndicatorView, IndicatorRow> = new WeakMap();

/** Rows for the indicators as they stand after `resolvedTurn` (the last turn whose changes are shown). */
export function indicatorRows(view: ActorView, lookup: Lookup, resolvedTurn: number | null): IndicatorRow[] {
  const goals = goalsOf(lookup.card(view.actor));
  return view.indicators.map((ind: IndicatorView) =>
    ind.history === null
      ? madeOnce(unseenRows, lookup, ind, `${view.actor}|${resolvedTurn === null}`, () =>
          indicatorRow(ind, view.actor, goals, lookup, resolvedTurn),
        )
      : indicatorRow(ind, view.actor, goals, lookup, resolvedTurn),
  );
}

function indicatorRow(
  ind: IndicatorView,
  actor: string,
  goals: ReadonlyMap<string, 'high' | 'low'>,
  lookup: Lookup,
  resolvedTurn: number | null,
): IndicatorRow {
  const history = ind.history;
  const last = history?.[history.length - 1];
  const before = history?.[history.length - 2];
  const delta = last !== undefined && before !== undefined ? last - before : history ? 0 : null;
  const causes =
    resolvedTurn === null
      ? []
      : ind.causes
          .filter((c) => c.turn === resolvedTurn && c.delta !== 0)
          .map((c) => causeLine(c.cause, c.delta, actor, lookup));
  const want = goals.get(ind.id) ?? null;
  const trend: Trend = resolvedTurn === null ? (history ? 'steady' : 'unknown') : trendOf(delta);
  return {
    id: ind.id,
    label: ind.label.text,
    meaning: lookup.cite(ind.meaning),
    min: ind.min,
    max: ind.max,
    value: ind.value,
    delta: resolvedTurn === null ? (history ? 0 : null) : delta,
    trend,
    causes,
    history,
    want,
    tone: toneOf(want, trend),
  };
}

/** "up 5", "down 3", "unchanged", "unknown": trends in words, never by colour alone. */
export function trendWords(row: Pick<IndicatorRow, 'trend' | 'delta'>): string {
  switch (row.trend) {
    case 'up':
      return t('indicator.up', { delta: row.delta ?? 0 });
    case 'down':
      return t('indicator.down', { delta: Math.abs(row.delta ?? 0) });
    case 'steady':
      return t('indicator.unchanged');
    default:
      return t('indicator.unknownToYou');
  }
}

/**
 * A change with its sign: "+5", "−5", "±0". In Arabic, in Arabic-Indic digits with the locale's sign and isolated,
 * so that "-5" inside a right-to-left line does not read "5-".
 */
export function signed(n: number): string {
  if (language() === 'en') return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
  return isolate(n === 0 ? `±${formatNumber(0)}` : formatNumber(n, { signed: true }));
}
