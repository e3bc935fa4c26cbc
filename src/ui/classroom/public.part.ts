// The public picture, as every player may see it: the turn, who has decided (never what), the latest public news
// and the indicators the public may see. Shared by pass-and-play's hand-overs and the replay's public view.
import { longDate } from '../../present/cite.ts';
import type { Lookup } from '../../present/lookup.ts';
import type { PublicView } from '../../session/pass-and-play-rules.ts';
import { h } from '../dom.ts';

export function publicPart(picture: PublicView, lookup: Lookup): HTMLElement[] {
  const lastTurn = Math.max(-1, ...picture.journal.map((j) => j.turn));
  return [
    h('p', {
      class: 'eyebrow',
      text: `Turn ${picture.turn.index + 1} of ${picture.turn.count} · ${longDate(picture.turn.date)}`,
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
    h(
      'ul',
      {},
      ...picture.journal
        .filter((j) => j.turn === lastTurn)
        .map((j) =>
          h(
            'li',
            { text: j.headline.text },
            j.counterfactual && h('span', { class: 'badge', text: ' did not happen in history' }),
          ),
        ),
    ),
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
