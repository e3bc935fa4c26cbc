/** The journal as the actor saw it: news, statements, rumours, with misinformation marked once exposed. */
import type { ActorView, JournalView } from '../sim/view.ts';
import type { Lookup } from './lookup.ts';
import type { NewsItem } from './screens.ts';

const KIND_LABELS: Record<JournalView['kind'], string> = {
  news: 'News',
  statement: 'Statement',
  rumour: 'Rumour',
  intel: 'Intelligence',
  report: 'Report',
  action: 'Announced',
};

export function newsItem(entry: JournalView, lookup: Lookup): NewsItem {
  return {
    kind: entry.kind,
    kindLabel: KIND_LABELS[entry.kind],
    headline: lookup.cite(entry.headline),
    body: entry.body ? lookup.cite(entry.body) : null,
    speaker: entry.actor ? lookup.actorName(entry.actor) : null,
    exposed: entry.exposed,
    counterfactual: entry.counterfactual,
  };
}

export function newsOfTurn(view: ActorView, lookup: Lookup, turn: number): NewsItem[] {
  return view.journal.filter((j) => j.turn === turn).map((j) => newsItem(j, lookup));
}

/** Every turn before `before`, oldest first, that has news. */
export function earlierNews(
  view: ActorView,
  lookup: Lookup,
  before: number,
): { turn: number; items: NewsItem[] }[] {
  const turns = [...new Set(view.journal.filter((j) => j.turn < before).map((j) => j.turn))].sort(
    (a, b) => a - b,
  );
  return turns.map((turn) => ({ turn, items: newsOfTurn(view, lookup, turn) }));
}
