/**
 * The page's side of the solo game. The game's flow (which screen, what is selected, the game itself) is the
 * solo session machine (src/session/solo.machine.ts); this adapter sends it the player's intents and renders
 * its state: each state becomes a screen model (by the presenters), a scene, sounds and the save slot. It
 * decides nothing about the game. The session, the engine and the scenario are a lazy chunk, loaded after
 * the title is drawn.
 */
import type Phaser from 'phaser';
import type { Actor } from 'xstate';
import type { Mood } from '../audio/cues.ts';
import type { GameAudio } from '../audio/deferred-audio.ts';
import { language } from '../present/i18n/i18n.ts';
import type { Intent } from '../present/intents.ts';
import type { Lookup } from '../present/lookup.ts';
import { soloRefusalText } from '../present/read-problem.ts';
import type { PageServices, Reference, ScreenModel, SourceCredit, TitleModel } from '../present/screens.ts';
import type { Scenario } from '../scenario/types.ts';
import type { SoloEvent, SoloMachine } from '../session/solo.machine.ts';
import type { SoloSaveSummary } from '../session/solo-rules.ts';
import { Observable } from './observable.ts';
import { SCENES, type SceneKey } from './scenes/scene-keys.ts';
import { type SaveSlot, savedScenarioIds, saveSlotFor } from './session/save-slot.ts';
import { type BundledScenario, bundledById, type MapArt } from './session/scenario-registry.ts';

type SessionModule = typeof import('./session/session-module.ts');
type Presenters = typeof import('./play-presenters.ts');

export interface FlowDeps {
  /** The DOM layer's dialogs and live region, wired in by main.ts. */
  page: PageServices;
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
  /** The session and the presenters: a lazy chunk (src/solo-play.ts), the same as the screens'. */
  loadPlay: () => Promise<{ session: SessionModule; presenters: Presenters }>;
}

interface Loaded {
  module: SessionModule;
  present: Presenters;
  scenario: Scenario;
  lookup: Lookup;
  slot: SaveSlot;
  solo: Actor<SoloMachine>;
}

type Snapshot = ReturnType<Actor<SoloMachine>['getSnapshot']>;

export class GameFlow {
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
  private loading: Promise<Loaded | null> | null = null;
  /** The screen last shown: a scene starts only when this changes. */
  private shown: ScreenKind = 'title';
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
  /** What the first title says: a link to a scenario the game does not bundle. */
  private linkNotice: string | null = null;
  /** Saves of scenarios the game does not bundle, already refused on this page: Continue no longer offers them. */
  private readonly refused = new Set<string>();
  /** Whether the saves may be read yet (FlowDeps.storageOpens): before, the title offers none. */
  private storageOpen = false;
  /** Whether the scenario was named by the link or picked: then a saved game does not choose it. */
  private named: boolean;

  constructor(private readonly deps: FlowDeps) {
    const wanted = new URLSearchParams(window.location.search).get('scenario');
    const linked = bundledById(deps.scenarios, wanted);
    this.named = linked !== undefined || deps.scenarios.length === 1;
    this.chosen = linked ?? deps.scenarios[0]!;
    void deps.storageOpens.then(() => this.openStorage());
    if (wanted !== null && !linked) this.linkNotice = `This game does not include the scenario “${wanted}”.`;
    const offered =
      deps.scenarios.length > 1 ? deps.scenarios.map(({ id, title }) => ({ id, title })) : undefined;
    this.title.set({ ...this.title.value, scenarios: offered, chosen: this.chosen.id });
  }

  /**
   * The saves, once the title is drawn: the title offers the saved game, and, when neither the link nor the player
   * named a scenario, the first scenario with a saved game becomes the one the menu plays.
   */
  private openStorage(): void {
    if (this.storageOpen) return;
    this.storageOpen = true;
    if (!this.named && this.shown === 'title') {
      const saved = savedScenarioIds(this.deps.storage());
      const first = this.deps.scenarios.find((s) => saved.includes(s.id));
      if (first && first !== this.chosen) {
        this.choose(first);
        return;
      }
    }
    this.title.set({ ...this.title.value, ...this.saveOnTitle() });
  }

  /** The map the scenes draw: the loaded scenario's, or null before it has loaded or when it has none. */
  get map(): MapArt | null {
    return this.art;
  }

  attach(game: Phaser.Game): void {
    this.game = game;
  }

  showTitle(notice: string | null = null): void {
    this.shown = 'title';
    this.screen.set(null);
    const said = notice ?? this.linkNotice;
    this.linkNotice = null;
    this.title.set({ ...this.title.value, ...this.saveOnTitle(), notice: said });
    this.start(SCENES.title);
  }

  /**
   * Loads the scenario, the session and the screens after the title once (lazy chunks, fetched beside the title's
   * start: main.ts asks at once), and starts the solo session. New game waits for this. A scenario that fails to
   * load is reported on the title in one sentence. `words`: the device's language, when its strings are still coming.
   */
  prepare(words: string = language()): Promise<Loaded | null> {
    const entry = this.chosen;
    // The scenario in the device's language (its words only: the record is the same in every language).
    this.loading ??= Promise.all([this.deps.loadPlay(), entry.load(words), this.deps.loadScreens()]).then(
      async ([{ session: module, presenters: present }, result]) => {
        // The title names the saved game with the scenario, in one change: the saves are read now, if the title is up.
        await this.deps.titleDrawn;
        this.openStorage();
        // Another scenario was picked (or has a saved game) while this one loaded: the title is the other's now.
        if (entry !== this.chosen) return null;
        if (!result.ok) {
          console.warn(result.problem);
          this.title.set({
            ...this.title.value,
            scenarioFailed: true,
            notice: `The scenario “${entry.title}” could not be loaded.`,
          });
          return null;
        }
        const { scenario } = result;
        this.art = result.art;
        const c = module.compileScenario(scenario);
        this.saves = { scenario, describe: (json) => module.describeSoloSave(json, c) };
        this.title.set({
          ...this.title.value,
          ...this.saveOnTitle(),
          scenario: { title: scenario.meta.title.text, summary: scenario.meta.summary.text },
        });
        return this.startSolo(module, present, scenario).then((loaded) => {
          if (entry === this.chosen) return loaded;
          loaded.solo.stop();
          return null;
        });
      },
    );
    return this.loading;
  }

  /**
   * The picker's choice, on the title only: the menu plays that scenario from now on, its save is the one offered,
   * and the page's address names it (?scenario=id), so that a teacher can link to it.
   */
  private pick(id: string): void {
    const entry = bundledById(this.deps.scenarios, id);
    if (!entry || entry === this.chosen || this.shown !== 'title') return;
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
    void left?.then((loaded) => loaded?.solo.stop());
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

  private async startSolo(module: SessionModule, present: Presenters, scenario: Scenario): Promise<Loaded> {
    const { fromPromise, createActor } = module;
    const machine = module.soloMachine.provide({
      actors: { loadScenario: fromPromise(async () => scenario) },
    });
    const solo = createActor(machine);
    const loaded: Loaded = {
      module,
      present,
      scenario,
      lookup: new present.Lookup(scenario),
      slot: saveSlotFor(scenario.meta.id, this.deps.storage),
      solo,
    };
    solo.on('save.write', ({ json }) => {
      if (!loaded.slot.write(json)) {
        this.deps.page.announce('The game could not be saved in this browser; it goes on unsaved.');
      }
    });
    solo.on('save.drop', () => {
      loaded.slot.clear();
      this.title.set({ ...this.title.value, ...this.saveOnTitle() });
    });
    let last: Snapshot | null = null;
    solo.subscribe({
      next: (snapshot) => {
        const before = last;
        last = snapshot;
        this.render(loaded, before, snapshot);
      },
      error: (error) => this.fail(error),
    });
    solo.start();
    return loaded;
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
      default:
        // Everything else goes to the session, in order; it ignores what its current state does not take
        // (a second click on Confirm, a choice on the wrong screen).
        void this.prepare()
          .then((loaded) => loaded && this.send(loaded, intent))
          .catch((error: unknown) => this.fail(error));
    }
  }

  private send(loaded: Loaded, intent: Intent): void {
    const event = this.eventFor(loaded, intent);
    if (event) loaded.solo.send(event);
  }

  private eventFor(loaded: Loaded, intent: Intent): SoloEvent | null {
    switch (intent.type) {
      case 'new-game':
        return { type: 'game.new' };
      case 'continue': {
        const json = loaded.slot.read();
        const elsewhere = json === null ? this.unbundledSave() : null;
        if (elsewhere !== null) {
          this.refuseSave(elsewhere);
          return null;
        }
        return { type: 'game.continue', json };
      }
      case 'quit-to-title':
        return { type: 'title.show' };
      case 'pick-perspective':
        this.deps.audio.play('select');
        return { type: 'perspective.pick', actor: intent.actorId };
      case 'start-game':
        return { type: 'game.begin', seed: seedFromQuery() };
      case 'select-option':
        this.deps.audio.play('select');
        return { type: 'option.select', option: intent.optionId };
      case 'confirm-decision':
        return { type: 'decision.confirm', reason: intent.reason };
      case 'talk.publish':
      case 'talk.message': {
        const kind = intent.type === 'talk.publish' ? 'statement' : 'message';
        return { type: 'talk.say', kind, text: intent.text, to: intent.to };
      }
      case 'deal.propose':
      case 'deal.answer':
      case 'deal.withdraw':
        return intent;
      case 'next':
      case 'show-debrief':
        return { type: 'screen.next' };
      default:
        return null;
    }
  }

  /** The screen for the session's state: a new scene when the screen changes, a new model when only it does. */
  private render(loaded: Loaded, before: Snapshot | null, now: Snapshot): void {
    const kind = screenOf(now);
    const was = this.shown;
    if (kind === 'title') {
      // A save's refusal in the device's language (issue 20); the session's English sentence otherwise.
      const { refusal } = now.context;
      const notice = refusal ? soloRefusalText(refusal) : now.context.notice;
      // Back from a game: the title scene again. Already on it: only what it says changes.
      if (was !== 'title') this.showTitle(notice);
      else if (before !== null && before.context.notice !== now.context.notice) {
        this.title.set({ ...this.title.value, ...this.saveOnTitle(), notice });
      }
      return;
    }
    const model = this.modelOf(loaded, kind, now);
    if (!model) return;
    if (was === kind) {
      this.screen.set(model);
      return;
    }
    this.show(model);
    this.cue(loaded, model, was);
  }

  private modelOf(loaded: Loaded, kind: Exclude<ScreenKind, 'title'>, s: Snapshot): ScreenModel | null {
    const { scenario, lookup, module, present } = loaded;
    const {
      perspectiveModel,
      briefingModel,
      situationModel,
      resolutionModel,
      debriefModel,
      talkModel,
      dealsModel,
    } = present;
    const { c, game, actor, before, selected, historical, refused } = s.context;
    if (kind === 'perspective') return perspectiveModel(scenario, lookup, actor);
    if (!c || !game || !actor) return null;
    const view = module.viewFor(c, game, actor);
    switch (kind) {
      case 'briefing':
        return briefingModel(view, lookup);
      case 'situation':
        // The player speaks to the computer's actors: every other playable seat, named as the scenario names it.
        return {
          ...situationModel(view, lookup, selected),
          talk: talkModel({
            said: view.said ?? [],
            rule: view.talk ?? { level: 'all', approve: false },
            seats: c.playableIds.map((a) => ({ actor: a, label: lookup.actorName(a) })),
            actor,
            live: game.phase !== 'ended' && !game.paused,
            limits: present.TALK_LIMITS,
          }),
          talkRefused: refused,
          deals: dealsModel(view, lookup, game.phase !== 'ended' && !game.paused),
        };
      case 'resolution': {
        // The session resolves the turn just after the confirmation; until it has, there is nothing to show.
        if (!before || (game.world.turn === before.world.turn && game.phase !== 'ended')) return null;
        const resolved = resolutionModel(module.viewFor(c, before, actor), view, lookup);
        // The next situation room, as the player will first see it, leaves the words this screen may show.
        return present.withReadingBudget(
          resolved,
          resolved.ended ? null : situationModel(view, lookup, null),
        );
      }
      case 'debrief':
        // The historical path is the session's (the same scenario and seed replayed with the historical choices).
        return debriefModel(view, lookup, historical);
    }
  }

  /** The sounds and the spoken news of arriving at a screen. */
  private cue(loaded: Loaded, model: ScreenModel, from: ScreenKind | null): void {
    const { audio, page: ui } = this.deps;
    if (model.kind === 'resolution') {
      audio.play('confirm');
      if (model.news.length > 0) {
        audio.play('news');
        // What the screen shows at first sight, not every report: the rest is one tap away there too.
        const sight = loaded.present.resolutionFirstSight(model);
        const more = sight.more > 0 ? ` ${sight.more} more under “${sight.all}”.` : '';
        ui.announce(
          `${model.news.length} new: ${sight.headlines.map((n) => n.item.headline.text).join('. ')}.${more}`,
        );
      }
      this.setMood(model.mood);
    } else if (model.kind === 'situation') {
      if (from === 'resolution') audio.play('turn');
      this.setMood(model.mood);
    } else if (model.kind === 'debrief') {
      audio.play('outcome');
    }
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
      notice: `The saved game is of the scenario “${id}”, which this game does not include.`,
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
    const turn = `${save.turn + 1} of ${save.turns}${save.ended ? ' (the game has ended)' : ''}`;
    return { hasSave, saved: { role, turn } };
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
    this.deps.page.openCredits(sources, reference);
  }

  private setMood(mood: Mood): void {
    const before = this.deps.audio.currentMood;
    this.deps.audio.setMood(mood);
    if (mood === 'critical' && before !== 'critical') this.deps.audio.play('alarm');
  }

  private show(model: ScreenModel): void {
    this.shown = model.kind;
    this.screen.set(model);
    this.start(SCENES[model.kind]);
  }

  private fail(error: unknown): void {
    // Something the game could not do (it says why in one sentence): back to the title, never a crash.
    console.warn('game flow:', error);
    this.showTitle(sentence(error));
    void this.loading?.then((loaded) => loaded?.solo.send({ type: 'title.show', notice: sentence(error) }));
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

type ScreenKind = 'title' | 'perspective' | 'briefing' | 'situation' | 'resolution' | 'debrief';

function screenOf(s: Snapshot): ScreenKind {
  for (const kind of ['perspective', 'briefing', 'situation', 'resolution', 'debrief'] as const) {
    if (s.hasTag(kind)) return kind;
  }
  return 'title';
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
