/** The journal as the actor saw it: news, statements, rumours, with misinformation marked once exposed. */
import type { ActorView, JournalView } from '../sim/view.ts';
import { t } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';
import { type MadeOnce, madeOnce } from './made-once.ts';
import type { NewsItem } from './screens.ts';

/** What a view holds of the turn's news: an actor's view, or the public's (pass-and-play's hand-over). */
type Seen = Pick<ActorView, 'indicators' | 'journal'>;

/** The kind of an item in words, in the current language. */
function kindLabel(kind: JournalView['kind']): string {
  switch (kind) {
    case 'news':
      return t('news.kindNews');
    case 'statement':
      return t('news.kindStatement');
    case 'rumour':
      return t('news.kindRumour');
    case 'intel':
      return t('news.kindIntel');
    case 'report':
      return t('news.kindReport');
    default:
      return t('news.kindAction');
  }
}

/**
 * The items made, by the lookup, the journal view (the engine shares one for an entry across viewers and turns:
 * view.ts) and the language and move: a classroom builds every seat's earlier news again at every turn, and the same
 * item, as the same object, is also what the diff skips (issue 18). Items are never changed once made.
 */
const itemsMade: MadeOnce<JournalView, NewsItem> = new WeakMap();

export function newsItem(entry: JournalView, lookup: Lookup, moved = 0): NewsItem {
  return madeOnce(itemsMade, lookup, entry, String(moved), () => makeNewsItem(entry, lookup, moved));
}

function makeNewsItem(entry: JournalView, lookup: Lookup, moved: number): NewsItem {
  return {
    kind: entry.kind,
    kindLabel: kindLabel(entry.kind),
    headline: lookup.cite(entry.headline),
    body: entry.body ? lookup.cite(entry.body) : null,
    speaker: entry.actor ? lookup.actorName(entry.actor) : null,
    actor: entry.actor,
    moved,
    exposed: entry.exposed,
    counterfactual: entry.counterfactual,
  };
}

/**
 * How far each item of a turn moved the indicators this actor can see: the sum of the moves it caused (their size,
 * up or down). An announcement stands for its actor's decision of that turn (one decision per actor and turn); an
 * event's item is matched by its headline, the journal's own words. Moves whose cause the actor cannot see count for
 * no item.
 */
function movesOfTurn(view: Seen, lookup: Lookup, turn: number): (entry: JournalView) => number {
  const moves = movesByTurn(view, lookup, turn, turn + 1);
  return (entry) => moves(turn, entry);
}

/**
 * The first turn of every range that starts with the game: turns are never negative. The turns wanted are given as a
 * range of numbers, not as a test: each caller's own test was another closure, and the optimized code made for one
 * was thrown away when another came (V8's "wrong feedback cell": issue 18).
 */
const FIRST = -(2 ** 30);

/**
 * movesOfTurn for every turn from `from` up to (not including) `upTo`, in one pass over the causes (the earlier
 * news asks for each turn).
 */
function movesByTurn(
  view: Seen,
  lookup: Lookup,
  from: number,
  upTo: number,
): (turn: number, entry: JournalView) => number {
  // By turn, then by actor or headline: no key is built per cause (every seat's earlier news reads every cause).
  const byActor = new Map<number, Map<string, number>>();
  const byHeadline = new Map<number, Map<string, number>>();
  const add = (map: Map<number, Map<string, number>>, turn: number, key: string, delta: number) => {
    let at = map.get(turn);
    if (at === undefined) {
      at = new Map();
      map.set(turn, at);
    }
    at.set(key, (at.get(key) ?? 0) + Math.abs(delta));
  };
  const headlines = headlinesOf(lookup);
  for (const indicator of view.indicators) {
    for (const { turn: at, delta, cause } of indicator.causes) {
      if (at < from || at >= upTo) continue;
      if (cause.kind === 'decision') add(byActor, at, cause.actor, delta);
      else if (cause.kind === 'event') add(byHeadline, at, headlines.get(cause.event) ?? cause.event, delta);
    }
  }
  return (turn, entry) =>
    entry.kind === 'action'
      ? entry.actor
        ? (byActor.get(turn)?.get(entry.actor) ?? 0)
        : 0
      : (byHeadline.get(turn)?.get(entry.headline.text) ?? 0);
}

/** Each event's headline by its id, made once per scenario (a classroom server builds news for every seat and turn). */
const headlinesByScenario = new WeakMap<Lookup['scenario'], Map<string, string>>();
function headlinesOf(lookup: Lookup): Map<string, string> {
  let headlines = headlinesByScenario.get(lookup.scenario);
  if (!headlines) {
    headlines = new Map(lookup.scenario.events.map((e) => [e.id, e.headline.text]));
    headlinesByScenario.set(lookup.scenario, headlines);
  }
  return headlines;
}

/**
 * The journal's items of the turns from `from` up to (not including) `upTo`, grouped by turn, oldest first (turns
 * without news left out).
 */
function newsGrouped(
  view: Seen,
  lookup: Lookup,
  moved: (turn: number, entry: JournalView) => number,
  from: number,
  upTo: number,
): { turn: number; items: NewsItem[] }[] {
  const byTurn = new Map<number, NewsItem[]>();
  for (const j of view.journal) {
    if (j.turn < from || j.turn >= upTo) continue;
    let items = byTurn.get(j.turn);
    if (items === undefined) {
      items = [];
      byTurn.set(j.turn, items);
    }
    items.push(newsItem(j, lookup, moved(j.turn, j)));
  }
  return [...byTurn.keys()].sort((a, b) => a - b).map((turn) => ({ turn, items: byTurn.get(turn)! }));
}

export function newsOfTurn(view: Seen, lookup: Lookup, turn: number): NewsItem[] {
  const moved = movesOfTurn(view, lookup, turn);
  return view.journal.filter((j) => j.turn === turn).map((j) => newsItem(j, lookup, moved(j)));
}

type Earlier = { turn: number; items: NewsItem[] }[];

/**
 * What the same actor's last situation showed of the news (the view it was built from, its turn, its news and
 * earlier news), made with the same lookup in the same language: the caller knows (a classroom's seat memo).
 */
export interface NewsBefore {
  view: Seen;
  turn: number;
  news: NewsItem[];
  earlier: Earlier;
}

/**
 * The turn's news (that of the turn before `current`) and the earlier news (every turn before that one), as
 * newsOfTurn and earlierNews give them, with the causes read once for both. Given the same actor's last ones
 * (`last`), the earlier news it showed is carried over as it was (the same objects: the diff skips them) where what
 * they follow from is the same: the journal's entries of those turns (the same objects, in the same order: the engine
 * makes one per entry and exposure) and the causes of those turns on every indicator (the same moves, by the same
 * causes); only the newest turn's news is made. A classroom builds every seat's news again at every turn, and the
 * earlier news grows with the game (issue 18).
 */
export function newsAndEarlier(
  view: Seen,
  lookup: Lookup,
  current: number,
  last?: NewsBefore,
): { news: NewsItem[]; earlier: Earlier } {
  const turn = current - 1;
  if (last && (last.turn === current || last.turn === turn) && sameBefore(last.view, view, last.turn)) {
    const news = current > 0 ? newsOfTurn(view, lookup, turn) : [];
    if (last.turn === current) return { news, earlier: last.earlier };
    // The last one's news has become the newest of the earlier news: the same items, for a turn that had news.
    const moved = last.news.length > 0 ? [{ turn: last.turn - 1, items: last.news }] : [];
    return { news, earlier: moved.length > 0 ? [...last.earlier, ...moved] : last.earlier };
  }
  const moved = movesByTurn(view, lookup, FIRST, turn + 1);
  const news = current > 0 ? (newsGrouped(view, lookup, moved, turn, turn + 1)[0]?.items ?? []) : [];
  return { news, earlier: newsGrouped(view, lookup, moved, FIRST, turn) };
}

/**
 * Whether two views hold the same news inputs for every turn before `before`: the same journal entries (by
 * identity, in order), and on each indicator the same causes (turn, move, and the cause itself; an undisclosed one
 * names no one, so any undisclosed one is the same) in the same order. Nothing is allocated: a server asks it for
 * every seat at every turn.
 */
function sameBefore(a: Seen, b: Seen, before: number): boolean {
  if (!sameSeq(a.journal, b.journal, before, (x, y) => x === y)) return false;
  if (a.indicators.length !== b.indicators.length) return false;
  for (let k = 0; k < a.indicators.length; k++) {
    const x = a.indicators[k]!;
    const y = b.indicators[k]!;
    if (x.id !== y.id || !sameSeq(x.causes, y.causes, before, sameCause)) return false;
  }
  return true;
}

type Cause = Seen['indicators'][number]['causes'][number];

const sameCause = (x: Cause, y: Cause) =>
  x === y ||
  (x.turn === y.turn &&
    x.delta === y.delta &&
    (x.cause === y.cause || (x.cause.kind === 'undisclosed' && y.cause.kind === 'undisclosed')));

/** The items of two lists whose turn is before `before`, compared in order by `same`. */
function sameSeq<T extends { turn: number }>(
  a: readonly T[],
  b: readonly T[],
  before: number,
  same: (x: T, y: T) => boolean,
): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && a[i]!.turn >= before) i++;
    while (j < b.length && b[j]!.turn >= before) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (!same(a[i]!, b[j]!)) return false;
    i++;
    j++;
  }
}
