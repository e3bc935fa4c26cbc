/**
 * The debrief: the outcome and why (from the recorded causes of every indicator change the player
 * could see), the indicators over the turns, the player's path beside the historical one, the sources.
 */
import type { ActorView, VisibleCause } from '../sim/view.ts';
import { longDate } from './cite.ts';
import { indicatorRows, signed } from './indicators.presenter.ts';
import type { Lookup } from './lookup.ts';
import type { DebriefModel } from './screens.ts';

const WHY_COUNT = 6;

function causeKey(cause: VisibleCause): string | null {
  if (cause.kind === 'decision') return `d:${cause.actor}/${cause.option}`;
  if (cause.kind === 'event') return `e:${cause.event}`;
  return null; // the start and undisclosed causes explain nothing about the path taken
}

/** The causes that moved the indicators most over the whole game, with what each did. */
function whyLines(view: ActorView, lookup: Lookup): DebriefModel['why'] {
  const byCause = new Map<string, { text: string; weight: number; effects: Map<string, number> }>();
  for (const ind of view.indicators) {
    for (const c of ind.causes) {
      const key = causeKey(c.cause);
      if (key === null || c.delta === 0) continue;
      const entry = byCause.get(key) ?? { text: lookup.causeText(c.cause), weight: 0, effects: new Map() };
      entry.weight += Math.abs(c.delta);
      entry.effects.set(ind.id, (entry.effects.get(ind.id) ?? 0) + c.delta);
      byCause.set(key, entry);
    }
  }
  return [...byCause.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, WHY_COUNT)
    .map((e) => ({
      text: e.text,
      effects: [...e.effects]
        .filter(([, d]) => d !== 0)
        .map(([id, d]) => `${lookup.indicatorLabel(id)} ${signed(d)}`)
        .join(', '),
    }));
}

export function debriefModel(view: ActorView, lookup: Lookup): DebriefModel {
  const scenario = lookup.scenario;
  const outcomeDef = view.outcome && scenario.outcomes.find((o) => o.id === view.outcome?.id);
  const decisions = scenario.decisions.filter((d) => d.actor === view.actor);
  const lastTurn = view.turn.index;
  const turns = scenario.turns.slice(0, lastTurn + 1);
  return {
    kind: 'debrief',
    actor: lookup.card(view.actor),
    outcome: outcomeDef
      ? {
          title: lookup.cite(outcomeDef.title),
          summary: lookup.cite(outcomeDef.summary),
          debrief: lookup.cite(outcomeDef.debrief),
        }
      : null,
    otherOutlooks: scenario.outcomes
      .filter((o) => o.id !== outcomeDef?.id)
      .map((o) => ({ title: lookup.cite(o.title), summary: lookup.cite(o.summary) })),
    why: whyLines(view, lookup),
    indicators: indicatorRows(view, lookup, null),
    dates: ['Start', ...turns.map((t) => longDate(t.date))],
    path: turns.map((t, i) => {
      const choice = view.choices.find((c) => c.turn === i);
      return {
        date: longDate(t.date),
        title: t.title.text,
        yours: choice ? lookup.optionLabel(view.actor, choice.option) : null,
        historical: choice ? (lookup.option(view.actor, choice.option)?.historical ?? false) : false,
      };
    }),
    historicalOptions: decisions.flatMap((d) =>
      d.options
        .filter((o) => o.historical)
        .map((o) => ({ label: o.label.text, description: lookup.cite(o.description) })),
    ),
    sources: scenario.meta.sources.map((s) => ({ ...s })),
  };
}
