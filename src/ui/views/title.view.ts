/**
 * The DOM mirror of the title scene: the scenarios to choose from (when the game bundles more than one), the menu
 * (continue, new game, settings, credits) and the chosen scenario.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { isolate, LANGUAGE_NAMES, LANGUAGES, language, t } from '../../present/i18n/i18n.ts';
import type { Intent, Send } from '../../present/intents.ts';
import type { TitleModel } from '../../present/screens.ts';
import type { ScreenView } from '../dom-layer.ts';
import { addressIn } from '../i18n/language.ts';

export interface TitleView extends ScreenView {
  /** re-renders in place (the scenario arrives after the title shows), keeping focus on its button */
  update: (model: TitleModel) => void;
}

function scenarioBlock(model: TitleModel): TemplateResult {
  if (model.scenario) {
    return html`<div class="title__scenario"><p class="eyebrow">${t('title.scenario')}</p><h2>${model.scenario.title}</h2><p>${model.scenario.summary}</p></div>`;
  }
  const text = model.scenarioFailed ? t('title.scenarioFailed') : t('title.scenarioLoading');
  return html`<div class="title__scenario" ?aria-busy=${!model.scenarioFailed}><p class="hint">${text}</p></div>`;
}

/** Names the saved game once the scenario has loaded and the save could be read; plain otherwise. */
function continueLabel(model: TitleModel): string {
  return model.saved
    ? t('title.continueAs', { role: isolate(model.saved.role), turn: savedTurn(model.saved) })
    : t('title.continue');
}

/** "3 of 10", or "3 of 10 (the game has ended)", in the player's language and digits. */
function savedTurn(saved: NonNullable<TitleModel['saved']>): string {
  const turn = { turn: saved.turn, total: saved.turns };
  return saved.ended ? t('title.savedTurnEnded', turn) : t('title.savedTurn', turn);
}

/** A new game replaces the one saved (one slot per scenario): ask first, saying which game would be lost. */
function newGame(model: TitleModel, send: Send): void {
  if (!model.hasSave) {
    send({ type: 'new-game' });
    return;
  }
  const text = model.saved
    ? t('title.replaceTextAs', { role: isolate(model.saved.role), turn: savedTurn(model.saved) })
    : t('title.replaceText');
  // The dialogs' code is a lazy chunk (issue 18): the first download need not hold it.
  void import('../dialogs/modal-dialog.ts').then(({ openConfirm }) =>
    openConfirm({
      id: 'new-game-dialog',
      title: t('title.replaceTitle'),
      text,
      confirm: t('title.replaceConfirm'),
      onConfirm: () => send({ type: 'new-game' }),
    }),
  );
}

/** The scenarios by title, the chosen one pressed; nothing when there is only one (the menu plays it). */
function picker(model: TitleModel, send: Send): TemplateResult | typeof nothing {
  const scenarios = model.scenarios ?? [];
  if (scenarios.length < 2) return nothing;
  return html`<section class="title__picker" aria-labelledby="title-picker-heading"><h2 id="title-picker-heading"
    class="eyebrow">${t('title.choose')}</h2><ul class="menu-list">${repeat(
      scenarios,
      (s) => s.id,
      (s) =>
        html`<li><button class="button" type="button" aria-pressed=${String(s.id === model.chosen)}
          data-intent="pick-scenario" data-scenario=${s.id}
          @click=${() => send({ type: 'pick-scenario', scenarioId: s.id })}>${s.title}</button></li>`,
    )}</ul></section>`;
}

function menu(model: TitleModel, send: Send): TemplateResult {
  const item = (
    text: string,
    intent: Intent,
    primary: boolean,
    disabled = false,
    act: () => void = () => send(intent),
  ) =>
    html`<li><button class=${primary ? 'button button--primary' : 'button'} type="button" ?disabled=${disabled}
      data-intent=${intent.type} @click=${act}>${text}</button></li>`;
  // Enabled while the scenario still loads: the flow waits for it. Only a failed load disables them.
  const canStart = !model.scenarioFailed;
  return html`<nav aria-label=${t('title.menu')}><ul class="menu-list">${
    model.hasSave ? item(continueLabel(model), { type: 'continue' }, true, !canStart) : nothing
  }${item(t('title.newGame'), { type: 'new-game' }, !model.hasSave, !canStart, () => newGame(model, send))}${
    // Ways to play with others: pages of their own, reached as links (the classroom page needs no game flow).
    // A game on this device plays the scenario chosen here, when there was a choice.
    link(t('title.pass'), withChoice(model, '/class.html?pass'))
  }${link(t('title.class'), '/class.html')}${link(t('title.replay'), withChoice(model, '/class.html?replay'))}${link(
    t('title.pack'),
    withChoice(model, '/class.html?pack'),
  )}${item(t('title.settings'), { type: 'open-settings' }, false)}${item(
    t('title.credits'),
    { type: 'open-credits' },
    false,
  )}${otherLanguages()}</ul></nav>`;
}

/**
 * The game in each other language, named in that language: a link to this page with `?lang=`, which is remembered
 * as the device's choice (the settings offer the same choice).
 */
function otherLanguages(): TemplateResult[] {
  return LANGUAGES.filter((l) => l !== language()).map(
    (l) =>
      html`<li><a class="button button--quiet" href=${addressIn(l)} hreflang=${l} lang=${l} data-language=${l}>${
        LANGUAGE_NAMES[l]
      }</a></li>`,
  );
}

/** The link with the chosen scenario's id (…&scenario=id) when the picker offers a choice; as it was otherwise. */
function withChoice(model: TitleModel, href: string): string {
  const choice = (model.scenarios?.length ?? 0) > 1 ? model.chosen : undefined;
  return choice ? `${href}&scenario=${encodeURIComponent(choice)}` : href;
}

function link(text: string, href: string): TemplateResult {
  return html`<li><a class="button" href=${href} data-link=${href}>${text}</a></li>`;
}

function titleTemplate(m: TitleModel, send: Send): TemplateResult {
  // The canvas draws the logo; the heading carries the same words for assistive technology. The menu before the
  // scenario's summary, so that every button is in view without scrolling; the choice of scenario, when there is
  // one, before the menu that plays it.
  return html`<h1 class="visually-hidden">${t('game.name')}</h1><div><p class="title__tagline">${t('title.tagline')}</p>${
    m.notice ? html`<p class="notice" role="alert">${m.notice}</p>` : nothing
  }${picker(m, send)}${menu(m, send)}${scenarioBlock(m)}</div>`;
}

export function titleView(model: TitleModel, send: Send): TitleView {
  const element = document.createElement('section');
  element.className = 'view view--title';
  // One template rendered into the same element on every model: its nodes stay, and so does focus.
  const update = (m: TitleModel) => render(titleTemplate(m, send), element);
  update(model);
  return {
    scene: 'title',
    element,
    heading: element.querySelector('h1') as HTMLElement,
    update,
  };
}
