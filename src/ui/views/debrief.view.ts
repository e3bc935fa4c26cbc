/**
 * The debrief in HTML: the outcome and why, the indicators over the turns (a table: the canvas draws
 * the chart), the player's path beside the historical one, the other outlooks, and the sources.
 */
import type { Send } from '../../present/intents.ts';
import type { DebriefModel } from '../../present/screens.ts';
import { h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { citedBlock, section } from './cited.ts';

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
      h('caption', { text: 'Each indicator at the start and at the end of every turn' }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'col' }, text: 'Indicator' }),
          ...model.dates.map((d) => h('th', { attrs: { scope: 'col' }, text: d })),
        ),
      ),
      h(
        'tbody',
        {},
        ...model.indicators.map((row) =>
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' }, text: row.label }),
            ...model.dates.map((_, i) =>
              h('td', { text: row.history ? String(row.history[i] ?? '') : 'unknown' }),
            ),
          ),
        ),
      ),
    ),
  );
}

export function debriefView(model: DebriefModel, send: Send): ScreenView {
  const heading = h('h1', { text: model.outcome ? `Outcome: ${model.outcome.title.text}` : 'Debrief' });
  const element = h(
    'section',
    { class: 'view view--debrief' },
    h('p', { class: 'eyebrow', text: `Debrief · ${model.actor.name.text}` }),
    heading,
    model.outcome && citedBlock(model.outcome.summary),
    model.outcome && section('Why', 'debrief-why', citedBlock(model.outcome.debrief)),
    section(
      'What moved the crisis most',
      'debrief-causes',
      h('p', {
        class: 'hint',
        text: 'The decisions and events you could see, by how much they moved the indicators over the game.',
      }),
      h(
        'ol',
        { class: 'why-list' },
        ...model.why.map((w) =>
          h(
            'li',
            {},
            h('strong', { text: w.text }),
            h('span', { class: 'why__effects', text: ` — ${w.effects}` }),
          ),
        ),
      ),
    ),
    section('The indicators over the turns', 'debrief-chart', indicatorTable(model)),
    section(
      'Your path beside history',
      'debrief-path',
      h(
        'div',
        { class: 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': 'Your path (table)' } },
        h(
          'table',
          { class: 'data-table' },
          h('caption', { text: 'Your choice each turn, and whether the real actor did the same' }),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Date', 'Turn', 'Your choice', 'As in history?'].map((t) =>
                h('th', { attrs: { scope: 'col' }, text: t }),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...model.path.map((p) =>
              h(
                'tr',
                {},
                h('td', { text: p.date }),
                h('td', { text: p.title }),
                h('td', { text: p.yours ?? 'no decision' }),
                h('td', {
                  text: p.yours === null ? '—' : p.historical ? 'Yes: as in history' : 'No: your own course',
                }),
              ),
            ),
          ),
        ),
      ),
      h('h3', { text: 'What the real actor did, per the sources' }),
      h(
        'ul',
        {},
        ...model.historicalOptions.map((o) =>
          h('li', {}, h('strong', { text: o.label }), citedBlock(o.description, 'div')),
        ),
      ),
    ),
    section(
      'The other outlooks',
      'debrief-outlooks',
      h('p', {
        class: 'hint',
        text: 'The outlooks come from one think-tank analysis (003): an argument, not the truth.',
      }),
      h(
        'ul',
        {},
        ...model.otherOutlooks.map((o) =>
          h('li', {}, h('strong', { text: o.title.text }), citedBlock(o.summary, 'div')),
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
          text: 'Back to the title',
          on: { click: () => send({ type: 'quit-to-title' }) },
        }),
      ),
    ),
  );
  return { scene: 'debrief', element, heading };
}
