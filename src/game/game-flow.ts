/**
 * The page's side of the solo game, the title's half: which scenario the title offers, its saved game, and the way
 * to New game. The solo session's half (solo-flow.ts: the session machine, its screens, sounds and save slot) comes
 * in the lazy chunk New game waits for (src/solo-play.ts), so that the first download does not carry it (issue 18).
 * It decides nothing about the game.
 */
import type Phaser from 'phaser';
import type { GameAudio } from '../audio/deferred-audio.ts';
import { language, t } from '../present/i18n/i18n.ts';
import type { Intent } from '../present/intents.ts';
import type { PageServices, ScreenMirror, ScreenModel, TitleModel } from '../present/screens.ts';
import type { Scenario } from '../scenario/types.ts';
import type { SoloSaveSummary } from '../session/solo-rules.ts';
import { Observable } from './observable.ts';
import { SCENES, type SceneKey } from './scenes/scene-keys.ts';
import { savedScenarioIds, saveSlotFor } from './session/save-slot.ts';
import { type BundledScenario, bundledById, type MapArt } from './session/scenario-registry.ts';
import type { ScreenKind, SoloFlow, SoloHost } from './solo-flow.ts';

type SessionModule = typeof import('./session/session-module.ts');
type Presenters = typeof import('./play-presenters.ts');

export interface FlowDeps {
  /** The DOM layer's dialogs and live region, wired in by main.ts. */
  page: PageServices;
  /**
   * The HTML of each screen (the DOM layer): the flow shows it itself when the screen changes, not the scene, so that
   * the title and New game's screen are up and take input before Phaser has started (issue 18, "the first screen
   * first"); the canvas draws the same screen once its scene runs.
   */
  mirror: ScreenMirror;
  audio: GameAudio;
  /**
   * Where saves are kept: the browser's localStorage, or nothing where it is disabled. Synchronous, so the flow
   * reads it only once `storageOpens` has resolved, or on the player's action (issue 18: no storage read before the
   * title is drawn).
   */
  storage: () => Storage | undefined;
  /** Resolves once the title is drawn: from then on the saves may be read (the title names the saved game). */
  titleDrawn: Promise<void>;
  /** Resolves at an idle moment after that (main.ts): the saves are read then, unless the scenario has come first. */
  storageOpens: Promise<void>;
  /** The scenarios the game bundles (scenario-registry.ts), in the order offered; at least one. */
  scenarios: readonly BundledScenario[];
  /** The scenes and views of the screens after the title (lazy chunks), loaded with the session; once. */
  loadScreens: () => Promise<void>;
  /** The session, the presenters and the solo half of the flow: a lazy chunk (src/solo-play.ts), the screens' too. */
  loadPlay: () => Promise<{
    session: SessionModule;
    presenters: Presenters;
    SoloFlow: typeof SoloFlow;
  }>;
}

export class GameFlow implements SoloHost {
  readonly title = new Observable<TitleModel>({
    scenario: null,
    scenarioFailed: false,
    hasSave: false,
    saved: null,
    notice: null,
  });
  /** The model of the current scene (perspective to debrief); null on the title. */
  readonly screen = new Observable<ScreenModel | null>(null);
  private game: Phaser.Game | null = null;
  private loading: Promise<SoloFlow | null> | null = null;
  /** The screen last shown: a scene starts only when this changes. */
  private current: ScreenKind = 'title';
  /** The HTML view shown for the current screen (its kind, and how it re-renders); null before the first. */
  private view: { kind: ScreenKind; update: (model: never) => void } | null = null;
  /** Whether the scenes after the title have joined the game (attach, scenesAdded): before, only the title's can start. */
  private playScenes = false;
  /** The scenario once loaded, and how to read a save of it: the title names the saved game's role and turn. */
  private saves: { scenario: Scenario; describe: (json: string | null) => SoloSaveSummary | null } | null =
    null;
  /**
   * The scenario the title's menu plays: the link's (?scenario=id) when the game bundles it, else the first that
   * has a saved game, else the first. The picker changes it.
   */
  private chosen: BundledScenario;
  /** The map of the scenario once loaded (null: it has none, and the scenes draw a plain placeholder). */
  private art: MapArt | null = null;
  /**
   * What the first title says: the id of a scenario a link named that the game does not bundle. Said when the title
   * is shown, once the page's strings have come (the flow is made before they have).
   */
  private linkMissing: string | null = null;
  /** Saves of scenarios the game does not bundle, already refused on this page: Continue no longer offers them. */
  private readonly refused = new Set<string>();
  /** Whether the saves may be read yet (FlowDeps.storageOpens): before, the title offers none. */
  private storageOpen = false;
  /** Whether the scenario was named by the link or picked: then a saved game does not choose it. */
  private named: boolean;
  /** New game was chosen before the saves were read: they are looked at before the game begins (keepUnseenSave). */
  private newUnchecked = false;
  /** Whether the title has been drawn once (FlowDeps.titleDrawn). */
  private drawn = false;
  /** What the title says of the chosen scenario once it has loaded (its title and summary); null before. */
  private loaded: TitleModel['scenario'] = null;

  constructor(private readonly deps: FlowDeps) {
    const wanted = new URLSearchParams(window.location.search).get('scenario');
    const linked = bundledById(deps.scenarios, wanted);
    this.named = linked !== undefined || deps.scenarios.length === 1;
    this.chosen = linked ?? deps.scenarios[0]!;
    void deps.titleDrawn.then(() => {
      this.drawn = true;
    });
    void deps.storageOpens.then(() => this.openStorage());
    if (wanted !== null && !linked) this.linkMissing = wanted;
    const offered =
      deps.scenarios.length > 1 ? deps.scenarios.map(({ id, title }) => ({ id, title })) : undefined;
    this.title.set({ ...this.title.value, scenarios: offered, chosen: this.chosen.id });
    // The HTML view follows its model, whether or not the canvas's scene runs yet.
    this.title.subscribe((model) => {
      if (this.view?.kind === 'title') (this.view.update as (m: TitleModel) => void)(model);
    });
    this.screen.subscribe((model) => {
      if (model && this.view?.kind === model.kind) (this.view.update as (m: ScreenModel) => void)(model);
    });
  }

  /**
   * The saves, once the title is drawn: the title offers the saved game, and, when neither the link nor the player
   * named a scenario, the first scenario with a saved game becomes the one the menu plays.
   */
  private openStorage(retitle = true): void {
    if (this.storageOpen) return;
    this.storageOpen = true;
    if (!this.named && this.current === 'title') {
      const saved = savedScenarioIds(this.deps.storage());
      const first = this.deps.scenarios.find((s) => saved.includes(s.id));
      if (first && first !== this.chosen) {
        this.choose(first);
        return;
      }
    }
    if (retitle) this.title.set({ ...this.title.value, ...this.saveOnTitle() });
  }

  /** The map the scenes draw: the loaded scenario's, or null before it has loaded or when it has none. */
  get map(): MapArt | null {
    return this.art;
  }

  /**
   * The Phaser game, once its code has come (main.ts): from then on the canvas draws the current screen too. The title's
   * scenes are in it; the later screens' once `scenesAdded` is called.
   */
  attach(game: Phaser.Game): void {
    this.game = game;
  }

  /** The scenes of the screens after the title have joined the game: the current screen's starts if it is one. */
  scenesAdded(): void {
    this.playScenes = true;
    if (this.current !== 'title') this.start(SCENES[this.current]);
  }

  /**
   * The language has come (main.ts), or the game's preload scene is done: the title's HTML is shown if no screen is yet,
   * and the canvas draws whichever screen is current (New game may have been chosen before Phaser started).
   */
  resume(): void {
    if (!this.view) {
      this.showTitle();
      return;
    }
    // The scene already running (started by the other of the two callers) is not started again: only the others stop.
    const key = SCENES[this.current];
    const game = this.game;
    if (!game || (key !== SCENES.title && !this.playScenes)) return;
    for (const scene of game.scene.getScenes(true)) {
      if (scene.scene.key !== key) game.scene.stop(scene.scene.key);
    }
    if (!game.scene.isActive(key)) game.scene.start(key);
  }

  showTitle(notice: string | null = null): void {
    this.current = 'title';
    this.screen.set(null);
    const missing = this.linkMissing;
    this.linkMissing = null;
    const said = notice ?? (missing === null ? null : t('title.scenarioNotIncluded', { id: missing }));
    this.title.set({ ...this.title.value, ...this.saveOnTitle(), scenario: this.loaded, notice: said });
    this.view = { kind: 'title', update: this.deps.mirror.showTitle(this.title.value) };
    this.start(SCENES.title);
  }

  /**
   * Loads the scenario, the session and the screens after the title once (lazy chunks, fetched beside the title's
   * start: main.ts asks at once), and starts the solo session. New game waits for this. A scenario that fails to
   * load is reported on the title in one sentence. `words`: the device's language, when its strings are still coming.
   */
  prepare(words: string = language()): Promise<SoloFlow | null> {
    const entry = this.chosen;
    // The scenario in the device's language (its words only: the record is the same in every language).
    this.loading ??= Promise.all([this.deps.loadPlay(), entry.load(words), this.deps.loadScreens()]).then(
      async ([{ session: module, presenters: present, SoloFlow }, result]) => {
        if (!result.ok) {
          await this.deps.titleDrawn;
          if (entry !== this.chosen) return null;
          console.warn(result.problem);
          this.title.set({
            ...this.title.value,
            ...this.saveOnTitle(),
            scenarioFailed: true,
            notice: t('title.scenarioNotLoaded', { title: entry.title }),
          });
          return null;
        }
        const { scenario } = result;
        // The session starts as soon as its files have come, before the title is drawn when they came first: New game
        // then acts on the title's first frame rather than after this work (issue 18). It reads no storage.
        const solo = new SoloFlow(this, module, present, scenario);
        // Another scenario was picked (or has a saved game) while this one loaded: the title is the other's now.
        if (entry !== this.chosen) {
          solo.stop();
          return null;
        }
        const shown = { title: scenario.meta.title.text, summary: scenario.meta.summary.text };
        this.art = result.art;
        // A save is described (its role and turn, on the title) by the compiled scenario: compiled only when there is
        // one to describe, so that New game does not wait for it (the session compiles its own).
        let c: ReturnType<typeof module.compileScenario> | null = null;
        const describe = (json: string | null) => {
          if (json === null) return null;
          c ??= module.compileScenario(scenario);
          return module.describeSoloSave(json, c);
        };
        this.saves = { scenario, describe };
        this.loaded = shown;
        if (this.current === 'title' && !this.title.value.scenario) {
          // Before the title is drawn, it is drawn with the scenario at once. Once it is up, the title says the scenario
          // a task later: a New game that waited for this is handled first, and the title it leaves is not drawn again
          // for nothing (issue 18).
          if (this.drawn) setTimeout(() => this.retitleScenario(shown), 0);
          else this.retitleScenario(shown);
        }
        return solo;
      },
    );
    return this.loading;
  }

  /**
   * The title says the scenario just loaded, and, when the saves have been read (the title is drawn and an idle moment
   * came before the scenario), names its saved game. The saves are not read otherwise: New game may be waiting for the
   * scenario, and a storage read blocks (issue 18: no synchronous storage read on the way to New game).
   */
  private retitleScenario(shown: NonNullable<TitleModel['scenario']>): void {
    if (this.current !== 'title' || this.title.value.scenario) return;
    this.title.set({ ...this.title.value, ...(this.storageOpen ? this.saveOnTitle() : {}), scenario: shown });
  }

  /**
   * The picker's choice, on the title only: the menu plays that scenario from now on, its save is the one offered,
   * and the page's address names it (?scenario=id), so that a teacher can link to it.
   */
  private pick(id: string): void {
    const entry = bundledById(this.deps.scenarios, id);
    if (!entry || entry === this.chosen || this.current !== 'title') return;
    this.named = true;
    this.choose(entry);
    const url = new URL(window.location.href);
    url.searchParams.set('scenario', id);
    window.history.replaceState(window.history.state, '', url);
  }

  /** The menu plays this scenario from now on: its save is the one offered, and it loads (New game waits for it). */
  private choose(entry: BundledScenario): void {
    const left = this.loading;
    this.chosen = entry;
    this.loading = null;
    this.saves = null;
    this.art = null;
    this.loaded = null;
    void left?.then((loaded) => loaded?.stop());
    this.title.set({
      ...this.title.value,
      ...this.saveOnTitle(),
      chosen: entry.id,
      scenario: null,
      scenarioFailed: false,
      notice: null,
    });
    void this.prepare().catch((error: unknown) => this.fail(error));
  }

  handle(intent: Intent): void {
    switch (intent.type) {
      case 'open-settings':
        this.deps.page.openSettings();
        return;
      case 'open-credits':
        void this.openCredits().catch((error: unknown) => this.fail(error));
        return;
      case 'show-indicator': {
        // A choice of what the debrief's chart shows: the page's own, not the game's.
        const screen = this.screen.value;
        if (screen?.kind === 'debrief' && screen.chart.series.some((s) => s.id === intent.indicatorId)) {
          this.screen.set({ ...screen, chart: { ...screen.chart, selected: intent.indicatorId } });
        }
        return;
      }
      case 'pick-scenario':
        this.pick(intent.scenarioId);
        return;
      case 'open-menu':
        this.deps.page.openMenu({
          openSettings: () => this.handle({ type: 'open-settings' }),
          quitToTitle: this.screen.value ? () => this.handle({ type: 'quit-to-title' }) : undefined,
        });
        return;
      case 'new-game':
        // Before the saves are read (once the title is drawn, at an idle moment), the title offered no saved game and
        // New game did not ask: it acts at once all the same (issue 18), and the saves are looked at before the new
        // game would replace one (start-game), on that action of the player's.
        if (!this.storageOpen) this.newUnchecked = true;
        break;
      case 'start-game':
        if (this.newUnchecked && this.keepUnseenSave()) return;
        break;
    }
    // Everything else goes to the session, in order; it ignores what its current state does not take (a second click
    // on Confirm, a choice on the wrong screen).
    void this.prepare()
      .then((loaded) => loaded?.send(intent))
      .catch((error: unknown) => this.fail(error));
  }

  /**
   * A new game chosen before the saves were read is about to begin: when the scenario has a saved game after all, it
   * is kept, and the title offers it (and New game asks before replacing it). Returns whether it did.
   */
  private keepUnseenSave(): boolean {
    this.newUnchecked = false;
    this.openStorage(false);
    if (saveSlotFor(this.chosen.id, this.deps.storage).read() === null) return false;
    void this.loading?.then((loaded) => loaded?.toTitle(t('title.saveKept')));
    return true;
  }

  /**
   * The id of a saved game whose scenario the game does not bundle (a build with other scenarios saved it), not
   * yet refused on this page; null when there is none.
   */
  private unbundledSave(): string | null {
    const ids = savedScenarioIds(this.deps.storage());
    return ids.find((id) => !bundledById(this.deps.scenarios, id) && !this.refused.has(id)) ?? null;
  }

  /** Says in one sentence why that save cannot go on; it is left in its slot, for the build that can read it. */
  private refuseSave(id: string): void {
    this.refused.add(id);
    this.title.set({
      ...this.title.value,
      ...this.saveOnTitle(),
      notice: t('title.saveOfOtherScenario', { id }),
    });
  }

  /**
   * Whether there is a game to continue (of the chosen scenario, or of one the game does not bundle, which
   * Continue then refuses), and (once the scenario has loaded) whose game it is and at which turn.
   */
  private saveOnTitle(): Pick<TitleModel, 'hasSave' | 'saved'> {
    if (!this.storageOpen) return { hasSave: false, saved: null };
    const own = saveSlotFor(this.chosen.id, this.deps.storage).read() !== null;
    const hasSave = own || this.unbundledSave() !== null;
    if (!own || !this.saves) return { hasSave, saved: null };
    const { scenario, describe } = this.saves;
    const save = describe(saveSlotFor(scenario.meta.id, this.deps.storage).read());
    const actor = save && scenario.actors.find((a) => a.id === save.actor);
    if (!save || !actor) return { hasSave, saved: null };
    // "The Prime Minister (…)" reads as "Continue as the Prime Minister (…)".
    const role = actor.name.text.replace(/^The /, 'the ');
    return { hasSave, saved: { role, turn: save.turn + 1, turns: save.turns, ended: save.ended } };
  }

  private async openCredits(): Promise<void> {
    const credits = (await this.prepare())?.credits();
    this.deps.page.openCredits(credits?.sources ?? null, credits?.reference ?? null);
  }

  // --- what the solo half (solo-flow.ts) asks of this one ---------------------------------------------------------

  get audio(): GameAudio {
    return this.deps.audio;
  }

  get storage(): () => Storage | undefined {
    return this.deps.storage;
  }

  get shown(): ScreenKind {
    return this.current;
  }

  announce(text: string): void {
    this.deps.page.announce(text);
  }

  update(model: ScreenModel): void {
    this.screen.set(model);
  }

  retitle(notice?: string | null): void {
    this.title.set({
      ...this.title.value,
      ...this.saveOnTitle(),
      ...(notice === undefined ? {} : { notice }),
    });
  }

  refusedElsewhere(): boolean {
    const elsewhere = this.unbundledSave();
    if (elsewhere !== null) this.refuseSave(elsewhere);
    return elsewhere !== null;
  }

  show(model: ScreenModel): void {
    this.current = model.kind;
    this.view = null;
    this.screen.set(model);
    this.view = { kind: model.kind, update: this.deps.mirror.showScreen(model) };
    this.start(SCENES[model.kind]);
  }

  fail(error: unknown): void {
    // Something the game could not do (it says why in one sentence): back to the title, never a crash.
    console.warn('game flow:', error);
    this.showTitle(sentence(error));
    void this.loading?.then((loaded) => loaded?.toTitle(sentence(error)));
  }

  /** Starts the canvas's scene of a screen, when the game and that scene are there (else resume/scenesAdded will). */
  protected start(key: SceneKey): void {
    const game = this.game;
    if (!game || (key !== SCENES.title && !this.playScenes)) return;
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
