/** Perspective selection and the briefing. */
import type { Scenario } from '../scenario/types.ts';
import type { ActorView } from '../sim/view.ts';
import { turnDate } from './cite.ts';
import type { Lookup } from './lookup.ts';
import { type MadeOnce, madeOnce } from './made-once.ts';
import type { BriefingModel, PerspectiveModel, TurnLine } from './screens.ts';

export function perspectiveModel(
  scenario: Scenario,
  lookup: Lookup,
  selected: string | null,
): PerspectiveModel {
  return {
    kind: 'perspective',
    actors: scenario.actors.filter((a) => a.playable).map((a) => lookup.card(a.id)),
    selected,
    indicatorLabels: lookup.indicatorLabels(),
  };
}

/**
 * The lines made, by the lookup, the engine's turn view (made once per state and shared by the seats' views of it:
 * view.ts TurnShared; never changed) and the language: a classroom builds five seats' lines of one turn (issue 18).
 */
const linesMade: MadeOnce<ActorView['turn'], TurnLine> = new WeakMap();

export function turnLine(view: Pick<ActorView, 'turn'>, lookup: Lookup): TurnLine {
  return madeOnce(linesMade, lookup, view.turn, '', () => makeTurnLine(view, lookup));
}

function makeTurnLine(view: Pick<ActorView, 'turn'>, lookup: Lookup): TurnLine {
  return {
    index: view.turn.index,
    count: view.turn.count,
    date: turnDate(view.turn),
    title: lookup.cite(view.turn.title),
    summary: lookup.cite(view.turn.summary),
    history: view.turn.history
      ? { title: lookup.cite(view.turn.history.title), summary: lookup.cite(view.turn.history.summary) }
      : null,
  };
}

export function briefingModel(view: ActorView, lookup: Lookup): BriefingModel {
  return {
    kind: 'briefing',
    actor: lookup.card(view.actor),
    briefing: lookup.briefing(view.actor),
    redLines: lookup.redLines(view.actor),
    turn: turnLine(view, lookup),
    indicatorLabels: lookup.indicatorLabels(),
  };
}
