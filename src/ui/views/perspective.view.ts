/**
 * Perspective selection: each playable actor with its emblem, role and goals. Digits pick, Enter plays. A template
 * of its model, rendered again into the same element on each pick.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { emblemDataUri } from '../../present/emblems.ts';
import { t } from '../../present/i18n/i18n.ts';
import type { Send } from '../../present/intents.ts';
import type { ActorCard, PerspectiveModel } from '../../present/screens.ts';
import type { ScreenView } from '../dom-layer.ts';
import { cited } from './cited.ts';

export interface PerspectiveView extends ScreenView {
  update: (model: PerspectiveModel) => void;
}

/**
 * The goals, one line each so that all of them are in view with the list at 1280x720: the reason behind each one
 * opens under it (the briefing, next, gives them in full again).
 */
function goalList(actor: ActorCard, labels: Record<string, string>): TemplateResult {
  return html`<ul class="perspective-goals">${actor.goals.map(
    (g) =>
      html`<li><details><summary><strong>${labels[g.indicator] ?? g.indicator}</strong>${
        g.want === 'high' ? t('perspective.wantHigh') : t('perspective.wantLow')
      }</summary>${cited(g.why, 'div', 'goal-why')}</details></li>`,
  )}</ul>`;
}

function perspectiveTemplate(model: PerspectiveModel, send: Send): TemplateResult {
  const chosen = model.actors.find((a) => a.id === model.selected) ?? null;
  // The chosen actor's goals, then Play, then its role: the goals and Play stay above the fold at 1280x720. Keyed by
  // the actor, so that another pick starts with its goals' reasons closed.
  return html`<h1 tabindex="-1">${t('perspective.heading')}</h1><p class="hint"><span class="keys-hint">${t(
    'perspective.keysPress',
  )}<kbd>1</kbd>–<kbd>${String(model.actors.length)}</kbd>${t('perspective.keysPick')}<kbd>Enter</kbd>${t(
    'perspective.keysPlay',
  )}</span>${t('perspective.computer')}</p><ol
    class="actor-list">${model.actors.map(
      (actor, i) =>
        html`<li><button class="button actor-card" type="button" aria-pressed=${String(actor.id === model.selected)}
          data-actor=${actor.id} @click=${() => send({ type: 'pick-perspective', actorId: actor.id })}><kbd
          class="key-badge">${String(i + 1)}</kbd><img src=${emblemDataUri(actor.emblem, 96)} alt="" width="36"
          height="36" decoding="async"><span class="actor-card__name">${actor.name.text}</span></button></li>`,
    )}</ol><div class="actor-details" aria-live="polite">${
      chosen
        ? keyed(chosen.id, html`<h2>${t('perspective.goals')}</h2>${goalList(chosen, model.indicatorLabels)}`)
        : html`<p class="hint">${t('perspective.pickHint')}</p>`
    }</div><button class="button button--primary" type="button" data-intent="start-game" ?disabled=${!chosen}
    @click=${() => send({ type: 'start-game' })}>${chosen ? t('perspective.playAs', { name: chosen.name.text }) : t('perspective.play')}</button><div
    class="actor-role">${
      chosen
        ? html`<h2>${t('perspective.role', { name: chosen.name.text })}</h2>${cited(chosen.role)}`
        : nothing
    }</div>`;
}

export function perspectiveView(model: PerspectiveModel, send: Send): PerspectiveView {
  const element = document.createElement('section');
  element.className = 'view view--perspective';
  let current = model;
  const update = (m: PerspectiveModel) => {
    current = m;
    render(perspectiveTemplate(m, send), element);
  };
  update(model);
  return {
    scene: 'perspective',
    element,
    heading: element.querySelector('h1') as HTMLElement,
    update,
    onDigit: (digit) => {
      const actor = current.actors[digit - 1];
      if (actor) send({ type: 'pick-perspective', actorId: actor.id });
    },
    onEnter: () => {
      if (!current.actors.some((a) => a.id === current.selected)) return false;
      send({ type: 'start-game' });
      return true;
    },
  };
}
