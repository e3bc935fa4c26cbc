/**
 * What the turn brought, as the player's actor learns it. At first sight only what the reading presenter keeps
 * (reading.presenter.ts: the turn's headlines that matter most, a short lede where words are left, the moves in one
 * line); every report in full and every indicator with its causes are one tap away, behind "All N reports".
 */
import type { Send } from '../../present/intents.ts';
import { type Headline, READING_TEXT, resolutionFirstSight } from '../../present/reading.presenter.ts';
import type { ResolutionModel } from '../../present/screens.ts';
import { h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { section } from './cited.ts';
import { indicatorList, moveLine, newsList } from './indicators.part.ts';

function headlineItem(line: Headline): HTMLElement {
  const { item } = line;
  return h(
    'li',
    { class: `headline news--${item.kind}`, dataset: { kind: item.kind } },
    h(
      'p',
      { class: 'news__meta' },
      h('span', { class: 'news__kind', text: line.kind }),
      ...line.badges.map((b) =>
        h('span', { class: b.startsWith('Exposed') ? 'badge badge--exposed' : 'badge', text: b }),
      ),
    ),
    h('h3', { class: 'news__headline', text: item.headline.text }),
    line.lede && h('p', { class: 'news__lede', text: line.lede }),
  );
}

export function resolutionView(model: ResolutionModel, send: Send): ScreenView {
  const sight = resolutionFirstSight(model);
  const heading = h('h1', { text: sight.heading });
  const next = () => send({ type: 'next' });
  const element = h(
    'section',
    { class: 'view view--resolution', dataset: { firstSightWords: String(sight.words) } },
    h('p', { class: 'eyebrow', text: sight.eyebrow }),
    heading,
    h('p', { class: 'turn-title', text: model.turn.title.text }),
    h('p', { text: sight.choice }),
    section(
      READING_TEXT.newsHeading,
      'resolution-news',
      sight.headlines.length > 0
        ? h('ul', { class: 'headline-list' }, ...sight.headlines.map(headlineItem))
        : h('p', { class: 'hint', text: READING_TEXT.noNews }),
    ),
    section(
      READING_TEXT.movesHeading,
      'resolution-moves',
      sight.moves.length > 0 ? moveLine(sight.moves) : h('p', { text: READING_TEXT.noMoves }),
    ),
    model.ended && h('p', { class: 'notice', text: READING_TEXT.ended }),
    h(
      'details',
      { class: 'more all-reports' },
      h('summary', { text: sight.all }),
      sight.ranked.length > 0 &&
        section('Every report of the turn', 'resolution-news-all', newsList(sight.ranked, '')),
      section(
        'How the indicators moved',
        'resolution-indicators',
        indicatorList(model.changes, { showMeaning: false }),
      ),
    ),
    h('button', {
      class: 'button button--primary',
      attrs: { type: 'button', 'data-intent': 'next' },
      text: sight.next,
      on: { click: next },
    }),
  );
  return {
    scene: 'resolution',
    element,
    heading,
    onEnter: () => {
      next();
      return true;
    },
  };
}
