/**
 * The reading of a decision. From the start of a turn to its decision a player reads the "What happened" screen of
 * the turn before, then the situation room: together, at first sight, at most DECISION_WORDS words, so that a
 * decision fits two minutes of a lesson. Everything else is one tap away (the turn's every report, every
 * indicator's causes, an option's full text).
 *
 * "At first sight" is every word a screen shows with its disclosures closed, whether above or below the fold (the
 * browser test counts the same: tests/browser/support/first-sight.ts). A word is a run of text between spaces with
 * a letter or a digit in it.
 *
 * This module decides which items are shown and how many words they take; the canvas scene and the DOM layer both
 * render what it returns, and its fixed texts, so that what is counted is what is shown.
 */
import { isolate, t } from './i18n/i18n.ts';
import { signed } from './indicators.presenter.ts';
import type {
  Counsel,
  IndicatorRow,
  NewsItem,
  ResolutionModel,
  SituationModel,
  Tone,
  Trend,
} from './screens.ts';

/** Words from the start of a turn to its decision, at first sight: two minutes at a lesson's reading pace. */
export const DECISION_WORDS = 350;
/**
 * The situation room's share at most: the options, the turn's situation and the advisers' notes. What it leaves,
 * and never less than DECISION_WORDS − SITUATION_WORDS, is the "What happened" screen's.
 */
export const SITUATION_WORDS = 240;
/** Headlines at first sight at most, however many words are left: the rest is a list, behind "All N reports". */
export const MAX_HEADLINES = 4;
/** A lede is the report's first sentence when it is this short; a longer one is not cut, it is left out. */
export const LEDE_WORDS = 16;
/** The advisers' notes at first sight at most (the largest slips of the player's goals). */
export const COUNSEL_AT_MOST = 2;

/**
 * The fixed words of the two screens: the views show these, and this module counts them. Getters, so that each
 * reading is in the current language.
 */
export const READING_TEXT = {
  get newsHeading() {
    return t('reading.newsHeading');
  },
  get noNews() {
    return t('reading.noNews');
  },
  get movesHeading() {
    return t('reading.movesHeading');
  },
  get noMoves() {
    return t('reading.noMoves');
  },
  get next() {
    return t('reading.next');
  },
  get outcome() {
    return t('reading.outcome');
  },
  get ended() {
    return t('reading.ended');
  },
  get noChoice() {
    return t('reading.noChoice');
  },
  get decisionHeading() {
    return t('reading.decisionHeading');
  },
  get closed() {
    return t('reading.closed');
  },
  get pick() {
    return t('reading.pick');
  },
  get noDecision() {
    return t('reading.noDecision');
  },
  get letItPlay() {
    return t('reading.letItPlay');
  },
  get changedHeading() {
    return t('reading.changedHeading');
  },
  get firstTurn() {
    return t('reading.firstTurn');
  },
  get nothingMoved() {
    return t('reading.nothingMoved');
  },
  get more() {
    return t('reading.more');
  },
  get history() {
    return t('reading.history');
  },
};

const toneLabel = (tone: Tone): string =>
  tone === 'bad' ? t('reading.toneBad') : tone === 'good' ? t('reading.toneGood') : t('reading.toneOther');

/** The words of some texts, as the reader counts them: runs between spaces with a letter or a digit. */
export function countWords(...texts: readonly (string | null | undefined | false)[]): number {
  let n = 0;
  for (const text of texts) {
    if (!text) continue;
    for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n += 1;
  }
  return n;
}

export interface Move {
  indicator: string;
  trend: Trend;
  /** "Street anger +3" */
  text: string;
}

/** Moves of one tone, e.g. "Bad for you: Street anger +3, State authority −1." */
export interface MoveGroup {
  tone: Tone;
  label: string;
  moves: Move[];
}

/** The indicators that moved (up or down, and seen), grouped bad, good, other: the tone in words, not colour alone. */
export function moveGroups(
  rows: readonly IndicatorRow[],
  except: ReadonlySet<string> = new Set(),
): MoveGroup[] {
  const moved = rows.filter((r) => (r.trend === 'up' || r.trend === 'down') && !except.has(r.id));
  return (['bad', 'good', 'neutral'] as const)
    .map((tone) => ({
      tone,
      label: toneLabel(tone),
      moves: moved
        .filter((r) => r.tone === tone)
        .map((r) => ({ indicator: r.id, trend: r.trend, text: `${r.label} ${signed(r.delta ?? 0)}` })),
    }))
    .filter((g) => g.moves.length > 0);
}

/** The groups as one line of text (the canvas draws it; the count reads it). */
export function movesLine(groups: readonly MoveGroup[]): string {
  return groups.map((g) => `${g.label}: ${g.moves.map((m) => m.text).join(', ')}.`).join(' ');
}

/** The first sentence of a text when it is short enough to stand as a one-line lede; null otherwise. */
export function lede(text: string | null | undefined, headline: string): string | null {
  if (!text) return null;
  const sentence = (text.trim().split(/(?<=[.!?])\s+/)[0] ?? '').trim();
  if (!sentence || countWords(sentence) > LEDE_WORDS) return null;
  const bare = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return bare(sentence) === bare(headline) ? null : sentence;
}

/**
 * The turn's items, what matters most first: the player's own announcements, then the items that moved the
 * indicators it sees the most, then the rest as the journal has them (its order is the turn's order).
 */
export function rankNews(items: readonly NewsItem[], actor: string): NewsItem[] {
  return items
    .map((item, index) => ({ item, index, own: item.kind === 'action' && item.actor === actor }))
    .sort((a, b) => Number(b.own) - Number(a.own) || b.item.moved - a.item.moved || a.index - b.index)
    .map((x) => x.item);
}

export interface Headline {
  item: NewsItem;
  /** "Your announcement", "News", ... */
  kind: string;
  /** "Did not happen in history", "Exposed as misinformation" */
  badges: string[];
  lede: string | null;
}

function headlineOf(item: NewsItem, actor: string): Headline {
  const own = item.kind === 'action' && item.actor === actor;
  return {
    item,
    kind: own ? t('reading.yourAnnouncement') : item.kindLabel,
    badges: [
      ...(item.counterfactual ? [t('news.counterfactual')] : []),
      ...(item.exposed ? [t('news.exposed')] : []),
    ],
    lede: null,
  };
}

const headlineWords = (h: Headline) => countWords(h.kind, ...h.badges, h.item.headline.text);

/** The "What happened" screen at first sight, and the rest behind one disclosure. */
export interface ResolutionFirstSight {
  eyebrow: string;
  heading: string;
  choice: string;
  headlines: Headline[];
  /** every item of the turn, ranked as the headlines are: the disclosure shows them in full */
  ranked: NewsItem[];
  /** items not among the headlines */
  more: number;
  moves: MoveGroup[];
  /** the disclosure's summary: "All 19 reports, and what moved each indicator" */
  all: string;
  next: string;
  /** the words at first sight, and the words it was allowed */
  words: number;
  budget: number;
}

/** The words the "What happened" screen may show: what the next situation room leaves of the decision's reading. */
export function resolutionBudget(next: SituationModel | null): number {
  const situation = next ? situationFirstSight(next).words : SITUATION_WORDS;
  return DECISION_WORDS - situation;
}

/** The budget, set on the model by whoever builds it beside the next situation room (the game flow). */
export function withReadingBudget(model: ResolutionModel, next: SituationModel | null): ResolutionModel {
  return { ...model, readingBudget: resolutionBudget(next) };
}

export function resolutionFirstSight(model: ResolutionModel): ResolutionFirstSight {
  const budget = model.readingBudget ?? DECISION_WORDS - SITUATION_WORDS;
  const ranked = rankNews(model.news, model.actor.id);
  const moves = moveGroups(model.changes);
  const n = ranked.length;
  const all = n === 0 ? t('reading.allMoved') : t('reading.allReports', { count: n });
  const out: ResolutionFirstSight = {
    eyebrow: t('reading.turnOf', { turn: model.turn.index + 1, total: model.turn.count }),
    heading: t('reading.whatHappened', { date: model.turn.date }),
    choice: model.choice ? t('reading.youChose', { choice: model.choice }) : READING_TEXT.noChoice,
    headlines: [],
    ranked,
    more: n,
    moves,
    all,
    next: model.ended ? READING_TEXT.outcome : READING_TEXT.next,
    words: 0,
    budget,
  };
  let words = countWords(
    out.eyebrow,
    out.heading,
    model.turn.title.text,
    out.choice,
    READING_TEXT.newsHeading,
    n === 0 && READING_TEXT.noNews,
    READING_TEXT.movesHeading,
    moves.length > 0 ? movesLine(moves) : READING_TEXT.noMoves,
    model.ended && READING_TEXT.ended,
    all,
    out.next,
  );
  // Headlines first, as many as the words left allow (the first always: a turn is never told by nothing) ...
  for (const item of ranked.slice(0, MAX_HEADLINES)) {
    const line = headlineOf(item, model.actor.id);
    const cost = headlineWords(line);
    if (out.headlines.length > 0 && words + cost > budget) break;
    out.headlines.push(line);
    words += cost;
  }
  // ... then a lede under each, in the same order, while words are left.
  for (const line of out.headlines) {
    const text = lede(line.item.body?.text, line.item.headline.text);
    if (text && words + countWords(text) <= budget) {
      line.lede = text;
      words += countWords(text);
    }
  }
  out.more = n - out.headlines.length;
  out.words = words;
  return out;
}

/** The situation room at first sight: its headings and the advisers' notes that fit its share of the reading. */
export interface SituationFirstSight {
  heading: string;
  /** the history disclosure's summary, where history is not (or not yet) this game's */
  history: string | null;
  counsel: Counsel[];
  /** the other moves of the last turn, in one line */
  moves: MoveGroup[];
  /** in place of the moves: the first turn, or nothing moved */
  still: string | null;
  /** that a proposal waits for this actor's answer (the oldest named, and how many more), or null */
  awaiting: string | null;
  confirm: string;
  words: number;
}

/**
 * A proposal waiting for the actor's answer, in one sentence at first sight: a team that does not answer lets it
 * lapse, so it must not be one tap away. Several: how many, and the oldest.
 */
export function awaitingLine(awaiting: SituationModel['awaiting']): string | null {
  const [first] = awaiting ?? [];
  if (!awaiting || !first) return null;
  const names = { from: isolate(first.from), agreement: isolate(first.agreement) };
  return awaiting.length === 1
    ? t('reading.proposalWaits', names)
    : t('reading.proposalsWait', { ...names, count: awaiting.length });
}

export function situationFirstSight(model: SituationModel): SituationFirstSight {
  const { turn, decision } = model;
  const selected = decision?.options.find((o) => o.id === decision.selected) ?? null;
  const confirm = decision
    ? selected
      ? t('reading.confirm', { option: selected.label })
      : READING_TEXT.pick
    : READING_TEXT.letItPlay;
  const heading = t('reading.turnOfDate', { turn: turn.index + 1, total: turn.count, date: turn.date });
  const [warning] = model.warnings ?? [];
  const awaiting = awaitingLine(model.awaiting);
  const moved = model.indicators.filter((r) => r.trend === 'up' || r.trend === 'down');
  const still =
    turn.index === 0 ? READING_TEXT.firstTurn : moved.length === 0 ? READING_TEXT.nothingMoved : null;
  const fixed = countWords(
    model.actor.name.text,
    heading,
    turn.title.text,
    turn.summary.text,
    turn.history && READING_TEXT.history,
    warning?.text,
    awaiting,
    READING_TEXT.decisionHeading,
    !decision && READING_TEXT.noDecision,
    // The key badges (1-9) are words a reader sees too.
    ...(decision?.options ?? []).map(
      (o) => `${o.key <= 9 ? o.key : ''} ${o.label} ${o.open ? '' : READING_TEXT.closed}`,
    ),
    confirm,
    READING_TEXT.changedHeading,
    still,
    READING_TEXT.more,
  );
  const counsel: Counsel[] = [];
  const linesWith = (notes: readonly Counsel[]) => {
    const groups = still ? [] : moveGroups(model.indicators, new Set(notes.map((c) => c.indicator)));
    return { groups, words: countWords(...notes.map((c) => c.text), movesLine(groups)) };
  };
  if (!still) {
    for (const note of model.counsel.slice(0, COUNSEL_AT_MOST)) {
      if (fixed + linesWith([...counsel, note]).words > SITUATION_WORDS) break;
      counsel.push(note);
    }
  }
  const lines = linesWith(counsel);
  return {
    heading,
    history: turn.history ? READING_TEXT.history : null,
    counsel,
    moves: lines.groups,
    still,
    awaiting,
    confirm,
    words: fixed + lines.words,
  };
}

/**
 * The public news of a turn on a shared screen (pass-and-play's hand-over and outcome): what moved the indicators
 * most first, MAX_HEADLINES of them at first sight and the others behind one disclosure, as on "What happened".
 */
export function publicHeadlines(items: readonly NewsItem[]): {
  shown: NewsItem[];
  rest: NewsItem[];
  /** the disclosure's summary, e.g. "15 more public reports"; null when every report is shown */
  more: string | null;
} {
  const ranked = rankNews(items, '');
  const shown = ranked.slice(0, MAX_HEADLINES);
  const rest = ranked.slice(MAX_HEADLINES);
  return {
    shown,
    rest,
    more: rest.length === 0 ? null : `${rest.length} more public report${rest.length === 1 ? '' : 's'}`,
  };
}
