/** The DOM mirror of the preload scene: a real <progress> that moves with the canvas bar. */
import { h } from '../dom.ts';
import type { ScreenView } from '../dom-layer.ts';

export interface LoadingView extends ScreenView {
  update: (fraction: number, what: string) => void;
}

export function loadingView(): LoadingView {
  const heading = h('h1', { text: 'Crisis Table is loading' });
  const progress = h('progress', { id: 'loading-progress', attrs: { max: 100, value: 0 } });
  const status = h('p', { class: 'hint', text: 'Preparing the situation room…' });
  const element = h(
    'section',
    { class: 'view view--loading' },
    heading,
    h('label', { class: 'visually-hidden', attrs: { for: 'loading-progress' }, text: 'Loading progress' }),
    progress,
    status,
  );
  return {
    scene: 'preload',
    element,
    heading,
    update(fraction, what) {
      progress.value = Math.round(fraction * 100);
      status.textContent = what;
    },
  };
}
