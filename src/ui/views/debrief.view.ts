/**
 * The debrief in HTML: the outcome and why this game reached it, the player's goals met or not, the
 * indicators over the turns (a switch picks the one the canvas draws; a table holds every figure, and the model's
 * historical path), this game beside history date by date, the other outlooks, and the sources.
 *
 * A lit-html template of its model, rendered into one element: a later model (another indicator chosen) patches
 * the DOM in place, so the focus stays on the switch's button and the scroll where the reader left it.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { formatNumber, isolate, language, t } from '../../present/i18n/i18n.ts';
import type { Send } from '../../present/intents.ts';
import type { DebriefModel } from '../../present/screens.ts';
import type { ScreenView } from '../dom-layer.ts';
import { block, cited, passages } from './cited.ts';
import { dealItem } from './deals.part.ts';

function tableLine(
  model: DebriefModel,
  label: string,
  values: number[] | null,
  className: string | typeof nothing = nothing,
): TemplateResult {
  // A dash after the end of a game that ended before the other path did.
  return html`<tr class=${className}><th scope="row">${label}</th>${model.chart.dates.map(
    (_, i) =>
      html`<td>${values ? (values[i] === undefined ? '—' : formatNumber(values[i])) : t('debrief.unknown')}</td>`,
  )}</tr>`;
}

function indicatorTable(model: DebriefModel): TemplateResult {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${t('debrief.tableLabel')}><table
    class="data-table"><caption>${t('debrief.tableCaption')}</caption><thead><tr><th
    scope="col">${t('debrief.indicator')}</th>${model.chart.dates.map((d) => html`<th scope="col">${d}</th>`)}</tr></thead><tbody>${model.indicators.map(
      (row) => {
        // The model's historical path of the indicator, beside this game's, where the chart has it.
        const historical = model.chart.series.find((s) => s.id === row.id)?.historical ?? null;
        return html`${tableLine(model, row.label, row.history)}${
          historical
            ? tableLine(
                model,
                t('debrief.historicalRow', {
                  label: row.label,
                  path: model.chart.historicalLabel.toLocaleLowerCase(language()),
                }),
                historical,
                'row--historical',
              )
            : nothing
        }`;
      },
    )}</tbody></table></div>`;
}

function whySection(model: DebriefModel): TemplateResult {
  const { why, outcome } = model;
  return block(
    t('debrief.why'),
    'debrief-why',
    html`<p>${why.lead}</p>`,
    html`<ul class="deciding-list">${why.deciding.map((d) => html`<li>${d.text}</li>`)}</ul>`,
    html`<h3>${t('debrief.whatMoved')}</h3>`,
    why.chain.length > 0
      ? html`<ol class="why-list">${why.chain.map(
          (c) =>
            html`<li><span class="why__when">${t('debrief.when', { date: c.date, kind: c.kind })}</span><strong class="why__what">${c.text}</strong><span
              class="why__effects">${c.effects}</span></li>`,
        )}</ol>`
      : html`<p>${t('debrief.noChain')}</p>`,
    outcome ? html`<h3>${outcome.origin ? t('debrief.inSource') : t('debrief.aboutEnding')}</h3>` : nothing,
    outcome?.origin ? html`<p class="hint">${t('debrief.origin', { origin: outcome.origin })}</p>` : nothing,
    (outcome?.debrief ?? []).map((passage) => cited(passage)),
  );
}

/**
 * Deals made and broken: each proposal the player's seat saw, where it ended, and the reason its answer gave (a
 * computer seat's weighing by its own goals, or a person's words); then the statements whose claims were heard.
 * Only where there was one: a game without deals or claims has no section.
 */
function dealsSection(model: DebriefModel): TemplateResult | typeof nothing {
  const deals = model.deals;
  if (!deals || (deals.lines.length === 0 && deals.moved.length === 0)) return nothing;
  return block(
    t('debrief.deal.heading'),
    'debrief-deals',
    deals.lines.length > 0
      ? html`<ol class="deal-list" data-debrief-deals="">${deals.lines.map((l) => dealItem(l))}</ol>`
      : html`<p class="hint">${t('debrief.deal.none')}</p>`,
    deals.moved.length > 0
      ? html`<h3>${t('debrief.deal.moved')}</h3><ol class="said-list" data-debrief-moved="">${deals.moved.map(
          (m) =>
            html`<li class="said" data-said=${String(m.n)}><p class="hint said-head">${m.head}</p><p><strong
              dir="auto">${t('debrief.deal.claim', { claim: m.claim })}</strong></p><p class="said-text"
              dir="auto">${m.text}</p>${m.took ? html`<p class="hint" data-took="">${m.took}</p>` : nothing}</li>`,
        )}</ol>`
      : nothing,
  );
}

function goalsSection(model: DebriefModel): TemplateResult {
  return block(
    t('debrief.goals'),
    'debrief-goals',
    html`<ul class="goal-list">${model.goals.map(
      (g) =>
        html`<li class=${`goal goal--${g.met === null ? 'unknown' : g.met ? 'met' : 'missed'}`}><strong>${g.label}</strong><span
          class="goal__want">${t('debrief.want', { want: g.wantText })}</span><span class="goal__result">${g.text}</span>${cited(
            g.why,
            'div',
            'goal__why',
          )}</li>`,
    )}</ul>`,
  );
}

/**
 * The chart's switch: one button per indicator the player could see (pressed: the one the canvas draws), the
 * chosen indicator's thresholds in words, the key events the canvas marks, and the table of every figure.
 */
function chartSection(model: DebriefModel, send: Send): TemplateResult {
  const { chart } = model;
  const visible = chart.series.filter((s) => s.history !== null);
  const series = chart.series.find((s) => s.id === chart.selected);
  const lines = series?.thresholds.map((line) => line.text).join(t('debrief.semicolon'));
  const showing = series
    ? lines
      ? t('debrief.showingLines', { label: series.label, lines })
      : t('debrief.showing', { label: series.label })
    : '';
  return block(
    t('debrief.chart'),
    'debrief-chart',
    html`<div class="chart-switch" role="group" aria-label=${t('debrief.chartSwitch')}>${visible.map(
      // The flow sets the model's chosen indicator; the canvas and this panel both redraw from it.
      (s) =>
        html`<button class="button chart-switch__button" type="button" aria-pressed=${String(s.id === chart.selected)}
          data-indicator=${s.id} @click=${() => send({ type: 'show-indicator', indicatorId: s.id })}>${s.label}</button>`,
    )}</div>`,
    html`<p class="chart-showing" aria-live="polite">${showing}</p>`,
    chart.historicalNote !== ''
      ? html`<p class="hint chart-historical">${chart.historicalNote}</p>`
      : nothing,
    chart.markers.length > 0
      ? html`<h3>${t('debrief.markers')}</h3><ol class="marker-list">${chart.markers.map(
          (m) => html`<li><span class="why__when">${m.date}</span><span>${m.headline}</span></li>`,
        )}</ol>`
      : nothing,
    indicatorTable(model),
  );
}

const pathColumns = () => [t('debrief.colDate'), t('debrief.colYours'), t('debrief.colReal')] as const;

function pathRow(row: DebriefModel['history'][number]): TemplateResult {
  const [date, yours, real] = pathColumns();
  return html`<tr><td data-label=${date}><strong class="path__date">${row.date}</strong><span
    class="path__title">${row.title}</span></td><td class=${row.yours === null ? 'path__yours path__yours--none' : 'path__yours'}
    data-label=${yours}><span>${row.yoursText}</span>${
      // The reason is text the player typed: shown as text, in its own direction.
      row.reason !== undefined
        ? html`<span class="hint path__reason" data-reason="">${t('debrief.reason')}<bdi dir="auto">${row.reason}</bdi></span>`
        : nothing
    }${
      row.sameText
        ? html`<span class=${`path__same path__same--${row.same ? 'yes' : 'no'}`}>${row.sameText}</span>`
        : nothing
    }</td><td class=${row.real ? 'path__real' : 'path__real path__real--unreported'} data-label=${real}>${
      row.real ? cited(row.real, 'div') : html`<span>${row.realText}</span>`
    }</td></tr>${
      // What the sources say of the day as a whole (7 November: who launched the drones is unknown).
      row.context
        ? html`<tr class="path__context"><td colspan="3" data-label=${t('debrief.onDate', { date: row.date })}>${cited(row.context, 'div')}</td></tr>`
        : nothing
    }`;
}

/**
 * This game beside history, date by date: the turn's date, what the player chose, and what the real actor did on
 * that date (cited) or "Not reported in the sources". On a phone the rows stack, each cell naming its column.
 */
function historySection(model: DebriefModel): TemplateResult {
  return block(
    t('debrief.path'),
    'debrief-path',
    html`<table class="data-table path-table"><caption>${t('debrief.pathCaption')}</caption><thead><tr>${pathColumns().map(
      (column) => html`<th scope="col">${column}</th>`,
    )}</tr></thead><tbody>${model.history.map(pathRow)}</tbody></table>`,
  );
}

function outlooksSection(model: DebriefModel): TemplateResult {
  return block(
    t('debrief.outlooks'),
    'debrief-outlooks',
    html`<p class="hint">${model.outlooksNote}</p>`,
    html`<ul>${model.otherOutlooks.map(
      (o) =>
        html`<li><strong>${o.title.text}</strong><span class="hint">${
          o.origin ? t('debrief.originShort', { origin: o.origin }) : t('debrief.ownEnding')
        }</span>${passages(o.summary, 'div')}</li>`,
    )}</ul>`,
  );
}

function sourcesSection(model: DebriefModel): TemplateResult {
  return block(
    t('debrief.sources'),
    'debrief-sources',
    html`<ul class="source-list">${model.sources.map(
      (s) =>
        html`<li><cite>${s.title}</cite><span class="source-list__meta">${t('debrief.sourceMeta', { kind: s.kind, perspective: s.perspective, file: isolate(s.file) })}</span></li>`,
    )}</ul>`,
  );
}

export interface DebriefView extends ScreenView {
  update(next: DebriefModel): void;
}

/** A part a page other than the solo game puts in the debrief: a template, or an element it keeps. */
export type DebriefPart = TemplateResult | HTMLElement;

/** What a page other than the solo game adds to the debrief, or puts in place of the solo game's parts. */
export interface DebriefOptions {
  /** After the ending's summary: pass-and-play's players, each one's goals, and whose debrief this is. */
  lead?: DebriefPart | null;
  /**
   * The last entries of the menu, in place of the solo game's link to replay the game saved on this device (a game
   * played elsewhere, pass-and-play say, is not that one); an empty list leaves no replay entry.
   */
  review?: readonly DebriefPart[];
  /** The words of the button that leaves the debrief, where it leads elsewhere than the title. */
  leave?: string;
  /**
   * Whether the menu offers "Play again" and the button that leaves (default: yes); a classroom seat has neither,
   * as the facilitator leads from there.
   */
  gameButtons?: boolean;
}

/** The solo game's review entry: the game just played is the one saved on this device. */
function savedReplayEntry(): TemplateResult {
  // The replay opens it turn by turn, and from any turn a "what if" plays on with other decisions.
  return html`<a class="button" href="/class.html?replay=saved" data-replay-link="">${t('debrief.replay')}</a>`;
}

/** The debrief's last entries: play again, leave, review the game; no list at all where there is none. */
function menu(send: Send, options: DebriefOptions): TemplateResult | typeof nothing {
  const review = options.review ?? [savedReplayEntry()];
  const withButtons = options.gameButtons !== false;
  if (!withButtons && review.length === 0) return nothing;
  const gameButtons = !withButtons
    ? nothing
    : html`<li><button class="button button--primary" type="button" data-intent="new-game"
          @click=${() => send({ type: 'new-game' })}>${t('debrief.playAgain')}</button></li><li><button class="button" type="button"
          data-intent="quit-to-title" @click=${() => send({ type: 'quit-to-title' })}>${
            options.leave ?? t('debrief.backToTitle')
          }</button></li>`;
  return html`<ul class="menu-list">${gameButtons}${review.map((entry) => html`<li class="debrief-replay">${entry}</li>`)}</ul>`;
}

function debriefTemplate(model: DebriefModel, send: Send, options: DebriefOptions): TemplateResult {
  return html`<p class="eyebrow">${t('debrief.eyebrow', { name: model.actor.name.text })}</p><h1 tabindex="-1">${
    model.outcome ? t('debrief.outcome', { title: model.outcome.title.text }) : t('debrief.heading')
  }</h1>${model.outcome ? passages(model.outcome.summary) : nothing}${options.lead ?? nothing}${whySection(
    model,
  )}${dealsSection(model)}${goalsSection(model)}${chartSection(model, send)}${historySection(model)}${outlooksSection(
    model,
  )}${sourcesSection(model)}${menu(send, options)}`;
}

export function debriefView(model: DebriefModel, send: Send, options: DebriefOptions = {}): DebriefView {
  const element = document.createElement('section');
  element.className = 'view view--debrief';
  const update = (next: DebriefModel) => render(debriefTemplate(next, send, options), element);
  update(model);
  return { scene: 'debrief', element, heading: element.querySelector('h1') as HTMLElement, update };
}
