/**
 * The DOM mirror of the canvas (ScreenMirror, declared in src/present/screens.ts): it picks the HTML
 * view of each screen model and shows it in the DOM layer. The scenes reach it through their services,
 * so they never import the DOM layer, and it never imports the scenes.
 */
import type { Send } from '../present/intents.ts';
import type { ScreenMirror, ScreenModel, TitleModel } from '../present/screens.ts';
import type { DomLayer, ScreenView } from './dom-layer.ts';
import { briefingView } from './views/briefing.view.ts';
import { debriefView } from './views/debrief.view.ts';
import { loadingView } from './views/loading.view.ts';
import { perspectiveView } from './views/perspective.view.ts';
import { resolutionView } from './views/resolution.view.ts';
import { situationView } from './views/situation.view.ts';
import { titleView } from './views/title.view.ts';

type Shown = { view: ScreenView; update: (next: ScreenModel) => void };

/**
 * The view of a model, and how it re-renders: each later model of the same screen is rendered into the same
 * element, which patches the DOM in place (what the reader opened, the focus and the scroll stay).
 */
function viewOf(model: ScreenModel, send: Send): Shown {
  switch (model.kind) {
    case 'perspective': {
      const view = perspectiveView(model, send);
      return { view, update: (next) => next.kind === 'perspective' && view.update(next) };
    }
    case 'situation': {
      const view = situationView(model, send, undefined, true);
      return { view, update: (next) => next.kind === 'situation' && view.update(next) };
    }
    case 'briefing': {
      const view = briefingView(model, send);
      return { view, update: (next) => next.kind === 'briefing' && view.update(next) };
    }
    case 'resolution': {
      const view = resolutionView(model, send);
      return { view, update: (next) => next.kind === 'resolution' && view.update(next) };
    }
    case 'debrief': {
      const view = debriefView(model, send);
      return { view, update: (next) => next.kind === 'debrief' && view.update(next) };
    }
  }
}

export class DomMirror implements ScreenMirror {
  constructor(
    private readonly layer: DomLayer,
    private readonly send: Send,
  ) {}

  showScreen<M extends ScreenModel>(model: M): (next: M) => void {
    const { view, update } = viewOf(model, this.send);
    this.layer.show(view);
    return update;
  }

  showTitle(model: TitleModel): (next: TitleModel) => void {
    const view = titleView(model, this.send);
    this.layer.show(view);
    return view.update;
  }

  showLoading(): (fraction: number, what: string) => void {
    const view = loadingView();
    this.layer.show(view);
    return view.update;
  }

  markReady(scene: string): void {
    this.layer.markReady(scene);
  }
}
