// The projector's wall, decided without the DOM: which public headlines fit the wall (how many, in what order,
// and how many more there are), and the short seat names read from the back of the room. The page only draws it.
import type { JournalView, PublicView } from '../sim/view.ts';
import { t } from './i18n/i18n.ts';

/** Lines of headlines the wall holds at 48 px in its news column (1920×1080), and characters in a line. */
export const WALL_LINES = 5;
export const WALL_LINES_ENDED = 3;
export const WALL_LINE_CHARS = 38;

export interface WallHeadline {
  text: string;
  counterfactual: boolean;
  /** Fired during this turn (an inject, or the turn's opening news), not at the last resolution. */
  fresh: boolean;
}

export interface WallNews {
  shown: WallHeadline[];
  /** Headlines that did not fit the wall (on the students' screens). */
  more: number;
  /** "and 7 more reports"; null when every headline is shown. */
  moreText: string | null;
  /** No public news at all yet. */
  none: boolean;
}

/** Events first (what happened), then the seats' announcements, then statements, then rumours and intelligence. */
const KIND_RANK: Record<JournalView['kind'], number> = {
  news: 0,
  report: 0,
  action: 1,
  statement: 2,
  rumour: 3,
  intel: 3,
};

/** Lines a headline takes in a column of `chars` characters (words are never cut). */
export function linesOf(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= chars || used === 0) used = need;
    else {
      lines += 1;
      used = word.length;
    }
    while (used > chars) {
      lines += 1;
      used -= chars;
    }
  }
  return lines;
}

/**
 * The public headlines the wall shows. While a turn is decided: what happened during it (injects, newest first),
 * then the last resolution's news; once the game has ended, the last turn's. Ranked by kind, in the journal's order
 * within a kind, and as many as fit `lines` lines of `chars` characters; at least one is always shown.
 */
export function wallNews(
  view: Pick<PublicView, 'journal' | 'turn' | 'status'>,
  lines = view.status === 'ended' ? WALL_LINES_ENDED : WALL_LINES,
  chars = WALL_LINE_CHARS,
): WallNews {
  const current = view.turn.index;
  const fresh = view.journal
    .map((j, index) => ({ j, index }))
    .filter(({ j }) => j.turn >= current)
    .reverse();
  const before = view.journal.filter((j) => j.turn < current);
  const lastResolved = Math.max(-1, ...before.map((j) => j.turn));
  const resolved =
    view.status === 'ended' && fresh.length > 0 ? [] : before.filter((j) => j.turn === lastResolved);
  const ranked = [
    ...fresh.map(({ j }) => ({ j, fresh: true })),
    ...resolved
      .map((j, index) => ({ j, index }))
      .sort((a, b) => KIND_RANK[a.j.kind] - KIND_RANK[b.j.kind] || a.index - b.index)
      .map(({ j }) => ({ j, fresh: false })),
  ];
  const shown: WallHeadline[] = [];
  let used = 0;
  for (const { j, fresh: isFresh } of ranked) {
    const need = linesOf(j.headline.text, chars);
    if (shown.length > 0 && used + need > lines) break;
    shown.push({ text: j.headline.text, counterfactual: j.counterfactual, fresh: isFresh });
    used += need;
  }
  const more = ranked.length - shown.length;
  return {
    shown,
    more,
    moreText: more === 0 ? null : t('projector.moreReports', { count: more }),
    none: ranked.length === 0,
  };
}

/**
 * A seat's name as the wall shows it: "The Coordination Framework and the Iran-aligned armed factions" reads
 * "Coordination Framework", "The Prime Minister (Mustafa al-Kadhimi) and his government" "Prime Minister"; in Arabic
 * "الإطار التنسيقي والفصائل المسلحة المتحالفة" reads "الإطار التنسيقي" (و joined to the article is "and the").
 */
export function wallSeatName(label: string): string {
  const short = label
    .replace(/^the\s+/i, '')
    .split(/\s\(|\s+and\s+(?:the|his|her|its|their)\s|\s+و(?=ال)/i)[0]!
    .trim();
  return short.length > 0 ? short : label;
}
