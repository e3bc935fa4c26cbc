// The public picture, as every player may see it: the turn, who has decided (never what), the latest public news
// and the indicators the public may see. Shared by pass-and-play's hand-overs and the replay's public view. The
// news at first sight are the reading presenter's few headlines, the others one tap away (a turn can bring 19).
import { html, nothing, type TemplateResult } from 'lit-html';
import { turnDate } from '../../present/cite.ts';
import { t } from '../../present/i18n/i18n.ts';
import type { Lookup } from '../../present/lookup.ts';
import { newsOfTurn } from '../../present/news.presenter.ts';
import { publicHeadlines } from '../../present/reading.presenter.ts';
import type { NewsItem } from '../../present/screens.ts';
import type { PublicView } from '../../session/pass-and-play-rules.ts';

export function publicPart(picture: PublicView, lookup: Lookup): TemplateResult {
  const lastTurn = Math.max(-1, ...picture.journal.map((j) => j.turn));
  const news = publicHeadlines(newsOfTurn(picture, lookup, lastTurn));
  // The "more" news is a <details> whose `open` is never bound: a reader's open list stays open.
  return html`<p class="eyebrow">${t('situation.canvasHeading', {
    turn: picture.turn.index + 1,
    total: picture.turn.count,
    date: turnDate(picture.turn),
  })}</p>
    <p dir="auto">${picture.turn.title.text}</p>${
      picture.decided.length > 0
        ? html`<p>${t('public.decided', { actors: picture.decided.map((a) => lookup.actorName(a)).join(t('debrief.comma')) })}</p>`
        : nothing
    }
    <h2>${t('public.news')}</h2>${headlineList(news.shown)}${
      news.more === null
        ? nothing
        : html`<details class="more public-news-more"><summary>${news.more}</summary>${headlineList(news.rest)}</details>`
    }
    <h2>${t('public.indicators')}</h2>
    <ul>${picture.indicators
      .filter((i) => i.value !== null)
      .map(
        (i) => html`<li>${t('public.indicator', { label: i.label.text, value: i.value ?? 0 })}</li>`,
      )}</ul>`;
}

function headlineList(items: readonly NewsItem[]): TemplateResult {
  return html`<ul>${items.map(
    (item) =>
      html`<li><span dir="auto">${item.headline.text}</span>${
        item.counterfactual ? html` <span class="badge">${t('news.counterfactual')}</span>` : nothing
      }</li>`,
  )}</ul>`;
}
