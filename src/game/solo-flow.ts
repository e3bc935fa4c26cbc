/**
 * The solo game's half of the game flow (game-flow.ts keeps the title's): it starts the solo session machine
 * (src/session/solo.machine.ts), sends it the player's intents and renders its state: each state becomes a screen
 * model (by the presenters), a scene, sounds and the save slot. It decides nothing about the game.
 *
 * Part of the lazy chunk New game waits for (src/solo-play.ts), not of the first download: nothing here is needed
 * before the title is drawn (issue 18, "the first screen first").
 */
import type { Actor } from 'xstate';
import type { Mood } from '../audio/cues.ts';
import type { GameAudio } from '../audio/deferred-audio.ts';
import { t } from '../present/i18n/i18n.ts';
import type { Intent } from '../present/intents.ts';
import type { Lookup } from '../present/lookup.ts';
import { soloRefusalText } from '../present/read-problem.ts';
import type { Reference, ScreenModel, SourceCredit } from '../present/screens.ts';
import type { Scenario, Text } from '../scenario/types.ts';
import type { SoloEvent, SoloMachine } from '../session/solo.machine.ts';
import type * as Presenters from './play-presenters.ts';
import { type SaveSlot, saveSlotFor } from './session/save-slot.ts';
import type * as SessionModule from './session/session-module.ts';

/** The screens of the flow: the title, and those of the solo session's states (their tags). */
export type ScreenKind = 'title' | 'perspective' | 'briefing' | 'situation' | 'resolution' | 'debrief';

/** What the solo half asks of the title's half (GameFlow): the screens it shows and the title it updates. */
export interface SoloHost {
  readonly audio: GameAudio;
  announce(text: string): void;
  storage: () => Storage | undefined;
  /** The screen last shown. */
  readonly shown: ScreenKind;
  /** Shows the title (back from a game), with a notice. */
  showTitle(notice: string | null): void;
  /** Shows a screen's model: a new scene. */
  show(model: ScreenModel): void;
  /** The same screen with a new model. */
  update(model: ScreenModel): void;
  /** The title's notice, and what it says of the save, again. */
  retitle(notice?: string | null): void;
  /** A save of a scenario the game does not bundle, refused on the title in one sentence: Continue stops there. */
  refusedElsewhere(): boolean;
  fail(error: unknown): void;
}

type Snapshot = ReturnType<Actor<SoloMachine>['getSnapshot']>;

/** One scenario's solo session, started: the flow sends it intents until another scenario is chosen. */
export class SoloFlow {
  readonly lookup: Lookup;
  readonly slot: SaveSlot;
  private readonly solo: Actor<SoloMachine>;

  constructor(
    private readonly host: SoloHost,
    private readonly module: typeof SessionModule,
    private readonly present: typeof Presenters,
    readonly scenario: Scenario,
  ) {
    const { fromPromise, createActor } = module;
    const machine = module.soloMachine.provide({
      actors: { loadScenario: fromPromise(async () => scenario) },
    });
    this.solo = createActor(machine);
    this.lookup = new present.Lookup(scenario);
    this.slot = saveSlotFor(scenario.meta.id, host.storage);
    this.solo.on('save.write', ({ json }) => {
      if (!this.slot.write(json)) {
        host.announce(t('solo.saveFailed'));
      }
    });
    this.solo.on('save.drop', () => {
      this.slot.clear();
      host.retitle();
    });
    let last: Snapshot | null = null;
    this.solo.subscribe({
      next: (snapshot) => {
        const before = last;
        last = snapshot;
        this.render(before, snapshot);
      },
      error: (error) => host.fail(error),
    });
    this.solo.start();
  }

  stop(): void {
    this.solo.stop();
  }

  /** Back to the title, with why (the flow's failure). */
  toTitle(notice: string): void {
    this.solo.send({ type: 'title.show', notice });
  }

  /** An intent of the player's, to the session: it ignores what its current state does not take. */
  send(intent: Intent): void {
    const event = this.eventFor(intent);
    if (event) this.solo.send(event);
  }

  /** What the credits show of this scenario: its sources, the people and the glossary, each with its citation. */
  credits(): { sources: SourceCredit[]; reference: Reference } {
    const { scenario } = this;
    // Cited as every other screen cites (src/present/cite.ts), in the player's language.
    const cited = this.present.citer(scenario);
    const entry = (name: string, text: Text) => {
      const { text: words, cite } = cited(text);
      return { name, text: words, cite };
    };
    return {
      sources: scenario.meta.sources.map((s) => ({ ...s })),
      reference: {
        people: scenario.people.map((p) => entry(p.name, p.description)),
        glossary: scenario.glossary.map((g) => entry(g.term, g.definition)),
      },
    };
  }

  private eventFor(intent: Intent): SoloEvent | null {
    switch (intent.type) {
      case 'new-game':
        return { type: 'game.new' };
      case 'continue': {
        const json = this.slot.read();
        if (json === null && this.host.refusedElsewhere()) return null;
        return { type: 'game.continue', json };
      }
      case 'quit-to-title':
        return { type: 'title.show' };
      case 'pick-perspective':
        this.host.audio.play('select');
        return { type: 'perspective.pick', actor: intent.actorId };
      case 'start-game':
        return { type: 'game.begin', seed: seedFromQuery() };
      case 'select-option':
        this.host.audio.play('select');
        return { type: 'option.select', option: intent.optionId };
      case 'confirm-decision':
        return { type: 'decision.confirm', reason: intent.reason };
      case 'talk.publish':
      case 'talk.message': {
        const kind = intent.type === 'talk.publish' ? 'statement' : 'message';
        const claim = intent.type === 'talk.publish' ? intent.claim : undefined;
        return { type: 'talk.say', kind, text: intent.text, to: intent.to, ...(claim ? { claim } : {}) };
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
  private render(before: Snapshot | null, now: Snapshot): void {
    // An event the state does not take (a second click on New game, queued while the scenario loaded) leaves the
    // snapshot as it was: the screen is drawn once, not again for nothing (issue 18: that was New game's second draw).
    if (before === now) return;
    const kind = screenOf(now);
    const was = this.host.shown;
    if (kind === 'title') {
      // A save's refusal in the device's language (issue 20); the session's English sentence otherwise.
      const { refusal } = now.context;
      const notice = refusal ? soloRefusalText(refusal) : now.context.notice;
      // Back from a game: the title scene again. Already on it: only what it says changes.
      if (was !== 'title') this.host.showTitle(notice);
      else if (before !== null && before.context.notice !== now.context.notice) this.host.retitle(notice);
      return;
    }
    const model = this.modelOf(kind, now);
    if (!model) return;
    if (was === kind) {
      this.host.update(model);
      return;
    }
    this.host.show(model);
    this.cue(model, was);
  }

  private modelOf(kind: Exclude<ScreenKind, 'title'>, s: Snapshot): ScreenModel | null {
    const { scenario, lookup, module, present } = this;
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
            claims: view.claims ?? [],
            claimLabel: (id) => lookup.claimLabel(id),
          }),
          talkRefused: refused ? present.refusalText(refused, lookup) : null,
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
  private cue(model: ScreenModel, from: ScreenKind | null): void {
    const { audio } = this.host;
    if (model.kind === 'resolution') {
      audio.play('confirm');
      if (model.news.length > 0) {
        audio.play('news');
        // What the screen shows at first sight, not every report: the rest is one tap away there too.
        const sight = this.present.resolutionFirstSight(model);
        const more = sight.more > 0 ? ` ${sight.more} more under “${sight.all}”.` : '';
        this.host.announce(
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

  private setMood(mood: Mood): void {
    const { audio } = this.host;
    const before = audio.currentMood;
    audio.setMood(mood);
    if (mood === 'critical' && before !== 'critical') audio.play('alarm');
  }
}

function screenOf(s: Snapshot): ScreenKind {
  for (const kind of ['perspective', 'briefing', 'situation', 'resolution', 'debrief'] as const) {
    if (s.hasTag(kind)) return kind;
  }
  return 'title';
}

/** `?seed=42` replays a game exactly (tests, workshops); otherwise every game differs. */
function seedFromQuery(): number {
  const seed = Number(new URLSearchParams(window.location.search).get('seed'));
  return Number.isInteger(seed) && seed > 0 ? seed : Math.floor(Math.random() * 2 ** 31) + 1;
}
