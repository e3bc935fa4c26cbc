/** What the turn brought, as the player's actor learns it: the news, and the indicators with their causes. */
import type { Send } from '../../present/intents.ts';
import type { ResolutionModel } from '../../present/screens.ts';
import { h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { section } from './cited.ts';
import { indicatorList, newsList } from './indicators.part.ts';

export function resolutionView(model: ResolutionModel, send: Send): ScreenView {
  const heading = h('h1', { text: `What happened: ${model.turn.date}` });
  const label = model.ended ? 'See the outcome' : 'Next turn';
  const next = () => send({ type: 'next' });
  const element = h(
    'section',
    { class: 'view view--resolution' },
    h('p', {
      class: 'eyebrow',
      text: `Turn ${model.turn.index + 1} of ${model.turn.count} · ${model.actor.name.text}`,
    }),
    heading,
    h('p', { class: 'turn-title', text: model.turn.title.text }),
    h('p', { text: model.choice ? `You chose: ${model.choice}.` : 'You had no decision this turn.' }),
    section('What you learn', 'resolution-news', newsList(model.news, 'Nothing reaches you this turn.')),
    section(
      'How the indicators moved',
      'resolution-indicators',
      indicatorList(model.changes, { showMeaning: false }),
    ),
    model.ended && h('p', { class: 'notice', text: 'The crisis has reached an outcome.' }),
    h('button', {
      class: 'button button--primary',
      attrs: { type: 'button', 'data-intent': 'next' },
      text: label,
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
