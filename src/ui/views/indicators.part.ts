/** The indicator list shared by the situation room and the resolution: value or unknown, trend, causes. */
import { signed, toneWords, trendWords } from '../../present/indicators.presenter.ts';
import type { MoveGroup } from '../../present/reading.presenter.ts';
import type { IndicatorRow, NewsItem } from '../../present/screens.ts';
import { h } from '../dom.ts';
import { citedBlock, citeLine } from './cited.ts';

/** Beside the words, never instead of them; "=" for unchanged, as a square read as an empty checkbox. */
export const ARROWS = { up: '▲', down: '▼', steady: '=', unknown: '?' } as const;

export function indicatorList(rows: readonly IndicatorRow[], options: { showMeaning: boolean }): HTMLElement {
  return h(
    'ul',
    { class: 'indicator-list' },
    ...rows.map((row) =>
      h(
        'li',
        {
          class: `indicator indicator--${row.trend} indicator--${row.tone}`,
          dataset: { indicator: row.id, tone: row.tone },
        },
        h(
          'div',
          { class: 'indicator__head' },
          h('strong', { text: row.label }),
          h(
            'span',
            { class: 'indicator__value' },
            row.value === null ? 'unknown to you' : `${row.value} of ${row.max}`,
            ' ',
            h(
              'span',
              { class: 'indicator__trend' },
              h('span', { attrs: { 'aria-hidden': 'true' }, text: ARROWS[row.trend] }),
              ` ${trendWords(row)}`,
              row.tone !== 'neutral' && `, ${toneWords(row.tone)}`,
            ),
          ),
        ),
        row.value !== null &&
          h('meter', {
            attrs: {
              min: row.min,
              max: row.max,
              value: row.value,
              'aria-label': `${row.label}: ${row.value} of ${row.max}`,
            },
          }),
        row.want &&
          h('p', {
            class: 'indicator__want',
            text: row.want === 'high' ? 'You want it high.' : 'You want it low.',
          }),
        row.causes.length > 0 &&
          h(
            'ul',
            { class: 'cause-list', attrs: { 'aria-label': `What moved ${row.label}` } },
            ...row.causes.map((c) =>
              h('li', {}, h('span', { class: 'cause__delta', text: signed(c.delta) }), ` ${c.text}`),
            ),
          ),
        options.showMeaning &&
          h(
            'details',
            { class: 'indicator__meaning' },
            h('summary', { text: 'What it measures' }),
            citedBlock(row.meaning),
          ),
      ),
    ),
  );
}

export function newsList(items: readonly NewsItem[], empty: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'hint', text: empty });
  return h(
    'ul',
    { class: 'news-list' },
    ...items.map((item) =>
      h(
        'li',
        { class: `news news--${item.kind}`, dataset: { kind: item.kind } },
        h(
          'article',
          {},
          h(
            'p',
            { class: 'news__meta' },
            h('span', { class: 'news__kind', text: item.kindLabel }),
            item.speaker && ` · ${item.speaker}`,
            item.counterfactual && h('span', { class: 'badge', text: 'Did not happen in history' }),
            item.exposed && h('span', { class: 'badge badge--exposed', text: 'Exposed as misinformation' }),
          ),
          h('h3', { class: 'news__headline', text: item.headline.text }),
          item.body ? citedBlock(item.body) : h('p', {}, citeLine(item.headline)),
        ),
      ),
    ),
  );
}

/**
 * The moves of a turn in one compact line, grouped by what they mean for the player ("Bad for you: Street anger +3,
 * State authority −1. Good for you: …"): the words carry the tone, the colour and the arrow only repeat it.
 */
export function moveLine(groups: readonly MoveGroup[]): HTMLElement {
  return h(
    'p',
    { class: 'move-line' },
    ...groups.flatMap((g, i) => [
      i > 0 && ' ',
      h(
        'span',
        { class: `move-group move-group--${g.tone}` },
        h('strong', { text: `${g.label}:` }),
        ...g.moves.flatMap((m, j) => [
          ' ',
          h(
            'span',
            { class: 'move', dataset: { indicator: m.indicator } },
            h('span', { class: 'move__arrow', attrs: { 'aria-hidden': 'true' }, text: ARROWS[m.trend] }),
            ` ${m.text}`,
          ),
          j < g.moves.length - 1 ? ',' : '.',
        ]),
      ),
    ]),
  );
}
