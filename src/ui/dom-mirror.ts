/**
 * The DOM mirror of the canvas (ScreenMirror, declared in src/present/screens.ts): it picks the HTML
 * view of each screen model and shows it in the DOM layer. The scenes reach it through their services,
 * so they never import the DOM layer, and it never imports the scenes.
 *
 * The title's and the loading screen's views are in the first download; the views of the game's screens are a lazy
 * chunk (screen-views.ts), which the game flow loads with the session, before any of those screens is shown.
 */
import type { Send } from '../present/intents.ts';
import type { ScreenMirror, ScreenModel, TitleModel } from '../present/screens.ts';
import type { DomLayer } from './dom-layer.ts';
import type { viewOf } from './screen-views.ts';
import { loadingView } from './views/loading.view.ts';
import { titleView } from './views/title.view.ts';

export class DomMirror implements ScreenMirror {
  private views: typeof viewOf | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly layer: DomLayer,
    private readonly send: Send,
    /** The views of the screens after the title: a lazy chunk, the one main.ts loads with the session. */
    private readonly screens: () => Promise<{ viewOf: typeof viewOf }>,
  ) {}

  loadScreens(): Promise<void> {
    this.loading ??= this.screens().then(
      (module) => {
        this.views = module.viewOf;
      },
      (error: unknown) => {
        // A chunk that did not arrive (a lost connection): the next New game asks again.
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  showScreen<M extends ScreenModel>(model: M): (next: M) => void {
    if (!this.views) throw new Error('the screens were shown before their views had loaded');
    const { view, update } = this.views(model, this.send);
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
