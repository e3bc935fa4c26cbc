/**
 * The situation room in HTML. At first sight (the region marked data-first-sight) only what a lesson has
 * time to read (reading.presenter.ts keeps the count): the turn's situation, the options as their short labels,
 * and what changed. An option's full text, and why a closed one is closed, are one tap away (its "+" button);
 * everything else (the news again, every indicator with its breakdown, what the player believes, the sources)
 * waits behind one disclosure, closed by default. Digits pick an option, Enter confirms.
 */
import { emblemDataUri } from '../../present/emblems.ts';
import type { Send } from '../../present/intents.ts';
import { mapLegend } from '../../present/places.ts';
import {
  READING_TEXT,
  type SituationFirstSight,
  situationFirstSight,
} from '../../present/reading.presenter.ts';
import type { OptionRow, SituationModel } from '../../present/screens.ts';
import { h, svgImage } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { citedBlock, citeLine, section } from './cited.ts';
import { indicatorList, moveLine, newsList } from './indicators.part.ts';

export interface SituationView extends ScreenView {
  update: (model: SituationModel) => void;
}

/** Only digits 1–9 pick an option (the DOM layer's keys), so a badge above 9 would promise a key that does nothing. */
const MAX_KEY = 9;

/**
 * Where what history records for this date has not (or not yet) happened in this game: said plainly, and the
 * history given as history, behind a disclosure so that the first sight stays short.
 */
function historyBlock(model: SituationModel, sight: SituationFirstSight): HTMLElement | false {
  const history = model.turn.history;
  if (!history || !sight.history) return false;
  return h(
    'details',
    { class: 'turn-history' },
    h('summary', { text: sight.history }),
    h('p', { class: 'turn-title', text: history.title.text }),
    citedBlock(history.summary),
  );
}

/**
 * The warning that the game may end early: the presenter's sentence on the nearest ending checked every turn,
 * shown at first sight because the player has this one decision to step back; any other near ending is under
 * "More" (the first sight has a word limit).
 */
function warningBlock(model: SituationModel): HTMLElement | false {
  const [nearest] = model.warnings ?? [];
  if (!nearest) return false;
  return h(
    'div',
    { class: 'notice ending-warning', attrs: { role: 'note', 'aria-label': 'Near an early ending' } },
    h('p', { class: 'ending-warning__text', text: nearest.text }),
  );
}

/** What moved in the last turn: the advisers' notes on the largest slips, then the other moves in one line. */
function changeList(sight: SituationFirstSight): HTMLElement {
  if (sight.still) return h('p', { text: sight.still });
  return h(
    'div',
    {},
    sight.counsel.length > 0 &&
      h(
        'ul',
        { class: 'counsel-list', attrs: { 'aria-label': 'Your advisers’ counsel' } },
        ...sight.counsel.map((c) =>
          h(
            'li',
            { class: 'change change--bad', dataset: { indicator: c.indicator } },
            h('span', { class: 'change__arrow', attrs: { 'aria-hidden': 'true' }, text: '!' }),
            ` ${c.text}`,
          ),
        ),
      ),
    sight.moves.length > 0 && moveLine(sight.moves),
  );
}

/**
 * One option at first sight: its label (a button that picks it), "Closed" when it is, and a "+" that opens its full
 * text, and for a closed one why, in place: one tap, never a cut sentence.
 */
function optionItem(o: OptionRow, pick: HTMLButtonElement): HTMLElement {
  const aboutId = `option-about-${o.id}`;
  const about = h(
    'div',
    { id: aboutId, class: 'option__about' },
    citedBlock(o.description, 'p', 'option__text'),
    !o.open && h('p', { class: 'hint option__closed', text: `Closed — ${o.closed}.` }),
  );
  about.hidden = true;
  const toggle = h('button', {
    class: 'button option__toggle',
    attrs: {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': aboutId,
      'aria-label': `About “${o.label}”`,
    },
    text: '+',
    on: {
      click: () => {
        about.hidden = !about.hidden;
        toggle.setAttribute('aria-expanded', String(!about.hidden));
        toggle.textContent = about.hidden ? '+' : '−';
      },
    },
  });
  return h(
    'li',
    { class: o.open ? 'option-item' : 'option-item option-item--closed' },
    h(
      'div',
      { class: 'option__row' },
      pick,
      !o.open && h('span', { class: 'option__state', text: READING_TEXT.closed }),
      toggle,
    ),
    about,
  );
}

export function situationView(model: SituationModel, send: Send): SituationView {
  const { turn } = model;
  const sight = situationFirstSight(model);
  const heading = h('h1', { text: sight.heading });
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
            on: {
              click: () => send({ type: 'select-option', optionId: o.id }),
              // Enter on the option already picked confirms it: picking it again would do nothing.
              keydown: (event) => {
                if (event.key !== 'Enter' || button.getAttribute('aria-pressed') !== 'true') return;
                if (confirm.disabled) return;
                event.preventDefault();
                send({ type: 'confirm-decision' });
              },
            },
          },
          o.key <= MAX_KEY && h('kbd', { class: 'key-badge', text: String(o.key) }),
          h('span', { class: 'option__label', text: o.label }),
        );
        optionButtons.set(o.id, button);
        return optionItem(o, button);
      }),
    );
    decisionBlock = section(
      READING_TEXT.decisionHeading,
      'decision',
      // The prompt ("what does your government do this turn?") only repeats the heading: it is under "More".
      list,
      confirm,
    );
  } else {
    confirm.textContent = 'Continue: let the turn play out';
    decisionBlock = section(
      READING_TEXT.decisionHeading,
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
    confirm.textContent = situationFirstSight(m).confirm;
  };
  update(model);

  const firstSight = h(
    'div',
    { class: 'first-sight', attrs: { 'data-first-sight': '' } },
    h('p', { class: 'eyebrow', text: model.actor.name.text }),
    heading,
    h('p', { class: 'turn-title', text: turn.title.text }),
    h('p', { class: 'turn-summary', text: turn.summary.text }),
    historyBlock(model, sight),
    warningBlock(model),
    // The decision before what changed: on a phone the first option shows without scrolling, and in the solo game
    // the "What happened" screen has just shown the moves.
    decisionBlock,
    section(READING_TEXT.changedHeading, 'changes', changeList(sight)),
  );

  const more = h(
    'details',
    { class: 'more' },
    h('summary', { text: READING_TEXT.more }),
    section(
      'News of the last turn',
      'news',
      newsList(model.news, 'No news yet: this is where the crisis begins.'),
    ),
    (model.warnings ?? []).length > 1 &&
      section(
        'Other endings near',
        'other-endings-near',
        ...(model.warnings ?? [])
          .slice(1)
          .map((w) => h('p', { class: 'ending-warning__text', text: w.text })),
      ),
    model.places.length > 0 &&
      section(
        'The map’s emblems',
        'map-legend',
        h(
          'ul',
          { class: 'map-legend' },
          ...mapLegend(model.places).map((entry) =>
            h(
              'li',
              { class: 'map-legend__entry', dataset: { emblem: entry.emblem } },
              svgImage(emblemDataUri(entry.emblem, 64), '', 28),
              h(
                'div',
                {},
                h('strong', { text: entry.label }),
                ...entry.notes.map((note) => citedBlock(note, 'div', 'map-legend__note')),
              ),
            ),
          ),
        ),
      ),
    (model.mapThisTurn ?? []).length > 0 &&
      section(
        'Marked on the map: who acted in the last turn',
        'map-this-turn',
        h(
          'ul',
          { class: 'map-acted-list' },
          ...(model.mapThisTurn ?? []).map((m) =>
            h(
              'li',
              { class: 'map-acted' },
              `${m.label} (${m.count} ${m.count === 1 ? 'action or statement' : 'actions or statements'}): ${m.where}`,
            ),
          ),
        ),
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
            h(
              'li',
              {},
              citedBlock(b.statement, 'div'),
              h('p', { class: 'belief__status', text: b.status }),
              b.heard.length > 0 &&
                h(
                  'ul',
                  { class: 'belief__heard', attrs: { 'aria-label': 'What you heard about it' } },
                  ...b.heard.map((line) => h('li', { text: line })),
                ),
            ),
          ),
        ),
      ),
    model.decision &&
      section(
        'The options in full',
        'options-full',
        citedBlock(model.decision.prompt, 'p', 'decision__prompt'),
        h(
          'ol',
          { class: 'option-full-list' },
          ...model.decision.options.map((o) =>
            h(
              'li',
              {},
              h('h3', { class: 'option__label', text: o.label }),
              citedBlock(o.description, 'p', 'option__description'),
            ),
          ),
        ),
      ),
    section(
      'Where this turn comes from',
      'turn-sources',
      h('p', {}, 'The turn’s situation: ', citeLine(turn.summary)),
      turn.history && h('p', {}, 'In history, on this date: ', citeLine(turn.history.summary)),
    ),
    model.earlier.length > 0 &&
      section(
        'Earlier news',
        'earlier-news',
        ...model.earlier.map((t) =>
          h('div', {}, h('h3', { text: `Turn ${t.turn + 1}` }), newsList(t.items, '')),
        ),
      ),
  );

  const element = h(
    'section',
    { class: 'view view--situation', dataset: { firstSightWords: String(sight.words) } },
    firstSight,
    more,
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
