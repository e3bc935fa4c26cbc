/** The indicator list shared by the situation room and the resolution: value or unknown, trend, causes. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { t } from '../../present/i18n/i18n.ts';
import { signed, toneWords, trendWords } from '../../present/indicators.presenter.ts';
import type { MoveGroup } from '../../present/reading.presenter.ts';
import type { IndicatorRow, NewsItem } from '../../present/screens.ts';
import { cite, cited, originalDisclosure, translationNote } from './cited.ts';

/** Beside the words, never instead of them; "=" for unchanged, as a square read as an empty checkbox. */
export const ARROWS = { up: '▲', down: '▼', steady: '=', unknown: '?' } as const;

function indicatorItem(row: IndicatorRow, showMeaning: boolean): TemplateResult {
  return html`<li class=${`indicator indicator--${row.trend} indicator--${row.tone}`} data-indicator=${row.id}
    data-tone=${row.tone}>
    <div class="indicator__head"><strong>${row.label}</strong><span class="indicator__value">${
      row.value === null
        ? t('indicator.unknownToYou')
        : t('indicator.valueOf', { value: row.value, max: row.max })
    } <span class="indicator__trend"><span aria-hidden="true">${ARROWS[row.trend]}</span>${` ${trendWords(row)}`}${
      row.tone !== 'neutral' ? `, ${toneWords(row.tone)}` : nothing
    }</span></span></div>
    ${
      row.value !== null
        ? html`<meter min=${row.min} max=${row.max} value=${row.value}
            aria-label=${t('indicator.meterLabel', { label: row.label, value: row.value, max: row.max })}></meter>`
        : nothing
    }
    ${
      row.want
        ? html`<p class="indicator__want">${row.want === 'high' ? t('indicator.wantHigh') : t('indicator.wantLow')}</p>`
        : nothing
    }
    ${
      row.causes.length > 0
        ? html`<ul class="cause-list" aria-label=${t('indicator.whatMoved', { label: row.label })}>${row.causes.map(
            (c) => html`<li><span class="cause__delta">${signed(c.delta)}</span>${` ${c.text}`}</li>`,
          )}</ul>`
        : nothing
    }
    ${
      // Not bound to the model: a reader's open "What it measures" stays open through every update.
      showMeaning
        ? html`<details class="indicator__meaning"><summary>${t('indicator.measures')}</summary>${cited(row.meaning)}</details>`
        : nothing
    }
  </li>`;
}

/** Keyed by indicator, so that an open "What it measures" stays with its indicator. */
export function indicatorList(
  rows: readonly IndicatorRow[],
  options: { showMeaning: boolean },
): TemplateResult {
  return html`<ul class="indicator-list">${repeat(
    rows,
    (row) => row.id,
    (row) => indicatorItem(row, options.showMeaning),
  )}</ul>`;
}

/**
 * A headline that quotes its source in translation says so under its item, as a text does (cited.ts); once, where
 * the body below it already says it.
 */
function headlineTranslation(item: NewsItem): TemplateResult | typeof nothing {
  if (item.body && translationNote([item.body]) !== nothing) return nothing;
  return html`${translationNote([item.headline])}${originalDisclosure([item.headline])}`;
}

function newsItem(item: NewsItem): TemplateResult {
  return html`<li class=${`news news--${item.kind}`} data-kind=${item.kind}><article>
    <p class="news__meta"><span class="news__kind">${item.kindLabel}</span>${item.speaker ? ` · ${item.speaker}` : nothing}${
      item.counterfactual ? html`<span class="badge">${t('news.counterfactual')}</span>` : nothing
    }${item.exposed ? html`<span class="badge badge--exposed">${t('news.exposed')}</span>` : nothing}</p>
    <h3 class="news__headline" dir="auto">${item.headline.text}</h3>
    ${item.body ? cited(item.body) : html`<p>${cite(item.headline)}</p>`}${headlineTranslation(item)}
  </article></li>`;
}

export function newsList(items: readonly NewsItem[], empty: string): TemplateResult {
  if (items.length === 0) return html`<p class="hint">${empty}</p>`;
  return html`<ul class="news-list">${items.map(newsItem)}</ul>`;
}

/**
 * The moves of a turn in one compact line, grouped by what they mean for the player ("Bad for you: Street anger +3,
 * State authority −1. Good for you: …"): the words carry the tone, the colour and the arrow only repeat it.
 */
export function moveLine(groups: readonly MoveGroup[]): TemplateResult {
  return html`<p class="move-line">${groups.map(
    (g, i) =>
      html`${i > 0 ? ' ' : nothing}<span class=${`move-group move-group--${g.tone}`}><strong>${`${g.label}:`}</strong>${g.moves.map(
        (m, j) =>
          html` <span class="move" data-indicator=${m.indicator}><span class="move__arrow" aria-hidden="true">${ARROWS[m.trend]}</span>${` ${m.text}`}</span>${j < g.moves.length - 1 ? t('indicator.listComma') : t('indicator.listEnd')}`,
      )}</span>`,
  )}</p>`;
}
