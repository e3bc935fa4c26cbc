/** Perspective selection: each playable actor with its emblem, role and goals. Digits pick, Enter plays. */
import { emblemDataUri } from '../../present/emblems.ts';
import type { Send } from '../../present/intents.ts';
import type { ActorCard, PerspectiveModel } from '../../present/screens.ts';
import { h, svgImage } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { citedBlock } from './cited.ts';

export interface PerspectiveView extends ScreenView {
  update: (model: PerspectiveModel) => void;
}

/**
 * The goals, one line each so that all of them are in view with the list at 1280x720: the reason behind each one
 * opens under it (the briefing, next, gives them in full again).
 */
function goalList(actor: ActorCard, labels: Record<string, string>): HTMLElement {
  return h(
    'ul',
    { class: 'perspective-goals' },
    ...actor.goals.map((g) =>
      h(
        'li',
        {},
        h(
          'details',
          {},
          h(
            'summary',
            {},
            h('strong', { text: labels[g.indicator] ?? g.indicator }),
            g.want === 'high' ? ': you want it high' : ': you want it low',
          ),
          citedBlock(g.why, 'div', 'goal-why'),
        ),
      ),
    ),
  );
}

export function perspectiveView(model: PerspectiveModel, send: Send): PerspectiveView {
  const heading = h('h1', { text: 'Choose your perspective' });
  const buttons = new Map<string, HTMLButtonElement>();
  const list = h(
    'ol',
    { class: 'actor-list' },
    ...model.actors.map((actor, i) => {
      const button = h(
        'button',
        {
          class: 'button actor-card',
          attrs: { type: 'button', 'aria-pressed': 'false', 'data-actor': actor.id },
          on: { click: () => send({ type: 'pick-perspective', actorId: actor.id }) },
        },
        h('kbd', { class: 'key-badge', text: String(i + 1) }),
        svgImage(emblemDataUri(actor.emblem, 96), '', 36),
        h('span', { class: 'actor-card__name', text: actor.name.text }),
      );
      buttons.set(actor.id, button);
      return h('li', {}, button);
    }),
  );
  // The chosen actor's goals, then Play, then its role: the goals and Play stay above the fold at 1280x720.
  const details = h('div', { class: 'actor-details', attrs: { 'aria-live': 'polite' } });
  const role = h('div', { class: 'actor-role' });
  const play = h('button', {
    class: 'button button--primary',
    attrs: { type: 'button', 'data-intent': 'start-game' },
    on: { click: () => send({ type: 'start-game' }) },
  });
  const update = (m: PerspectiveModel) => {
    const chosen = m.actors.find((a) => a.id === m.selected) ?? null;
    for (const [id, button] of buttons) button.setAttribute('aria-pressed', String(id === m.selected));
    details.replaceChildren();
    role.replaceChildren();
    if (chosen) {
      // The name is on the pressed card and on Play: the goals come straight after the list.
      details.append(h('h2', { text: 'Your goals' }), goalList(chosen, m.indicatorLabels));
      role.append(h('h2', { text: `Your role: ${chosen.name.text}` }), citedBlock(chosen.role));
    } else {
      details.append(h('p', { class: 'hint', text: 'Pick an actor to read its role and goals.' }));
    }
    play.disabled = !chosen;
    play.textContent = chosen ? `Play as ${chosen.name.text}` : 'Play';
  };
  update(model);
  const element = h(
    'section',
    { class: 'view view--perspective' },
    heading,
    h(
      'p',
      { class: 'hint' },
      // The keys are said only where there is a keyboard to press them (styles.css hides them on a touch screen).
      h(
        'span',
        { class: 'keys-hint' },
        'Press ',
        h('kbd', { text: '1' }),
        '–',
        h('kbd', { text: String(model.actors.length) }),
        ' to pick, ',
        h('kbd', { text: 'Enter' }),
        ' to play. ',
      ),
      'The computer plays the other actors.',
    ),
    list,
    details,
    play,
    role,
  );
  return {
    scene: 'perspective',
    element,
    heading,
    update,
    onDigit: (digit) => {
      const actor = model.actors[digit - 1];
      if (actor) send({ type: 'pick-perspective', actorId: actor.id });
    },
    onEnter: () => {
      if (play.disabled) return false;
      send({ type: 'start-game' });
      return true;
    },
  };
}
