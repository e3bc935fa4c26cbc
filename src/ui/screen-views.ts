/**
 * The HTML views of the game's screens after the title (perspective to debrief), by model: a lazy chunk that
 * DomMirror loads with the session, so the first download holds only the title's and the loading screen's views.
 */
import type { Send } from '../present/intents.ts';
import type { ScreenModel } from '../present/screens.ts';
import type { ScreenView } from './dom-layer.ts';
import { briefingView } from './views/briefing.view.ts';
import { debriefView } from './views/debrief.view.ts';
import { perspectiveView } from './views/perspective.view.ts';
import { resolutionView } from './views/resolution.view.ts';
import { situationView } from './views/situation.view.ts';

export type Shown = { view: ScreenView; update: (next: ScreenModel) => void };

/**
 * The view of a model, and how it re-renders: each later model of the same screen is rendered into the same
 * element, which patches the DOM in place (what the reader opened, the focus and the scroll stay).
 */
export function viewOf(model: ScreenModel, send: Send): Shown {
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
