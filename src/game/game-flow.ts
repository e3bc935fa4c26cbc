/**
 * The game flow: the one place that acts on intents. It moves between scenes, opens dialogs, drives
 * the simulation through a solo session, autosaves after every turn, and hands each scene its screen
 * model. Scenes and DOM views only render those models and send intents back.
 */
import type Phaser from 'phaser';
import type { AudioManager } from '../audio/audio-manager.ts';
import type { Mood } from '../audio/cues.ts';
import type { Scenario } from '../scenario/types.ts';
import { openCreditsDialog, type Reference, type SourceCredit } from '../ui/dialogs/credits.dialog.ts';
import { openMenuDialog } from '../ui/dialogs/menu.dialog.ts';
import { openSettingsDialog } from '../ui/dialogs/settings.dialog.ts';
import type { DomLayer } from '../ui/dom-layer.ts';
import type { SettingsStore } from '../ui/settings-store.ts';
import type { TitleModel } from '../ui/views/title.view.ts';
import type { Intent } from './intents.ts';
import { Observable } from './observable.ts';
import { debriefModel } from './presenters/debrief.presenter.ts';
import { Lookup } from './presenters/lookup.ts';
import { briefingModel, perspectiveModel } from './presenters/opening.presenter.ts';
import type { ScreenModel } from './presenters/screens.ts';
import { resolutionModel, situationModel } from './presenters/turn.presenter.ts';
import { SCENES, type SceneKey } from './scenes/scene-keys.ts';
import { saveSlot } from './session/save-slot.ts';
import type { SoloSession } from './session/solo-session.ts';

type SessionModule = typeof import('./session/session-module.ts');

export interface FlowDeps {
  ui: DomLayer;
  audio: AudioManager;
  settings: SettingsStore;
}

interface Loaded {
  module: SessionModule;
  scenario: Scenario;
  lookup: Lookup;
}

export class GameFlow {
  readonly title = new Observable<TitleModel>({
    scenario: null,
    scenarioFailed: false,
    hasSave: false,
    notice: null,
  });
  /** The model of the current scene (perspective to debrief); null on the title. */
  readonly screen = new Observable<ScreenModel | null>(null);
  private game: Phaser.Game | null = null;
  private loading: Promise<Loaded | null> | null = null;
  private session: SoloSession | null = null;
  private busy = false;

  constructor(private readonly deps: FlowDeps) {}

  attach(game: Phaser.Game): void {
    this.game = game;
  }

  showTitle(notice: string | null = null): void {
    this.screen.set(null);
    this.title.set({ ...this.title.value, hasSave: saveSlot.exists(), notice });
    this.start(SCENES.title);
  }

  /**
   * Loads the scenario and the simulation once (after the title is drawn: YAML, Zod and XState are
   * a lazy chunk). A scenario that fails to load is reported on the title in one sentence.
   */
  prepare(): Promise<Loaded | null> {
    this.loading ??= import('./session/session-module.ts').then((module) => {
      const result = module.loadBundledScenario();
      if (!result.ok) {
        console.warn(`scenario: ${result.problem}`);
        this.title.set({
          ...this.title.value,
          scenarioFailed: true,
          notice: 'The scenario could not be loaded.',
        });
        return null;
      }
      const { scenario } = result;
      this.title.set({
        ...this.title.value,
        scenario: { title: scenario.meta.title.text, summary: scenario.meta.summary.text },
      });
      return { module, scenario, lookup: new Lookup(scenario) };
    });
    return this.loading;
  }

  handle(intent: Intent): void {
    // Intents that change the game wait for the one before them (a double click confirms once);
    // the menu and the dialogs always open.
    const dialog =
      intent.type === 'open-menu' || intent.type === 'open-settings' || intent.type === 'open-credits';
    if (dialog) {
      void this.act(intent)?.catch((error: unknown) => this.fail(error));
      return;
    }
    if (this.busy) return;
    const done = this.act(intent);
    if (done) {
      this.busy = true;
      done
        .catch((error: unknown) => this.fail(error))
        .finally(() => {
          this.busy = false;
        });
    }
  }

  private act(intent: Intent): Promise<void> | undefined {
    const screen = this.screen.value;
    switch (intent.type) {
      case 'open-settings':
        openSettingsDialog(this.deps.settings);
        return;
      case 'open-credits':
        return this.openCredits();
      case 'open-menu':
        openMenuDialog({
          openSettings: () => this.handle({ type: 'open-settings' }),
          quitToTitle: screen ? () => this.handle({ type: 'quit-to-title' }) : undefined,
        });
        return;
      case 'quit-to-title':
        this.showTitle();
        return;
      case 'new-game':
        return this.newGame();
      case 'continue':
        return this.continueSaved();
      case 'pick-perspective':
        if (screen?.kind === 'perspective') {
          this.deps.audio.play('select');
          this.screen.set({ ...screen, selected: intent.actorId });
        }
        return;
      case 'start-game':
        if (screen?.kind === 'perspective' && screen.selected) return this.startGame(screen.selected);
        return;
      case 'select-option':
        if (screen?.kind === 'situation' && screen.decision) {
          this.deps.audio.play('select');
          this.screen.set({ ...screen, decision: { ...screen.decision, selected: intent.optionId } });
        }
        return;
      case 'confirm-decision':
        if (screen?.kind === 'situation')
          return this.playTurn(screen.decision ? screen.decision.selected : null);
        return;
      case 'next':
        return this.next();
      case 'show-debrief':
        return this.showDebrief();
    }
  }

  private async openCredits(): Promise<void> {
    const loaded = await this.prepare();
    const sources: SourceCredit[] | null = loaded
      ? loaded.scenario.meta.sources.map((s) => ({ ...s }))
      : null;
    const cite = (t: { source?: string | string[] | undefined; invention?: true | undefined }) =>
      t.invention ? 'invented for the game' : `source: ${[t.source ?? []].flat().join(', ')}`;
    const reference: Reference | null = loaded
      ? {
          people: loaded.scenario.people.map((p) => ({
            name: p.name,
            text: p.description.text,
            cite: cite(p.description),
          })),
          glossary: loaded.scenario.glossary.map((g) => ({
            name: g.term,
            text: g.definition.text,
            cite: cite(g.definition),
          })),
        }
      : null;
    openCreditsDialog(sources, reference);
  }

  private async newGame(): Promise<void> {
    const loaded = await this.prepare();
    if (!loaded) return;
    this.endSession();
    this.show(perspectiveModel(loaded.scenario, loaded.lookup, null));
  }

  private async startGame(actor: string): Promise<void> {
    const loaded = await this.prepare();
    if (!loaded) return;
    this.endSession();
    this.session = loaded.module.SoloSession.start(loaded.scenario, actor, seedFromQuery());
    this.autosave();
    this.show(briefingModel(this.session.view(), loaded.lookup));
  }

  private async continueSaved(): Promise<void> {
    const loaded = await this.prepare();
    const json = saveSlot.read();
    if (!loaded || !json) {
      this.showTitle(json ? null : 'There is no saved game to continue.');
      return;
    }
    this.endSession();
    try {
      this.session = loaded.module.SoloSession.restore(loaded.scenario, json);
    } catch (error) {
      // The simulation says what is wrong in one sentence; the broken save is removed so that the
      // title offers a new game instead of the same failure.
      saveSlot.clear();
      this.showTitle(`${sentence(error)} Start a new game.`);
      return;
    }
    if (this.session.ended) this.showDebriefNow(loaded);
    else this.showSituation(loaded, null);
  }

  private async playTurn(option: string | null): Promise<void> {
    const loaded = await this.prepare();
    const session = this.session;
    if (!loaded || !session) return;
    const before = session.view();
    if (before.decision && option === null) return;
    session.play(option);
    this.autosave();
    this.deps.audio.play('confirm');
    const model = resolutionModel(before, session.view(), loaded.lookup);
    this.show(model);
    if (model.news.length > 0) {
      this.deps.audio.play('news');
      this.deps.ui.announce(`${model.news.length} new: ${model.news.map((n) => n.headline.text).join('. ')}`);
    }
    this.setMood(model.mood);
  }

  private async next(): Promise<void> {
    const loaded = await this.prepare();
    const screen = this.screen.value;
    if (!loaded || !this.session) return;
    if (screen?.kind === 'resolution' && screen.ended) this.showDebriefNow(loaded);
    else this.showSituation(loaded, screen?.kind === 'briefing' ? null : 'turn');
  }

  private async showDebrief(): Promise<void> {
    const loaded = await this.prepare();
    if (loaded && this.session?.ended) this.showDebriefNow(loaded);
  }

  private showSituation(loaded: Loaded, sound: 'turn' | null): void {
    if (!this.session) return;
    const model = situationModel(this.session.view(), loaded.lookup, null);
    this.show(model);
    if (sound) this.deps.audio.play(sound);
    this.setMood(model.mood);
  }

  private showDebriefNow(loaded: Loaded): void {
    if (!this.session) return;
    this.show(debriefModel(this.session.view(), loaded.lookup));
    this.deps.audio.play('outcome');
  }

  private setMood(mood: Mood): void {
    const before = this.deps.audio.currentMood;
    this.deps.audio.setMood(mood);
    if (mood === 'critical' && before !== 'critical') this.deps.audio.play('alarm');
  }

  private show(model: ScreenModel): void {
    this.screen.set(model);
    this.start(SCENES[model.kind]);
  }

  private autosave(): void {
    if (this.session && !saveSlot.write(this.session.saveJson())) {
      this.deps.ui.announce('The game could not be saved in this browser; it goes on unsaved.');
    }
  }

  private endSession(): void {
    this.session?.stop();
    this.session = null;
  }

  private fail(error: unknown): void {
    // A rule the simulation refused (it says why in one sentence): back to the title, never a crash.
    console.warn('game flow:', error);
    this.endSession();
    this.showTitle(sentence(error));
  }

  protected start(key: SceneKey): void {
    const game = this.game;
    if (!game) return;
    for (const scene of game.scene.getScenes(true)) {
      if (scene.scene.key !== key) game.scene.stop(scene.scene.key);
    }
    game.scene.start(key);
  }
}

function sentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `?seed=42` replays a game exactly (tests, workshops); otherwise every game differs. */
function seedFromQuery(): number {
  const seed = Number(new URLSearchParams(window.location.search).get('seed'));
  return Number.isInteger(seed) && seed > 0 ? seed : Math.floor(Math.random() * 2 ** 31) + 1;
}
