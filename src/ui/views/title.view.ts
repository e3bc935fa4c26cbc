/**
 * The DOM mirror of the title scene: the scenarios to choose from (when the game bundles more than one), the menu
 * (continue, new game, settings, credits) and the chosen scenario.
 */
import { isolate, LANGUAGE_NAMES, LANGUAGES, language, t } from '../../present/i18n/i18n.ts';
import type { Intent, Send } from '../../present/intents.ts';
import type { TitleModel } from '../../present/screens.ts';
import { openConfirm } from '../dialogs/modal-dialog.ts';
import { append, h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';
import { addressIn } from '../i18n/language.ts';

export interface TitleView extends ScreenView {
  /** re-renders in place (the scenario arrives after the title shows), keeping focus on its button */
  update: (model: TitleModel) => void;
}

function scenarioBlock(model: TitleModel): HTMLElement {
  if (model.scenario) {
    return h(
      'div',
      { class: 'title__scenario' },
      h('p', { class: 'eyebrow', text: t('title.scenario') }),
      h('h2', { text: model.scenario.title }),
      h('p', { text: model.scenario.summary }),
    );
  }
  const text = model.scenarioFailed ? t('title.scenarioFailed') : t('title.scenarioLoading');
  return h(
    'div',
    { class: 'title__scenario', attrs: { 'aria-busy': !model.scenarioFailed } },
    h('p', { class: 'hint', text }),
  );
}

/** Names the saved game once the scenario has loaded and the save could be read; plain otherwise. */
function continueLabel(model: TitleModel): string {
  return model.saved
    ? t('title.continueAs', { role: isolate(model.saved.role), turn: model.saved.turn })
    : t('title.continue');
}

/** A new game replaces the one saved (one slot per scenario): ask first, saying which game would be lost. */
function newGame(model: TitleModel, send: Send): void {
  if (!model.hasSave) {
    send({ type: 'new-game' });
    return;
  }
  const text = model.saved
    ? t('title.replaceTextAs', { role: isolate(model.saved.role), turn: model.saved.turn })
    : t('title.replaceText');
  openConfirm({
    id: 'new-game-dialog',
    title: t('title.replaceTitle'),
    text,
    confirm: t('title.replaceConfirm'),
    onConfirm: () => send({ type: 'new-game' }),
  });
}

/** The scenarios by title, the chosen one pressed; nothing when there is only one (the menu plays it). */
function picker(model: TitleModel, send: Send): HTMLElement | false {
  const scenarios = model.scenarios ?? [];
  if (scenarios.length < 2) return false;
  return h(
    'section',
    { class: 'title__picker', attrs: { 'aria-labelledby': 'title-picker-heading' } },
    h('h2', { id: 'title-picker-heading', class: 'eyebrow', text: t('title.choose') }),
    h(
      'ul',
      { class: 'menu-list' },
      ...scenarios.map((s) =>
        h(
          'li',
          {},
          h('button', {
            class: 'button',
            attrs: {
              type: 'button',
              'aria-pressed': String(s.id === model.chosen),
              'data-intent': 'pick-scenario',
              'data-scenario': s.id,
            },
            text: s.title,
            on: { click: () => send({ type: 'pick-scenario', scenarioId: s.id }) },
          }),
        ),
      ),
    ),
  );
}

function menu(model: TitleModel, send: Send): HTMLElement {
  const item = (
    text: string,
    intent: Intent,
    primary: boolean,
    disabled = false,
    act: () => void = () => send(intent),
  ) =>
    h(
      'li',
      {},
      h('button', {
        class: primary ? 'button button--primary' : 'button',
        attrs: { type: 'button', disabled, 'data-intent': intent.type },
        text,
        on: { click: act },
      }),
    );
  // Enabled while the scenario still loads: the flow waits for it. Only a failed load disables them.
  const canStart = !model.scenarioFailed;
  return h(
    'nav',
    { attrs: { 'aria-label': t('title.menu') } },
    h(
      'ul',
      { class: 'menu-list' },
      model.hasSave && item(continueLabel(model), { type: 'continue' }, true, !canStart),
      item(t('title.newGame'), { type: 'new-game' }, !model.hasSave, !canStart, () => newGame(model, send)),
      // Ways to play with others: pages of their own, reached as links (the classroom page needs no game flow).
      // A game on this device plays the scenario chosen here, when there was a choice.
      link(t('title.pass'), withChoice(model, '/class.html?pass')),
      link(t('title.class'), '/class.html'),
      link(t('title.replay'), withChoice(model, '/class.html?replay')),
      link(t('title.pack'), withChoice(model, '/class.html?pack')),
      item(t('title.settings'), { type: 'open-settings' }, false),
      item(t('title.credits'), { type: 'open-credits' }, false),
      ...otherLanguages(),
    ),
  );
}

/**
 * The game in each other language, named in that language: a link to this page with `?lang=`, which is remembered
 * as the device's choice (the settings offer the same choice).
 */
function otherLanguages(): HTMLElement[] {
  return LANGUAGES.filter((l) => l !== language()).map((l) =>
    h(
      'li',
      {},
      h('a', {
        class: 'button button--quiet',
        attrs: { href: addressIn(l), hreflang: l, lang: l, 'data-language': l },
        text: LANGUAGE_NAMES[l],
      }),
    ),
  );
}

/** The link with the chosen scenario's id (…&scenario=id) when the picker offers a choice; as it was otherwise. */
function withChoice(model: TitleModel, href: string): string {
  const choice = (model.scenarios?.length ?? 0) > 1 ? model.chosen : undefined;
  return choice ? `${href}&scenario=${encodeURIComponent(choice)}` : href;
}

function link(text: string, href: string): HTMLElement {
  return h('li', {}, h('a', { class: 'button', attrs: { href, 'data-link': href }, text }));
}

export function titleView(model: TitleModel, send: Send): TitleView {
  // The canvas draws the logo; the heading carries the same words for assistive technology.
  const heading = h('h1', { class: 'visually-hidden', text: t('game.name') });
  const body = h('div', {});
  const render = (m: TitleModel) => {
    const active = document.activeElement?.closest('[data-intent]');
    const focused = active?.getAttribute('data-intent');
    const scenario = active?.getAttribute('data-scenario');
    body.replaceChildren();
    append(body, [
      h('p', {
        class: 'title__tagline',
        text: t('title.tagline'),
      }),
      m.notice && h('p', { class: 'notice', attrs: { role: 'alert' }, text: m.notice }),
      // The menu before the scenario's summary, so that every button is in view without scrolling; the choice of
      // scenario, when there is one, before the menu that plays it.
      picker(m, send),
      menu(m, send),
      scenarioBlock(m),
    ]);
    const selector = scenario
      ? `[data-scenario="${CSS.escape(scenario)}"]`
      : focused && `[data-intent="${focused}"]`;
    if (selector) body.querySelector<HTMLElement>(selector)?.focus();
  };
  render(model);
  return {
    scene: 'title',
    element: h('section', { class: 'view view--title' }, heading, body),
    heading,
    update: render,
  };
}
