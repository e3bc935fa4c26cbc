// The public picture, as every player may see it: the turn, who has decided (never what), the latest public news
// and the indicators the public may see. Shared by pass-and-play's hand-overs and the replay's public view. The
// news at first sight are the reading presenter's few headlines, the others one tap away (a turn can bring 19).
import { turnDate } from '../../present/cite.ts';
import type { Lookup } from '../../present/lookup.ts';
import { newsOfTurn } from '../../present/news.presenter.ts';
import { publicHeadlines } from '../../present/reading.presenter.ts';
import type { NewsItem } from '../../present/screens.ts';
import type { PublicView } from '../../session/pass-and-play-rules.ts';
import { h } from '../dom.ts';

export function publicPart(picture: PublicView, lookup: Lookup): HTMLElement[] {
  const lastTurn = Math.max(-1, ...picture.journal.map((j) => j.turn));
  const news = publicHeadlines(newsOfTurn(picture, lookup, lastTurn));
  return [
    h('p', {
      class: 'eyebrow',
      text: `Turn ${picture.turn.index + 1} of ${picture.turn.count} · ${turnDate(picture.turn)}`,
    }),
    h('p', { text: picture.turn.title.text }),
    ...(picture.decided.length > 0
      ? [
          h('p', {
            text: `Decided this turn: ${picture.decided.map((a) => lookup.actorName(a)).join(', ')}.`,
          }),
        ]
      : []),
    h('h2', { text: 'Public news' }),
    headlineList(news.shown),
    ...(news.more === null
      ? []
      : [
          h(
            'details',
            { class: 'more public-news-more' },
            h('summary', { text: news.more }),
            headlineList(news.rest),
          ),
        ]),
    h('h2', { text: 'What the public can see' }),
    h(
      'ul',
      {},
      ...picture.indicators
        .filter((i) => i.value !== null)
        .map((i) => h('li', { text: `${i.label.text}: ${i.value}` })),
    ),
  ];
}

function headlineList(items: readonly NewsItem[]): HTMLElement {
  return h(
    'ul',
    {},
    ...items.map((item) =>
      h(
        'li',
        { text: item.headline.text },
        item.counterfactual && h('span', { class: 'badge', text: ' did not happen in history' }),
      ),
    ),
  );
}
