/**
 * What the turn brought, as the player's actor learns it. At first sight only what the reading presenter keeps
 * (reading.presenter.ts: the turn's headlines that matter most, a short lede where words are left, the moves in one
 * line); every report in full and every indicator with its causes are one tap away, behind "All N reports".
 * A template of its model, rendered into its element (drawn once: the screen has no later model).
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { t } from '../../present/i18n/i18n.ts';
import type { Send } from '../../present/intents.ts';
import { type Headline, READING_TEXT, resolutionFirstSight } from '../../present/reading.presenter.ts';
import type { ResolutionModel } from '../../present/screens.ts';
import type { ScreenView } from '../dom-layer.ts';
import { block } from './cited.ts';
import { indicatorList, moveLine, newsList } from './indicators.part.ts';

function headlineItem(line: Headline): TemplateResult {
  const { item } = line;
  return html`<li class=${`headline news--${item.kind}`} data-kind=${item.kind}><p class="news__meta"><span
    class="news__kind">${line.kind}</span>${line.badges.map(
      (b) => html`<span class=${b === t('news.exposed') ? 'badge badge--exposed' : 'badge'}>${b}</span>`,
    )}</p><h3 class="news__headline" dir="auto">${item.headline.text}</h3>${
      line.lede ? html`<p class="news__lede" dir="auto">${line.lede}</p>` : nothing
    }</li>`;
}

function resolutionTemplate(model: ResolutionModel, next: () => void): TemplateResult {
  const sight = resolutionFirstSight(model);
  return html`<p class="eyebrow">${sight.eyebrow}</p><h1 tabindex="-1">${sight.heading}</h1><p
    class="turn-title" dir="auto">${model.turn.title.text}</p><p>${sight.choice}</p>${block(
      READING_TEXT.newsHeading,
      'resolution-news',
      sight.headlines.length > 0
        ? html`<ul class="headline-list">${sight.headlines.map(headlineItem)}</ul>`
        : html`<p class="hint">${READING_TEXT.noNews}</p>`,
    )}${block(
      READING_TEXT.movesHeading,
      'resolution-moves',
      sight.moves.length > 0 ? moveLine(sight.moves) : html`<p>${READING_TEXT.noMoves}</p>`,
    )}${model.ended ? html`<p class="notice">${READING_TEXT.ended}</p>` : nothing}<details
    class="more all-reports"><summary>${sight.all}</summary>${
      sight.ranked.length > 0
        ? block(t('resolution.allReports'), 'resolution-news-all', newsList(sight.ranked, ''))
        : nothing
    }${block(
      t('resolution.indicatorsMoved'),
      'resolution-indicators',
      indicatorList(model.changes, { showMeaning: false }),
    )}</details><button class="button button--primary" type="button" data-intent="next"
    @click=${next}>${sight.next}</button>`;
}

export interface ResolutionView extends ScreenView {
  update: (model: ResolutionModel) => void;
}

export function resolutionView(model: ResolutionModel, send: Send): ResolutionView {
  const next = () => send({ type: 'next' });
  const element = document.createElement('section');
  element.className = 'view view--resolution';
  const update = (m: ResolutionModel) => {
    element.dataset.firstSightWords = String(resolutionFirstSight(m).words);
    render(resolutionTemplate(m, next), element);
  };
  update(model);
  return {
    scene: 'resolution',
    element,
    heading: element.querySelector('h1') as HTMLElement,
    update,
    onEnter: () => {
      next();
      return true;
    },
  };
}
