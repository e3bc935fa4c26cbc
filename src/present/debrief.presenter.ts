/**
 * The debrief: the outcome and why this game reached it (the indicators of the outcome's condition, their
 * final values against its thresholds, and the recorded causes that moved them that way), the player's own
 * goals met or not, the indicators over the turns with this game's key events and the model's historical path,
 * this game beside history date by date (what the player chose, what the real actor did per the sources), the
 * sources.
 */
import type { Condition, Outcome, Text } from '../scenario/types.ts';
import type { HistoricalPath } from '../sim/history.ts';
import type { ActorView, IndicatorView, VisibleCause } from '../sim/view.ts';
import { type Cited, type DatedTurn, turnDate as dateOfTurn, onTurnDate, shortRef } from './cite.ts';
import { dealsDebrief } from './deals.presenter.ts';
import { isolate, language, t } from './i18n/i18n.ts';
import { indicatorRows, signed } from './indicators.presenter.ts';
import type { Lookup } from './lookup.ts';
import type {
  ChainLine,
  ChartMarker,
  DebriefChart,
  DebriefModel,
  DecidingLine,
  GoalLine,
  HistoryRow,
} from './screens.ts';
import { meets, type Threshold, thresholdsOf } from './thresholds.ts';

/** Enough causes to tell the story, few enough to read. */
const CHAIN_COUNT = 5;
/** Key events on the chart: a few, or the markers crowd a phone's axis. */
const MARKER_COUNT = 3;

type Leaf = Threshold;

/** The way a move had to go to meet a threshold: up (+1) for an `atLeast`, down (−1) for an `atMost`. */
function towards(leaf: Leaf): 1 | -1 {
  return leaf.side === 'atLeast' ? 1 : -1;
}

/** A threshold to explain, and which way a move had to go to lead to this ending. */
interface Deciding extends Leaf {
  value: number;
  /** +1: rises led to the ending; −1: falls did */
  toward: 1 | -1;
  text: string;
  /** whose threshold it is, for the chart: "this ending" or another ending's title */
  ending: string;
}

type Values = ReadonlyMap<string, number | null>;

/** Whether a threshold holds; null when the value is unknown to this actor. */
function leafHolds(leaf: Leaf, values: Values): boolean | null {
  const v = values.get(leaf.indicator);
  if (v === null || v === undefined) return null;
  return meets(leaf, v);
}

/**
 * The thresholds that made a condition hold: every part of an `all`, only the parts of an `any` that held.
 * Conditions on facts, choices or chance are not indicators and are left to the outcome's own text.
 */
function heldLeaves(c: Condition, values: Values): Leaf[] {
  if (c.all) return c.all.flatMap((p) => heldLeaves(p, values));
  if (c.any) return c.any.filter((p) => judge(p, values) === true).flatMap((p) => heldLeaves(p, values));
  return thresholdsOf(c).filter((l) => leafHolds(l, values) === true);
}

/** How far a value stands from a threshold, as a share of the indicator's range: how narrow a miss was. */
function distance(leaf: Leaf, values: Values, lookup: Lookup): number {
  const def = lookup.scenario.indicators.find((i) => i.id === leaf.indicator);
  const range = def ? Math.max(1, def.max - def.min) : 100;
  return Math.abs((values.get(leaf.indicator) ?? leaf.threshold) - leaf.threshold) / range;
}

/**
 * The thresholds that kept a condition from holding, one reason per alternative: an `all` failed through the
 * part that missed most narrowly (the closest call, the one a player most needs to see); an `any` failed
 * through every one of its parts.
 */
function missedLeaves(c: Condition, values: Values, lookup: Lookup): Leaf[] {
  if (c.any) return c.any.flatMap((p) => missedLeaves(p, values, lookup));
  const parts: Leaf[][] = c.all
    ? c.all.filter((p) => judge(p, values) === false).map((p) => missedLeaves(p, values, lookup))
    : thresholdsOf(c)
        .filter((l) => leafHolds(l, values) === false)
        .map((l) => [l]);
  const score = (leaves: Leaf[]) => Math.max(...leaves.map((l) => distance(l, values, lookup)));
  return parts.sort((a, b) => score(a) - score(b))[0] ?? [];
}

/** A condition judged on the indicators alone; null when it rests on something else or on an unknown value. */
function judge(c: Condition, values: Values): boolean | null {
  if (c.all) {
    const parts = c.all.map((p) => judge(p, values));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if (c.any) {
    const parts = c.any.map((p) => judge(p, values));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  const leaves = thresholdsOf(c);
  if (leaves.length === 0) return null;
  const held = leaves.map((l) => leafHolds(l, values));
  return held.includes(false) ? false : held.includes(null) ? null : true;
}

function bound(leaf: Leaf): string {
  return leaf.side === 'atLeast'
    ? t('debrief.orAbove', { value: leaf.threshold })
    : t('debrief.orBelow', { value: leaf.threshold });
}

/** The indicators that decided the ending, as true statements of their final values against the thresholds. */
function decidingOf(outcome: Outcome, others: Outcome[], values: Values, lookup: Lookup): Deciding[] {
  const seen = new Set<string>();
  const out: Deciding[] = [];
  const add = (
    leaf: Leaf,
    toward: 1 | -1,
    ending: string,
    text: (label: string, value: number) => string,
  ) => {
    const key = `${leaf.indicator}/${leaf.side}/${leaf.threshold}`;
    const value = values.get(leaf.indicator);
    if (seen.has(key) || value === null || value === undefined) return;
    seen.add(key);
    out.push({ ...leaf, value, toward, ending, text: text(lookup.indicatorLabel(leaf.indicator), value) });
  };
  if (outcome.when) {
    for (const leaf of heldLeaves(outcome.when, values))
      add(leaf, towards(leaf), t('debrief.thisEnding'), (label, v) =>
        t('debrief.stoodPast', { label, value: v, bound: bound(leaf) }),
      );
    return out;
  }
  // The ending that catches every other game: what decided it is what kept each other ending away, and the
  // moves that led here are those that pushed an indicator away from that ending's threshold (see chainOf for
  // an indicator held between two endings).
  for (const other of others) {
    if (!other.when) continue;
    for (const leaf of missedLeaves(other.when, values, lookup))
      add(leaf, towards(leaf) === 1 ? -1 : 1, t('debrief.quoted', { title: other.title.text }), (label, v) =>
        t('debrief.stoodShort', { label, value: v, ending: other.title.text, bound: bound(leaf) }),
      );
  }
  return out;
}

function leadOf(outcome: Outcome, view: ActorView, lookup: Lookup): string {
  if (!outcome.when) return t('debrief.leadFallback');
  if (outcome.check === 'every-turn') {
    const turn = lookup.scenario.turns[view.turn.index];
    return turn ? t('debrief.leadEndedOn', { on: onTurnDate(turn) }) : t('debrief.leadEnded');
  }
  return t('debrief.leadLast');
}

/** One cause, whatever the turn: a choice taken three times is one step of the story, on three dates. */
function causeKey(cause: VisibleCause): string | null {
  switch (cause.kind) {
    case 'decision':
      return `d:${cause.actor}/${cause.option}`;
    case 'event':
      return `e:${cause.event}/${cause.injected ? 'i' : ''}`;
    case 'override':
      return `o:${cause.reason}`;
    // An agreement, its breach and a ruling are each one step, by their number in the game.
    case 'agreement':
      return `a:${cause.n}`;
    case 'breach':
      return `b:${cause.n}/${cause.by}`;
    case 'ruling':
      return `r:${cause.n}`;
    case 'undisclosed':
      return 'u';
    default:
      return null; // the situation at the start is not a step on the path taken
  }
}

function causeKind(cause: VisibleCause, viewer: string): string {
  switch (cause.kind) {
    case 'decision':
      return cause.actor === viewer ? t('debrief.causeYours') : t('debrief.causeOther');
    case 'event':
      return cause.injected ? t('debrief.causeInjected') : t('debrief.causeEvent');
    case 'override':
      return t('debrief.causeOverride');
    case 'agreement':
      return t('debrief.causeAgreement');
    case 'breach':
      return t('debrief.causeBreach');
    case 'ruling':
      return t('debrief.causeRuling');
    default:
      return t('debrief.causeHidden');
  }
}

function causeText(cause: VisibleCause, viewer: string, lookup: Lookup): string {
  if (cause.kind === 'decision' && cause.actor === viewer)
    return t('indicator.causeYou', { option: lookup.optionLabel(cause.actor, cause.option) });
  if (cause.kind === 'override') return t('debrief.overrideSaying', { reason: cause.reason });
  return lookup.causeText(cause);
}

function turnDate(lookup: Lookup, turn: number): string {
  const at = lookup.scenario.turns[turn];
  return at ? dateOfTurn(at) : t('situation.turn', { turn: turn + 1 });
}

/** Past this many dates, a step is told by how often and between which dates, or the list drowns it. */
const DATES_LISTED = 3;

/**
 * "7 November 2021", "14 November, 28 November and 15 December 2021" (the year once when it is one), or
 * "5 times, between 10 October and 31 December 2021".
 */
function datesText(lookup: Lookup, turns: number[]): string {
  if (turns.length > DATES_LISTED)
    return t('debrief.timesBetween', {
      count: turns.length,
      between: datesText(lookup, [turns[0]!, turns[turns.length - 1]!]),
    });
  const dates = turns.map((at) => turnDate(lookup, at));
  // The year in any digits: ar-IQ writes it in Arabic-Indic ones.
  const year = /\s(\p{Nd}{4})$/u;
  const years = new Set(dates.map((d) => year.exec(d)?.[1] ?? d));
  const shown =
    years.size === 1 ? dates.map((d, i) => (i < dates.length - 1 ? d.replace(year, '') : d)) : dates;
  return shown.length > 1
    ? t('debrief.datesAnd', {
        dates: shown.slice(0, -1).join(t('debrief.comma')),
        last: shown[shown.length - 1]!,
      })
    : (shown[0] ?? '');
}

/**
 * The decisions and events that moved the deciding indicators most in the direction that led to the ending,
 * largest first: a move the other way is not part of why the game ended so. An indicator that had to move
 * both ways (held between two other endings' thresholds) has no direction that led here and is left out.
 */
function chainOf(view: ActorView, deciding: Deciding[], lookup: Lookup): ChainLine[] {
  const towards = new Map<string, Set<number>>();
  for (const d of deciding) towards.set(d.indicator, (towards.get(d.indicator) ?? new Set()).add(d.toward));
  const groups = new Map<
    string,
    { turns: Set<number>; cause: VisibleCause; weight: number; effects: Map<string, number> }
  >();
  for (const ind of view.indicators) {
    const ways = towards.get(ind.id);
    if (ways?.size !== 1) continue;
    for (const c of ind.causes) {
      if (c.delta === 0 || !ways.has(Math.sign(c.delta))) continue;
      const key = causeKey(c.cause);
      if (key === null) continue;
      const group = groups.get(key) ?? { turns: new Set(), cause: c.cause, weight: 0, effects: new Map() };
      group.turns.add(c.turn);
      group.weight += Math.abs(c.delta);
      group.effects.set(ind.id, (group.effects.get(ind.id) ?? 0) + c.delta);
      groups.set(key, group);
    }
  }
  return (
    [...groups.values()]
      // A literal, not a spread of the group: one hidden class for every group (issue 18).
      .map((g) => ({
        turns: g.turns,
        cause: g.cause,
        weight: g.weight,
        effects: g.effects,
        first: Math.min(...g.turns),
      }))
      .sort((a, b) => b.weight - a.weight || a.first - b.first)
      .slice(0, CHAIN_COUNT)
      .map((g) => ({
        date: datesText(
          lookup,
          [...g.turns].sort((a, b) => a - b),
        ),
        kind: causeKind(g.cause, view.actor),
        text: causeText(g.cause, view.actor, lookup),
        effects: [...g.effects]
          .map(([id, d]) => `${lookup.indicatorLabel(id)} ${signed(d)}`)
          .join(t('debrief.comma')),
      }))
  );
}

function goalsOf(view: ActorView, lookup: Lookup): GoalLine[] {
  const byId = new Map(view.indicators.map((i) => [i.id, i]));
  return lookup.card(view.actor).goals.map((g) => {
    const ind: IndicatorView | undefined = byId.get(g.indicator);
    const start = ind?.history?.[0] ?? null;
    const end = ind?.history ? (ind.history[ind.history.length - 1] ?? null) : null;
    const label = lookup.indicatorLabel(g.indicator);
    const wantText = g.want === 'high' ? t('debrief.wantedHigh') : t('debrief.wantedLow');
    const line = { indicator: g.indicator, label, want: g.want, wantText, start, end, why: g.why };
    if (start === null || end === null) return { ...line, met: null, text: t('debrief.unknownToYou') };
    const met = g.want === 'high' ? end > start : end < start;
    const moved = end > start ? t('debrief.rose') : end < start ? t('debrief.fell') : t('debrief.still');
    const text = met ? t('debrief.met', { start, end, moved }) : t('debrief.notMet', { start, end, moved });
    return { ...line, met, text };
  });
}

/** Short dates' formatters by language, made on first use: none is made while the chunk is evaluated (issue 18). */
const shortDates = new Map<string, Intl.DateTimeFormat>();

function shortDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = language() === 'en' ? 'en-GB' : language();
  let format = shortDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    shortDates.set(locale, format);
  }
  return format.format(date);
}

/** A turn's date on a chart's axis: "5 Nov", marked "≈" where the sources give the day only roughly ("≈31 Dec"). */
export function axisDate(turn: DatedTurn): string {
  return `${turn.dateText ? '≈' : ''}${shortDate(turn.date)}`;
}

/**
 * The key events of this game: the public news that fired and moved the indicators most (the attack, the
 * clashes, when they happened), in the order they happened. Chosen from the recorded causes, never by id.
 */
function markersOf(view: ActorView, lookup: Lookup, points: number): ChartMarker[] {
  const events = new Map(lookup.scenario.events.map((e) => [e.id, e]));
  const weights = new Map<string, { turn: number; event: string; weight: number }>();
  for (const ind of view.indicators)
    for (const c of ind.causes) {
      if (c.cause.kind !== 'event') continue;
      const def = events.get(c.cause.event);
      if (def?.kind !== 'news' || def.audience !== 'public') continue;
      const key = `${c.cause.event}/${c.turn}`;
      const w = weights.get(key) ?? { turn: c.turn, event: c.cause.event, weight: 0 };
      w.weight += Math.abs(c.delta);
      weights.set(key, w);
    }
  return [...weights.values()]
    .filter((w) => w.weight > 0 && w.turn + 1 < points)
    .sort((a, b) => b.weight - a.weight || a.turn - b.turn)
    .slice(0, MARKER_COUNT)
    .sort((a, b) => a.turn - b.turn)
    .map((w, i) => ({
      point: w.turn + 1,
      number: i + 1,
      date: turnDate(lookup, w.turn),
      headline: events.get(w.event)?.headline.text ?? '',
    }));
}

/** The dashed line's name: what the model gives for the historical choices, never "what happened". */
export function historicalLabel(): string {
  return t('debrief.historicalLabel');
}

/** What history recorded, beside the model's path: the ending the scenario marks as recorded, cited ("(001)"). */
function recordedOf(lookup: Lookup): string {
  const recorded = lookup.scenario.outcomes.find((o) => o.recorded)?.recorded;
  if (!recorded) return '';
  const files = recorded.source === undefined ? [] : [recorded.source].flat();
  const refs = files.map(shortRef).join(', ');
  return refs
    ? t('debrief.recorded', { text: recorded.text, refs })
    : t('debrief.recordedInvented', { text: recorded.text });
}

function historicalNoteOf(historical: HistoricalPath, lookup: Lookup): string {
  const outcome = lookup.scenario.outcomes.find((o) => o.id === historical.outcome);
  return t('debrief.historicalNote', {
    label: historicalLabel(),
    reaches: outcome ? t('debrief.reaches', { title: outcome.title.text }) : '',
    recorded: recordedOf(lookup),
  });
}

function chartOf(
  view: ActorView,
  lookup: Lookup,
  deciding: Deciding[],
  historical: HistoricalPath | null,
): DebriefChart {
  const turns = lookup.scenario.turns;
  const played = view.indicators.find((i) => i.history)?.history?.length ?? view.turn.index + 2;
  const replayed = historical ? Math.max(0, ...Object.values(historical.indicators).map((h) => h.length)) : 0;
  // The axis runs to the later end of the two paths: a game that ended early stops where it ended.
  const points = Math.min(turns.length + 1, Math.max(played, replayed, 2));
  const shown = turns.slice(0, points - 1);
  const dates = [t('debrief.start'), ...shown.map(dateOfTurn)];
  const series = view.indicators.map((ind) => ({
    id: ind.id,
    label: ind.label.text,
    min: ind.min,
    max: ind.max,
    history: ind.history,
    thresholds: deciding
      .filter((d) => d.indicator === ind.id)
      .map((d) => ({
        value: d.threshold,
        text: t('debrief.threshold', { ending: d.ending, bound: bound(d) }),
      })),
    // Only what the player may see: an indicator hidden from this actor has no historical line either.
    historical: ind.history ? (historical?.indicators[ind.id]?.slice(0, points) ?? null) : null,
  }));
  const goal = lookup.card(view.actor).goals[0]?.indicator;
  const visible = (id: string | undefined) => series.some((s) => s.id === id && s.history !== null);
  const selected = [deciding[0]?.indicator, goal, series.find((s) => s.history)?.id].find(visible) ?? '';
  return {
    dates,
    axis: [t('debrief.start'), ...shown.map(axisDate)],
    series,
    markers: markersOf(view, lookup, played),
    selected,
    historicalLabel: historicalLabel(),
    historicalNote: historical ? historicalNoteOf(historical, lookup) : '',
  };
}

/**
 * This game beside history, date by date: what the player chose on each turn's date, and what the real actor
 * did on that date according to the scenario's history (cited), or that the sources do not report it. A turn
 * the game did not reach still shows history. "As the real actor did" only where the scenario names the options
 * that stand for what the actor did; never a guess from an option's `historical` flag, which may be of another
 * date.
 */
function historyRowsOf(view: ActorView, lookup: Lookup): HistoryRow[] {
  const days = new Map(lookup.scenario.history.map((d) => [d.turn, d]));
  return lookup.scenario.turns.map((turn, i): HistoryRow => {
    const day = days.get(turn.id);
    const entry = day && Object.hasOwn(day.actors, view.actor) ? day.actors[view.actor] : undefined;
    const choice = view.choices.find((c) => c.turn === i);
    const yours = choice?.option ?? null;
    const reached = i <= view.turn.index;
    const real = entry?.did ? lookup.cite(entry.did) : null;
    const same = yours !== null && real !== null && entry?.options ? entry.options.includes(yours) : null;
    return {
      date: dateOfTurn(turn),
      title: turn.title.text,
      yours: yours === null ? null : lookup.optionLabel(view.actor, yours),
      yoursText:
        yours !== null
          ? lookup.optionLabel(view.actor, yours)
          : reached
            ? t('debrief.noDecision')
            : t('debrief.hadEnded'),
      real,
      realText: real?.text ?? t('debrief.notReported'),
      same,
      sameText: same === null ? '' : same ? t('debrief.same') : t('debrief.notSame'),
      context: day?.context ? lookup.cite(day.context) : null,
      ...(choice?.reason !== undefined ? { reason: choice.reason } : {}),
    };
  });
}

/**
 * Whose ending this is, in words: the outlook a source argues (named by the source's own title), or the game's
 * own. An ending is never presented as a source's argument unless the scenario says it is (`outlookOf`).
 */
function originOf(outcome: Outcome, lookup: Lookup): string | null {
  if (outcome.outlookOf === undefined) return null;
  const source = lookup.scenario.meta.sources.find((s) => s.file === outcome.outlookOf);
  return source
    ? t('debrief.arguedIn', { title: source.title, file: isolate(source.file.slice(0, 3)) })
    : null;
}

/** What the list of the other endings is: how many are a source's outlooks, and that the rest are the game's. */
function outlooksNoteOf(outcomes: readonly Outcome[], lookup: Lookup): string {
  const argued = outcomes.filter((o) => originOf(o, lookup) !== null);
  const own = outcomes.length - argued.length;
  const parts: string[] = [];
  if (argued.length > 0) {
    const files = [...new Set(argued.map((o) => o.outlookOf!.slice(0, 3)))].join(', ');
    parts.push(t('debrief.outlooksArgued', { count: argued.length, files: isolate(files) }));
  }
  if (own > 0) parts.push(t('debrief.outlooksOwn', { count: own }));
  const text = parts.join(t('debrief.semicolon'));
  return text
    ? t('debrief.sentence', { text: `${text[0]!.toLocaleUpperCase(language())}${text.slice(1)}` })
    : '';
}

/**
 * What an ending is, for a game that did not reach it: its summary's parts that take nothing about a game for
 * granted. A part with a presupposition (or a choice of variants) speaks of the game that reached the ending, and
 * no condition is judged here: which parts hold in a game is the engine's (src/sim/ending-text.ts).
 */
function outlineOf(outcome: Outcome): Text[] {
  const parts = Array.isArray(outcome.summary) ? outcome.summary : [outcome.summary];
  return parts.filter((p): p is Text => !('variants' in p) && !('presupposes' in p && p.presupposes));
}

/**
 * The parts of an ending's text as shown: consecutive parts with the same citation read as one passage with one
 * citation, rather than a citation after every sentence.
 */
export function citedParts(parts: readonly Text[], lookup: Lookup): Cited[] {
  const out: Cited[] = [];
  for (const part of parts) {
    const cited = lookup.cite(part);
    const last = out[out.length - 1];
    if (last && last.cite === cited.cite)
      out[out.length - 1] = { text: `${last.text} ${cited.text}`, cite: last.cite };
    else out.push(cited);
  }
  return out;
}

/**
 * `historical`: the same scenario and seed replayed with the historical choices (src/sim/history.ts
 * historicalPath), computed by the session; null leaves the chart without the historical line.
 */
export function debriefModel(
  view: ActorView,
  lookup: Lookup,
  historical: HistoricalPath | null = null,
): DebriefModel {
  const scenario = lookup.scenario;
  const outcomeDef = view.outcome ? scenario.outcomes.find((o) => o.id === view.outcome?.id) : undefined;
  const lastTurn = view.turn.index;
  const turns = scenario.turns.slice(0, lastTurn + 1);
  const values: Values = new Map(view.indicators.map((i) => [i.id, i.value]));
  const others = scenario.outcomes.filter((o) => o.id !== outcomeDef?.id);
  const deciding = outcomeDef ? decidingOf(outcomeDef, others, values, lookup) : [];
  const why = {
    lead: outcomeDef ? leadOf(outcomeDef, view, lookup) : t('debrief.noEnding'),
    deciding: deciding.map(
      (d): DecidingLine => ({
        indicator: d.indicator,
        label: lookup.indicatorLabel(d.indicator),
        value: d.value,
        text: d.text,
      }),
    ),
    chain: chainOf(view, deciding, lookup),
  };
  return {
    kind: 'debrief',
    actor: lookup.card(view.actor),
    // The ending's texts are the parts the engine found true of this game (view.outcome), never the outcome's own
    // list: a part whose presupposition fails here is not shown.
    outcome:
      outcomeDef && view.outcome
        ? {
            title: lookup.cite(outcomeDef.title),
            summary: citedParts(view.outcome.summary, lookup),
            debrief: citedParts(view.outcome.debrief, lookup),
            origin: originOf(outcomeDef, lookup),
          }
        : null,
    // An ending not reached is described by the parts that take nothing about a game for granted.
    otherOutlooks: others.map((o) => ({
      title: lookup.cite(o.title),
      summary: citedParts(outlineOf(o), lookup),
      origin: originOf(o, lookup),
    })),
    outlooksNote: outlooksNoteOf(others, lookup),
    why,
    deals: dealsDebrief(view, lookup),
    goals: goalsOf(view, lookup),
    chart: chartOf(view, lookup, deciding, historical),
    indicators: indicatorRows(view, lookup, null),
    dates: [t('debrief.start'), ...turns.map(dateOfTurn)],
    history: historyRowsOf(view, lookup),
    sources: scenario.meta.sources.map((s) => ({ ...s })),
  };
}
