/** The briefing from the chosen perspective: who you are, what you want, your red lines, the first turn. */
import { emblemDataUri } from '../../present/emblems.ts';
import type { Send } from '../../present/intents.ts';
import type { BriefingModel } from '../../present/screens.ts';
import { h, svgImage } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { citedBlock, section } from './cited.ts';

export function briefingView(model: BriefingModel, send: Send): ScreenView {
  const { actor } = model;
  const heading = h('h1', { text: `Briefing: ${actor.name.text}` });
  const next = () => send({ type: 'next' });
  const element = h(
    'section',
    { class: 'view view--briefing' },
    h('div', { class: 'view__head' }, svgImage(emblemDataUri(actor.emblem, 128), '', 64), heading),
    citedBlock(actor.role),
    model.briefing && section('Your situation', 'briefing-text', citedBlock(model.briefing)),
    section(
      'Your goals',
      'briefing-goals',
      h(
        'ul',
        { class: 'goal-list' },
        ...actor.goals.map((g) =>
          h(
            'li',
            {},
            h('strong', { text: `${model.indicatorLabels[g.indicator] ?? g.indicator}: ` }),
            g.want === 'high' ? 'keep it high. ' : 'keep it low. ',
            citedBlock(g.why, 'div', 'goal-why'),
          ),
        ),
      ),
    ),
    model.redLines.length > 0 &&
      section(
        'Your red lines',
        'briefing-red-lines',
        h('ul', {}, ...model.redLines.map((r) => h('li', {}, citedBlock(r, 'div')))),
      ),
    section(
      `The first turn: ${model.turn.date}`,
      'briefing-turn',
      h('p', { class: 'turn-title', text: model.turn.title.text }),
      citedBlock(model.turn.summary),
      model.turn.history &&
        h(
          'div',
          { class: 'turn-history' },
          h('p', {
            text: 'What history records for this date has not happened in your game (or not yet). In history:',
          }),
          citedBlock(model.turn.history.summary),
        ),
    ),
    h('button', {
      class: 'button button--primary',
      attrs: { type: 'button', 'data-intent': 'next' },
      text: 'Enter the situation room',
      on: { click: next },
    }),
  );
  return {
    scene: 'briefing',
    element,
    heading,
    onEnter: () => {
      next();
      return true;
    },
  };
}
