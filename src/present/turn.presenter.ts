/** The situation room (a turn to decide) and the resolution (what that turn brought). */
import type { ActorView } from '../sim/view.ts';
import { indicatorRows } from './indicators.presenter.ts';
import type { Lookup } from './lookup.ts';
import { moodFor } from './mood.ts';
import { earlierNews, newsOfTurn } from './news.presenter.ts';
import { turnLine } from './opening.presenter.ts';
import { placesFor } from './places.ts';
import type { IndicatorRow, ResolutionModel, SituationModel } from './screens.ts';

function beliefStatus(b: ActorView['beliefs'][number], lookup: Lookup): string {
  const what = b.is ? 'You believe this is true' : 'You believe this is false';
  if (b.confirmed) return `${what}, confirmed by evidence`;
  const via = b.via === 'start' ? 'from the start' : `told via ${lookup.actorName(b.via)}`;
  return `${what}; not confirmed (${via})`;
}

/**
 * The advisers' counsel: each of the actor's goals that moved the wrong way in the last turn, with
 * what moved it. It restates the view; it judges nothing the player could not see.
 */
function counselFor(rows: readonly IndicatorRow[]): string[] {
  return rows
    .filter((r) => r.want && r.delta && (r.want === 'high' ? r.delta < 0 : r.delta > 0))
    .map((r) => {
      const moved = r.trend === 'up' ? `rose by ${r.delta}` : `fell by ${Math.abs(r.delta ?? 0)}`;
      const biggest = [...r.causes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0];
      const why = biggest ? `, mostly through “${biggest.text}”` : '';
      return `${r.label} ${moved}${why}; you want it ${r.want}.`;
    });
}

export function situationModel(view: ActorView, lookup: Lookup, selected: string | null): SituationModel {
  const current = view.turn.index;
  const indicators = indicatorRows(view, lookup, current > 0 ? current - 1 : null);
  const decision = view.decision;
  const open = decision?.options ?? [];
  return {
    kind: 'situation',
    actor: lookup.card(view.actor),
    turn: turnLine(view, lookup),
    news: current > 0 ? newsOfTurn(view, lookup, current - 1) : [],
    earlier: earlierNews(view, lookup, current - 1),
    indicators,
    beliefs: view.beliefs.map((b) => ({
      statement: lookup.cite(b.statement),
      status: beliefStatus(b, lookup),
    })),
    counsel: counselFor(indicators),
    decision: decision
      ? {
          prompt: lookup.cite(decision.prompt),
          options: open.map((o, i) => ({
            id: o.id,
            key: i + 1,
            label: o.label.text,
            description: lookup.cite(o.description),
            open: o.open,
          })),
          selected: selected ?? decision.chosen,
        }
      : null,
    mood: moodFor(indicators, lookup),
    places: placesFor(lookup),
  };
}

/**
 * After a turn resolved: `before` is the view the player decided in, `after` the view once the turn
 * is over (the turn index has moved on, or the game has ended in it).
 */
export function resolutionModel(before: ActorView, after: ActorView, lookup: Lookup): ResolutionModel {
  const resolved = before.turn.index;
  const rows = indicatorRows(after, lookup, resolved);
  const choice = after.choices.find((c) => c.turn === resolved);
  return {
    kind: 'resolution',
    actor: lookup.card(after.actor),
    turn: turnLine(before, lookup),
    choice: choice ? lookup.optionLabel(after.actor, choice.option) : null,
    news: newsOfTurn(after, lookup, resolved),
    changes: rows,
    ended: after.status === 'ended',
    mood: moodFor(rows, lookup),
  };
}
