// The public picture, as every player may see it: the turn, who has decided (never what), the latest public news
// and the indicators the public may see. Shared by pass-and-play's hand-overs and the replay's public view. The
// news at first sight are the reading presenter's few headlines, the others one tap away (a turn can bring 19).
import { html, nothing, type TemplateResult } from 'lit-html';
import { turnDate } from '../../present/cite.ts';
import type { Lookup } from '../../present/lookup.ts';
import { newsOfTurn } from '../../present/news.presenter.ts';
import { publicHeadlines } from '../../present/reading.presenter.ts';
import type { NewsItem } from '../../present/screens.ts';
import type { PublicView } from '../../session/pass-and-play-rules.ts';

export function publicPart(picture: PublicView, lookup: Lookup): TemplateResult {
  const lastTurn = Math.max(-1, ...picture.journal.map((j) => j.turn));
  const news = publicHeadlines(newsOfTurn(picture, lookup, lastTurn));
  // The "more" news is a <details> whose `open` is never bound: a reader's open list stays open.
  return html`<p class="eyebrow">${`Turn ${picture.turn.index + 1} of ${picture.turn.count} · ${turnDate(picture.turn)}`}</p>
    <p>${picture.turn.title.text}</p>${
      picture.decided.length > 0
        ? html`<p>${`Decided this turn: ${picture.decided.map((a) => lookup.actorName(a)).join(', ')}.`}</p>`
        : nothing
    }
    <h2>Public news</h2>${headlineList(news.shown)}${
      news.more === null
        ? nothing
        : html`<details class="more public-news-more"><summary>${news.more}</summary>${headlineList(news.rest)}</details>`
    }
    <h2>What the public can see</h2>
    <ul>${picture.indicators
      .filter((i) => i.value !== null)
      .map((i) => html`<li>${`${i.label.text}: ${i.value}`}</li>`)}</ul>`;
}

function headlineList(items: readonly NewsItem[]): TemplateResult {
  return html`<ul>${items.map(
    (item) =>
      html`<li>${item.headline.text}${
        item.counterfactual ? html`<span class="badge"> did not happen in history</span>` : nothing
      }</li>`,
  )}</ul>`;
}
