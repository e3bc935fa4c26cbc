/**
 * The briefing from the chosen perspective: who you are, what you want, your red lines, the first turn. A template
 * of its model, rendered into its element.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { emblemDataUri } from '../../present/emblems.ts';
import { t } from '../../present/i18n/i18n.ts';
import type { Send } from '../../present/intents.ts';
import type { BriefingModel } from '../../present/screens.ts';
import type { ScreenView } from '../dom-layer.ts';
import { block, cited } from './cited.ts';

function briefingTemplate(model: BriefingModel, next: () => void): TemplateResult {
  const { actor, turn } = model;
  return html`<div class="view__head"><img src=${emblemDataUri(actor.emblem, 128)} alt="" width="64" height="64"
    decoding="async"><h1 tabindex="-1">${t('briefing.heading', { name: actor.name.text })}</h1></div>${cited(actor.role)}${
      model.briefing ? block(t('briefing.situation'), 'briefing-text', cited(model.briefing)) : nothing
    }${block(
      t('briefing.goals'),
      'briefing-goals',
      html`<ul class="goal-list">${actor.goals.map(
        (g) =>
          html`<li><strong>${t('briefing.goalLabel', { indicator: model.indicatorLabels[g.indicator] ?? g.indicator })}</strong>${
            g.want === 'high' ? t('briefing.keepHigh') : t('briefing.keepLow')
          }${cited(g.why, 'div', 'goal-why')}</li>`,
      )}</ul>`,
    )}${
      model.redLines.length > 0
        ? block(
            t('briefing.redLines'),
            'briefing-red-lines',
            html`<ul>${model.redLines.map((r) => html`<li>${cited(r, 'div')}</li>`)}</ul>`,
          )
        : nothing
    }${block(
      t('briefing.firstTurn', { date: turn.date }),
      'briefing-turn',
      html`<p class="turn-title" dir="auto">${turn.title.text}</p>`,
      cited(turn.summary),
      turn.history
        ? html`<div class="turn-history"><p>${t('briefing.history')}</p>${cited(turn.history.summary)}</div>`
        : nothing,
    )}<button class="button button--primary" type="button" data-intent="next" @click=${next}>${t('briefing.enter')}</button>`;
}

export interface BriefingView extends ScreenView {
  update: (model: BriefingModel) => void;
}

export function briefingView(model: BriefingModel, send: Send): BriefingView {
  const next = () => send({ type: 'next' });
  const element = document.createElement('section');
  element.className = 'view view--briefing';
  const update = (m: BriefingModel) => render(briefingTemplate(m, next), element);
  update(model);
  return {
    scene: 'briefing',
    element,
    heading: element.querySelector('h1') as HTMLElement,
    update,
    onEnter: () => {
      next();
      return true;
    },
  };
}
