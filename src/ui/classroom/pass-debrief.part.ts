// The end of a pass-and-play game: the solo game's debrief (why this ending, the goals, the indicators beside the
// model's historical path, this game beside history), for the table as a whole. The game is over, so nothing is
// private any more: every player's goals are listed together, and one player's full debrief is shown at a time,
// whichever the table chooses. Then the replay of this very game, and its record to keep.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { debriefModel } from '../../present/debrief.presenter.ts';
import { t } from '../../present/i18n/i18n.ts';
import type { Intent } from '../../present/intents.ts';
import type { Lookup } from '../../present/lookup.ts';
import type { DebriefModel } from '../../present/screens.ts';
import {
  type CompiledScenario,
  type GameRecord,
  type GameState,
  passHistorical,
  passRecordJson,
  playersOf,
  playerView,
} from '../../session/pass-and-play-rules.ts';
import { debriefView } from '../views/debrief.view.ts';
import { openReplay } from './replay-handover.ts';

export interface PassEnd {
  c: CompiledScenario;
  lookup: Lookup;
  state: GameState;
  record: GameRecord;
  /** A what-if game beside the one it forked from, or null. */
  beside: TemplateResult | null;
  playAgain(): void;
  leave(): void;
}

/** The file name of a game's record: the scenario, the seed and the date the game ended here. */
function recordName(c: CompiledScenario, state: GameState): string {
  return `crisis-table-${c.scenario.meta.id}-${state.seed}.json`;
}

/** Every player's goals, met or missed, in one list; and the switch to read one player's whole debrief. */
function tableSection(
  models: ReadonlyMap<string, DebriefModel>,
  shown: string,
  choose: (actor: string) => void,
): TemplateResult {
  const entries = [...models.entries()];
  return html`<section id="pass-table" class="block" aria-labelledby="pass-table-heading"><h2
    id="pass-table-heading">${t('passDebrief.goals')}</h2><ul class="goal-list pass-goals">${entries.map(
      ([actor, model]) => playerGoals(actor, model),
    )}</ul><p class="hint">${t('passDebrief.hint')}</p><div
    class="chart-switch" role="group" aria-label=${t('passDebrief.whose')}>${entries.map(
      ([actor, model]) =>
        html`<button class="button chart-switch__button" type="button" aria-pressed=${String(actor === shown)}
          data-pass-debrief=${actor} @click=${() => choose(actor)}>${model.actor.name.text}</button>`,
    )}</div></section>`;
}

function playerGoals(actor: string, model: DebriefModel): TemplateResult {
  const met = model.goals.filter((g) => g.met === true).length;
  return html`<li data-pass-goals=${actor}><strong>${t('passDebrief.met', { name: model.actor.name.text, met, count: model.goals.length })}</strong><ul>${model.goals.map(
    (g) =>
      html`<li class=${`goal goal--${g.met === null ? 'unknown' : g.met ? 'met' : 'missed'}`}><span>${t('passDebrief.goal', { label: g.label, want: g.wantText })}</span><span
        class="goal__result">${g.text}</span></li>`,
  )}</ul></li>`;
}

/** The review entries of the debrief's menu: this game's replay, and its record as a file. */
function reviewEntries(c: CompiledScenario, state: GameState, record: GameRecord): TemplateResult[] {
  const json = passRecordJson(record);
  return [
    html`<button class="button" type="button" data-pass-replay="" @click=${() => openReplay(json)}>${t('debrief.replay')}</button>`,
    html`<a class="button" href=${`data:application/json;charset=utf-8,${encodeURIComponent(json)}`}
      download=${recordName(c, state)} data-pass-record="">${t('passDebrief.record')}</a>`,
  ];
}

/** The debrief of the ended game, first as the first player saw it; the table chooses whose to read. */
export function passDebrief(end: PassEnd): { element: HTMLElement; heading: HTMLElement } {
  const { c, lookup, state } = end;
  const historical = passHistorical(c, state);
  const players = playersOf(c, state);
  // The players of a what-if game may be one; a game with no player at all has nobody's debrief to show.
  const seats = players.length > 0 ? players : c.playableIds.slice(0, 1);
  const models = new Map(seats.map((a) => [a, debriefModel(playerView(c, state, a), lookup, historical)]));
  const root = document.createElement('main');
  root.className = 'class-page class-debrief pass-debrief';
  let heading: HTMLElement = root;
  const show = (actor: string, focusSwitch: boolean) => {
    let model = models.get(actor)!;
    const send = (intent: Intent) => {
      if (intent.type === 'new-game') end.playAgain();
      else if (intent.type === 'quit-to-title') end.leave();
      else if (intent.type === 'show-indicator') {
        // No canvas here: the switch says which indicator, and the table below holds every figure.
        model = { ...model, chart: { ...model.chart, selected: intent.indicatorId } };
        view.update(model);
      }
    };
    const view = debriefView(model, send, {
      // A what-if game is first set beside the game it forked from.
      lead: html`<div>${end.beside ?? nothing}${tableSection(models, actor, (next) => show(next, true))}</div>`,
      review: reviewEntries(c, state, end.record),
      // Where it leads is the caller's: the class page, or the title after a what-if.
      leave: t('pass.back'),
    });
    view.element.dataset.passDebriefOf = actor;
    // One player's debrief at a time, each its own view: choosing another puts that one in its place.
    render(view.element, root);
    heading = view.heading;
    if (focusSwitch) root.querySelector<HTMLElement>(`[data-pass-debrief="${actor}"]`)?.focus();
  };
  show(seats[0]!, false);
  return { element: root, heading };
}
