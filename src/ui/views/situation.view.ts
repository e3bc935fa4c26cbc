/**
 * The situation room in HTML: the turn, the news, the indicators (value or "unknown", trend, causes),
 * what the player believes, and the decision. Digits pick an option, Enter confirms.
 */
import type { Send } from '../../present/intents.ts';
import type { SituationModel } from '../../present/screens.ts';
import { h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { citedBlock, section } from './cited.ts';
import { indicatorList, newsList } from './indicators.part.ts';

export interface SituationView extends ScreenView {
  update: (model: SituationModel) => void;
}

export function situationView(model: SituationModel, send: Send): SituationView {
  const { turn } = model;
  const heading = h('h1', { text: `Turn ${turn.index + 1} of ${turn.count}: ${turn.date}` });
  const optionButtons = new Map<string, HTMLButtonElement>();
  const confirm = h('button', {
    class: 'button button--primary',
    attrs: { type: 'button', 'data-intent': 'confirm-decision' },
    on: { click: () => send({ type: 'confirm-decision' }) },
  });

  let decisionBlock: HTMLElement;
  if (model.decision) {
    const list = h(
      'ol',
      { class: 'option-list' },
      ...model.decision.options.map((o) => {
        const button = h(
          'button',
          {
            class: 'button option',
            attrs: { type: 'button', 'aria-pressed': 'false', disabled: !o.open, 'data-option': o.id },
            on: { click: () => send({ type: 'select-option', optionId: o.id }) },
          },
          h('kbd', { text: String(o.key) }),
          h('span', { class: 'option__label', text: o.label }),
        );
        optionButtons.set(o.id, button);
        return h(
          'li',
          {},
          button,
          citedBlock(o.description, 'p', 'option__description'),
          !o.open && h('p', { class: 'hint', text: 'Not open to you now.' }),
        );
      }),
    );
    decisionBlock = section(
      'Your decision',
      'decision',
      citedBlock(model.decision.prompt, 'p', 'decision__prompt'),
      list,
      confirm,
    );
  } else {
    confirm.textContent = 'Continue: let the turn play out';
    decisionBlock = section(
      'Your decision',
      'decision',
      h('p', { text: 'You have no decision to make this turn.' }),
      confirm,
    );
  }

  const update = (m: SituationModel) => {
    if (!m.decision) return;
    const selected = m.decision.options.find((o) => o.id === m.decision?.selected) ?? null;
    for (const [id, button] of optionButtons)
      button.setAttribute('aria-pressed', String(id === selected?.id));
    confirm.disabled = !selected;
    confirm.textContent = selected ? `Confirm: ${selected.label}` : 'Pick an option to confirm';
  };
  update(model);

  const element = h(
    'section',
    { class: 'view view--situation' },
    h('p', { class: 'eyebrow', text: model.actor.name.text }),
    heading,
    h('p', { class: 'turn-title', text: turn.title.text }),
    citedBlock(turn.summary),
    h('p', {}, h('a', { class: 'skip-link', attrs: { href: '#decision' }, text: 'Jump to your decision' })),
    section(
      'News of the last turn',
      'news',
      newsList(model.news, 'No news yet: this is where the crisis begins.'),
    ),
    section(
      'Your advisers’ counsel',
      'counsel',
      model.counsel.length > 0
        ? h('ul', { class: 'counsel-list' }, ...model.counsel.map((c) => h('li', { text: c })))
        : h('p', { text: 'None of your goals slipped in the last turn.' }),
    ),
    section('Indicators', 'indicators', indicatorList(model.indicators, { showMeaning: true })),
    model.beliefs.length > 0 &&
      section(
        'What you believe',
        'beliefs',
        h(
          'ul',
          { class: 'belief-list' },
          ...model.beliefs.map((b) =>
            h('li', {}, citedBlock(b.statement, 'div'), h('p', { class: 'belief__status', text: b.status })),
          ),
        ),
      ),
    decisionBlock,
    model.earlier.length > 0 &&
      h(
        'details',
        { class: 'journal' },
        h('summary', { text: 'Earlier news' }),
        ...model.earlier.map((t) =>
          h('div', {}, h('h3', { text: `Turn ${t.turn + 1}` }), newsList(t.items, '')),
        ),
      ),
  );

  return {
    scene: 'situation',
    element,
    heading,
    update,
    onDigit: (digit) => {
      const option = model.decision?.options.find((o) => o.key === digit);
      if (option?.open) send({ type: 'select-option', optionId: option.id });
    },
    onEnter: () => {
      if (confirm.disabled) return false;
      send({ type: 'confirm-decision' });
      return true;
    },
  };
}
