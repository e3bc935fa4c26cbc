/**
 * The debrief in HTML: the outcome and why this game reached it, the player's goals met or not, the
 * indicators over the turns (a switch picks the one the canvas draws; a table holds every figure, and the model's
 * historical path), this game beside history date by date, the other outlooks, and the sources.
 */
import type { Send } from '../../present/intents.ts';
import type { DebriefModel } from '../../present/screens.ts';
import { h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { citedBlock, citedPassages, section } from './cited.ts';

function indicatorTable(model: DebriefModel): HTMLElement {
  return h(
    'div',
    {
      class: 'table-scroll',
      attrs: { tabindex: 0, role: 'region', 'aria-label': 'Indicators over the turns (table)' },
    },
    h(
      'table',
      { class: 'data-table' },
      h('caption', {
        text: 'Each indicator at the start and at the end of every turn, and its historical path in the model',
      }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'col' }, text: 'Indicator' }),
          ...model.chart.dates.map((d) => h('th', { attrs: { scope: 'col' }, text: d })),
        ),
      ),
      h(
        'tbody',
        {},
        ...model.indicators.flatMap((row) => {
          const line = (label: string, values: number[] | null, className = '') =>
            h(
              'tr',
              { class: className },
              h('th', { attrs: { scope: 'row' }, text: label }),
              // A dash after the end of a game that ended before the other path did.
              ...model.chart.dates.map((_, i) =>
                h('td', { text: values ? String(values[i] ?? '—') : 'unknown' }),
              ),
            );
          // The model's historical path of the indicator, beside this game's, where the chart has it.
          const historical = model.chart.series.find((s) => s.id === row.id)?.historical ?? null;
          return [
            line(row.label, row.history),
            historical &&
              line(
                `${row.label}: ${model.chart.historicalLabel.toLowerCase()}`,
                historical,
                'row--historical',
              ),
          ].filter((r): r is HTMLTableRowElement => r instanceof HTMLTableRowElement);
        }),
      ),
    ),
  );
}

function whySection(model: DebriefModel): HTMLElement {
  const { why } = model;
  return section(
    'Why this ending',
    'debrief-why',
    h('p', { text: why.lead }),
    h('ul', { class: 'deciding-list' }, ...why.deciding.map((d) => h('li', { text: d.text }))),
    h('h3', { text: 'What moved them there' }),
    why.chain.length > 0
      ? h(
          'ol',
          { class: 'why-list' },
          ...why.chain.map((c) =>
            h(
              'li',
              {},
              h('span', { class: 'why__when', text: `${c.date} · ${c.kind}` }),
              h('strong', { class: 'why__what', text: c.text }),
              h('span', { class: 'why__effects', text: c.effects }),
            ),
          ),
        )
      : h('p', {
          text: 'The record shows no single decision or event you could see that moved them towards this ending.',
        }),
    model.outcome &&
      h('h3', { text: model.outcome.origin ? 'This outlook in the source' : 'About this ending' }),
    model.outcome?.origin ? h('p', { class: 'hint', text: `This ending is ${model.outcome.origin}.` }) : null,
    ...(model.outcome?.debrief ?? []).map((passage) => citedBlock(passage)),
  );
}

function goalsSection(model: DebriefModel): HTMLElement {
  return section(
    'Your goals',
    'debrief-goals',
    h(
      'ul',
      { class: 'goal-list' },
      ...model.goals.map((g) =>
        h(
          'li',
          { class: `goal goal--${g.met === null ? 'unknown' : g.met ? 'met' : 'missed'}` },
          h('strong', { text: g.label }),
          h('span', { class: 'goal__want', text: ` (${g.wantText}): ` }),
          h('span', { class: 'goal__result', text: g.text }),
          citedBlock(g.why, 'div', 'goal__why'),
        ),
      ),
    ),
  );
}

/**
 * The chart's switch: one button per indicator the player could see (pressed: the one the canvas draws), the
 * chosen indicator's thresholds in words, the key events the canvas marks, and the table of every figure.
 */
/** The chart's switch and its key events; `update` shows the indicator the flow has since chosen. */
function chartSection(
  model: DebriefModel,
  send: Send,
): { element: HTMLElement; update: (next: DebriefModel) => void } {
  const { chart } = model;
  const visible = chart.series.filter((s) => s.history !== null);
  const showing = h('p', { class: 'chart-showing', attrs: { 'aria-live': 'polite' } });
  const describe = (id: string) => {
    const series = chart.series.find((s) => s.id === id);
    const lines = series?.thresholds.map((t) => t.text).join('; ');
    showing.textContent = series ? `The chart shows ${series.label}${lines ? ` (${lines})` : ''}.` : '';
  };
  const buttons = visible.map((s) =>
    h('button', {
      class: 'button chart-switch__button',
      attrs: {
        type: 'button',
        'aria-pressed': s.id === chart.selected ? 'true' : 'false',
        'data-indicator': s.id,
      },
      text: s.label,
      // The flow sets the model's chosen indicator; the canvas and this panel both redraw from it.
      on: { click: () => send({ type: 'show-indicator', indicatorId: s.id }) },
    }),
  );
  const show = (selected: string) => {
    for (const b of buttons) {
      b.setAttribute('aria-pressed', b.getAttribute('data-indicator') === selected ? 'true' : 'false');
    }
    describe(selected);
  };
  show(chart.selected);
  const element = section(
    'The indicators over the turns',
    'debrief-chart',
    h(
      'div',
      { class: 'chart-switch', attrs: { role: 'group', 'aria-label': 'Indicator on the chart' } },
      ...buttons,
    ),
    showing,
    chart.historicalNote !== '' && h('p', { class: 'hint chart-historical', text: chart.historicalNote }),
    chart.markers.length > 0 && h('h3', { text: 'Key events on the chart' }),
    chart.markers.length > 0 &&
      h(
        'ol',
        { class: 'marker-list' },
        ...chart.markers.map((m) =>
          h('li', {}, h('span', { class: 'why__when', text: m.date }), h('span', { text: m.headline })),
        ),
      ),
    indicatorTable(model),
  );
  return { element, update: (next) => show(next.chart.selected) };
}

/**
 * This game beside history, date by date: the turn's date, what the player chose, and what the real actor did on
 * that date (cited) or "Not reported in the sources". On a phone the rows stack, each cell naming its column.
 */
function historySection(model: DebriefModel): HTMLElement {
  const columns = ['Date', 'Your choice', 'What the real actor did'];
  return section(
    'This game beside history',
    'debrief-path',
    h(
      'table',
      { class: 'data-table path-table' },
      h('caption', {
        text: 'What you chose on each turn’s date, and what the real actor did on that date according to the sources (cited), or that they do not report it',
      }),
      h('thead', {}, h('tr', {}, ...columns.map((t) => h('th', { attrs: { scope: 'col' }, text: t })))),
      h(
        'tbody',
        {},
        ...model.history.flatMap((row) => {
          const cells = [
            h(
              'td',
              { attrs: { 'data-label': columns[0]! } },
              h('strong', { class: 'path__date', text: row.date }),
              h('span', { class: 'path__title', text: row.title }),
            ),
            h(
              'td',
              {
                class: row.yours === null ? 'path__yours path__yours--none' : 'path__yours',
                attrs: { 'data-label': columns[1]! },
              },
              h('span', { text: row.yoursText }),
              row.sameText &&
                h('span', {
                  class: `path__same path__same--${row.same ? 'yes' : 'no'}`,
                  text: row.sameText,
                }),
            ),
            h(
              'td',
              {
                class: row.real ? 'path__real' : 'path__real path__real--unreported',
                attrs: { 'data-label': columns[2]! },
              },
              row.real ? citedBlock(row.real, 'div') : h('span', { text: row.realText }),
            ),
          ];
          const rows = [h('tr', {}, ...cells)];
          // What the sources say of the day as a whole (7 November: who launched the drones is unknown).
          if (row.context) {
            rows.push(
              h(
                'tr',
                { class: 'path__context' },
                h(
                  'td',
                  { attrs: { colspan: 3, 'data-label': `On ${row.date}` } },
                  citedBlock(row.context, 'div'),
                ),
              ),
            );
          }
          return rows;
        }),
      ),
    ),
  );
}

export interface DebriefView extends ScreenView {
  update(next: DebriefModel): void;
}

/** What a page other than the solo game adds to the debrief, or puts in place of the solo game's parts. */
export interface DebriefOptions {
  /** After the ending's summary: pass-and-play's players, each one's goals, and whose debrief this is. */
  lead?: HTMLElement | null;
  /**
   * The last entries of the menu, in place of the solo game's link to replay the game saved on this device (a game
   * played elsewhere, pass-and-play say, is not that one); an empty list leaves no replay entry.
   */
  review?: HTMLElement[];
  /** The words of the button that leaves the debrief, where it leads elsewhere than the title. */
  leave?: string;
}

/** The solo game's review entry: the game just played is the one saved on this device. */
function savedReplayEntry(): HTMLElement {
  // The replay opens it turn by turn, and from any turn a "what if" plays on with other decisions.
  return h('a', {
    class: 'button',
    attrs: { href: '/class.html?replay=saved', 'data-replay-link': '' },
    text: 'Replay this game turn by turn, or play on from a turn: what if?',
  });
}

export function debriefView(model: DebriefModel, send: Send, options: DebriefOptions = {}): DebriefView {
  const chart = chartSection(model, send);
  const review = options.review ?? [savedReplayEntry()];
  const heading = h('h1', { text: model.outcome ? `Outcome: ${model.outcome.title.text}` : 'Debrief' });
  const element = h(
    'section',
    { class: 'view view--debrief' },
    h('p', { class: 'eyebrow', text: `Debrief · ${model.actor.name.text}` }),
    heading,
    model.outcome && citedPassages(model.outcome.summary),
    options.lead ?? null,
    whySection(model),
    goalsSection(model),
    chart.element,
    historySection(model),
    section(
      'The other endings',
      'debrief-outlooks',
      h('p', { class: 'hint', text: model.outlooksNote }),
      h(
        'ul',
        {},
        ...model.otherOutlooks.map((o) =>
          h(
            'li',
            {},
            h('strong', { text: o.title.text }),
            h('span', { class: 'hint', text: o.origin ? ` (${o.origin})` : " (the game's own ending)" }),
            citedPassages(o.summary, 'div'),
          ),
        ),
      ),
    ),
    section(
      'Sources',
      'debrief-sources',
      h(
        'ul',
        { class: 'source-list' },
        ...model.sources.map((s) =>
          h(
            'li',
            {},
            h('cite', { text: s.title }),
            h('span', { class: 'source-list__meta', text: ` (${s.kind}; ${s.perspective}; file ${s.file})` }),
          ),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'menu-list' },
      h(
        'li',
        {},
        h('button', {
          class: 'button button--primary',
          attrs: { type: 'button', 'data-intent': 'new-game' },
          text: 'Play again',
          on: { click: () => send({ type: 'new-game' }) },
        }),
      ),
      h(
        'li',
        {},
        h('button', {
          class: 'button',
          attrs: { type: 'button', 'data-intent': 'quit-to-title' },
          text: options.leave ?? 'Back to the title',
          on: { click: () => send({ type: 'quit-to-title' }) },
        }),
      ),
      ...review.map((entry) => h('li', { class: 'debrief-replay' }, entry)),
    ),
  );
  return { scene: 'debrief', element, heading, update: chart.update };
}
