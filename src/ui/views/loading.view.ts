/** The DOM mirror of the preload scene: a real <progress> that moves with the canvas bar, as a template. */
import { html, render, type TemplateResult } from 'lit-html';
import { t } from '../../present/i18n/i18n.ts';
import type { ScreenView } from '../dom-layer.ts';

export interface LoadingView extends ScreenView {
  update: (fraction: number, what: string) => void;
}

function loadingTemplate(percent: number, what: string): TemplateResult {
  return html`<h1 tabindex="-1">${t('loading.heading')}</h1><label class="visually-hidden"
    for="loading-progress">${t('loading.progress')}</label><progress id="loading-progress" max="100"
    .value=${percent}></progress><p class="hint">${what}</p>`;
}

export function loadingView(): LoadingView {
  const element = document.createElement('section');
  element.className = 'view view--loading';
  const update = (fraction: number, what: string) =>
    render(loadingTemplate(Math.round(fraction * 100), what), element);
  update(0, t('loading.preparing'));
  return {
    scene: 'preload',
    element,
    heading: element.querySelector('h1') as HTMLElement,
    update,
  };
}
