// Pass-and-play on one device: a hand-over screen before each player's private screen, showing only the public
// picture; the player's own situation room; the turn's outcome for everyone. Only the screen the machine is on is
// in the page: a hidden private screen is removed, not covered, so no reader and no Back button can reach it. Leaving
// the page hides a private screen too, so the back/forward cache never keeps one (see guardLeaving).
//
// Each screen is a lit-html template rendered into one host element. A new screen is a new template, so lit removes
// the one before with everything in it: a hand-over never keeps a node of the private screen it follows.

import { html, nothing, render, type TemplateResult } from 'lit-html';
import { createActor } from 'xstate';
import { dateShown } from '../../present/cite.ts';
import { compareHtml } from '../../present/compare-html.ts';
import { dealsModel } from '../../present/deals.presenter.ts';
import { t } from '../../present/i18n/i18n.ts';
import type { Intent } from '../../present/intents.ts';
import { Lookup } from '../../present/lookup.ts';
import { readProblemText } from '../../present/read-problem.ts';
import { refusalText } from '../../present/refusal-text.ts';
import type { SituationModel } from '../../present/screens.ts';
import { talkModel } from '../../present/talk.presenter.ts';
import { situationModel } from '../../present/turn.presenter.ts';
import { type PassEvent, passAndPlayMachine } from '../../session/pass-and-play.machine.ts';
import type { GameRecord, GameState, Refusal, Scenario } from '../../session/pass-and-play-rules.ts';
import {
  type CompiledScenario,
  compilePass,
  MAX_PLAYERS,
  MIN_PLAYERS,
  newPassRecord,
  type PassProblem,
  playerView,
  publicPicture,
  restorePass,
  seatsProblem,
} from '../../session/pass-and-play-rules.ts';
import { besideOrigin, type ReplayGame } from '../../session/replay-rules.ts';
import { TALK_LIMITS } from '../../session/talk-limits.ts';
import { situationView } from '../views/situation.view.ts';
import { passDebrief } from './pass-debrief.part.ts';
import { publicPart } from './public.part.ts';

const SLOT = 'crisis-table.pass.';

function readSlot(id: string): string | null {
  try {
    return localStorage.getItem(SLOT + id);
  } catch {
    return null;
  }
}

function writeSlot(id: string, json: string): void {
  try {
    localStorage.setItem(SLOT + id, json);
  } catch {
    // Storage refused (private browsing): the game goes on, only a reload would lose it.
  }
}

/** What the private screen's intents ask of the pass-and-play machine; null for what it does not take. */
function passEventOf(intent: Intent): PassEvent | null {
  switch (intent.type) {
    case 'select-option':
      return { type: 'option.select', option: intent.optionId };
    case 'confirm-decision':
      return { type: 'decision.confirm', reason: intent.reason };
    case 'talk.publish':
    case 'talk.message':
      return {
        type: 'talk.say',
        kind: intent.type === 'talk.publish' ? 'statement' : 'message',
        text: intent.text,
        to: intent.to,
        ...(intent.type === 'talk.publish' && intent.claim ? { claim: intent.claim } : {}),
      };
    case 'deal.propose':
    case 'deal.answer':
    case 'deal.withdraw':
      return intent;
    default:
      return null;
  }
}

export class PassAndPlay {
  private readonly c: CompiledScenario;
  private readonly lookup: Lookup;

  constructor(
    private readonly root: HTMLElement,
    scenario: Scenario,
    private readonly back: () => void,
  ) {
    this.c = compilePass(scenario);
    this.lookup = new Lookup(scenario);
  }

  /** The element lit renders into: the root's only child while pass-and-play is on screen. */
  private readonly host = document.createElement('div');

  /** Renders a screen into the host, putting the host back on the page if another page had the root. */
  private draw(screen: TemplateResult): void {
    if (this.host.parentNode !== this.root) this.root.replaceChildren(this.host);
    render(screen, this.host);
  }

  /** Puts the focus on the new screen's heading, so a screen reader starts there. */
  private focusHeading(): void {
    const heading = this.host.querySelector<HTMLElement>('h1');
    heading?.focus();
  }

  /** The setup: continue the game kept on this device, or choose the players' seats. */
  showSetup(problem: string | null = null): void {
    const saved = readSlot(this.c.scenario.meta.id);
    const start = () => {
      // The ticked seats are the form's own state, as a typed text would be.
      const seats = [...this.host.querySelectorAll<HTMLInputElement>('[data-pass-seat]:checked')].map(
        (b) => b.value,
      );
      const refused = seatsProblem(this.c, seats);
      if (refused) this.showSetup(passProblemText(refused));
      else
        this.play(newPassRecord(this.c, crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000, seats));
    };
    const resume = (json: string) => {
      const restored = restorePass(json, this.c);
      if (restored.ok) this.play(restored.record);
      else this.showSetup(passProblemText(restored.problem));
    };
    this.draw(html`<main class="class-page">
      <h1>${t('pass.heading')}</h1>
      <p>${t('pass.intro', { min: MIN_PLAYERS, max: MAX_PLAYERS })}</p>
      ${
        saved
          ? html`<button class="button button--primary" type="button" @click=${() => resume(saved)}>${t('pass.continue')}</button>`
          : nothing
      }
      <fieldset class="fieldset"><legend>${t('pass.seats')}</legend>${this.c.playableIds.map(
        (a, i) =>
          html`<div class="field--check"><input id=${`pass-${a}`} type="checkbox" value=${a} ?checked=${i < 2}
            data-pass-seat=${a}><label for=${`pass-${a}`}>${this.lookup.actorName(a)}</label></div>`,
      )}</fieldset>
      <p class="notice" role="alert" ?hidden=${!problem}>${problem ?? ''}</p>
      <button class="button button--primary" type="button" @click=${start}>${t('pass.start')}</button>
      <button class="button button--quiet" type="button" @click=${this.back}>${t('pass.back')}</button>
    </main>`);
  }

  /** What if: a game forked from a replayed one, played on here and set beside it when it ends. Not saved. */
  playWhatIf(record: GameRecord, origin: ReplayGame): void {
    this.origin = origin;
    this.play(record, false);
  }

  private origin: ReplayGame | null = null;

  private play(record: GameRecord, save = true): void {
    const id = this.c.scenario.meta.id;
    const actor = createActor(passAndPlayMachine, { input: { c: this.c, record } });
    if (save) actor.on('save.write', (e) => writeSlot(id, e.json));
    let shown = '';
    actor.subscribe((snapshot) => {
      // What the player's own commands changed (a statement, a deal, the computer's answer) redraws the same screen.
      const key = `${String(snapshot.value)}|${snapshot.context.current}|${snapshot.context.game.world.turn}|${snapshot.context.selected}|${snapshot.context.game.accepted}|${snapshot.context.refused}`;
      if (key === shown) return;
      const onlySelection = shown.split('|').slice(0, 3).join('|') === key.split('|').slice(0, 3).join('|');
      shown = key;
      if (snapshot.value === 'private' && onlySelection && this.update) {
        this.update(snapshot.context.selected);
        return;
      }
      this.render(actor);
    });
    actor.start();
    this.guardLeaving(actor);
  }

  private leaving: AbortController | null = null;

  /**
   * A page left while a private screen shows could come back with it: the back/forward cache keeps the page as it
   * was, pick pressed, for Back or Forward to show again to whoever holds the device. So the private screen is
   * removed when the page is hidden (pagehide comes before the page is cached), and again, should it be there,
   * when the page is shown from the cache: either way the page is at the same player's hand-over.
   */
  private guardLeaving(actor: ReturnType<typeof createActor<typeof passAndPlayMachine>>): void {
    this.leaving?.abort();
    const leaving = new AbortController();
    this.leaving = leaving;
    const leave = () => {
      if (actor.getSnapshot().value === 'private') actor.send({ type: 'page.left' });
    };
    window.addEventListener('pagehide', leave, { signal: leaving.signal });
    window.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted) leave();
      },
      { signal: leaving.signal },
    );
  }

  private update: ((selected: string | null) => void) | null = null;

  private render(actor: ReturnType<typeof createActor<typeof passAndPlayMachine>>): void {
    const snapshot = actor.getSnapshot();
    const { context } = snapshot;
    const state = context.game;
    this.update = null;
    document.body.dataset.passScreen = String(snapshot.value);
    if (snapshot.value === 'private' && context.current) {
      const who = context.current;
      const send = (intent: Intent) => {
        const event = passEventOf(intent);
        if (event) actor.send(event);
      };
      // The player's reason with its decision, its talk and its deals, under "More", as in the solo game: the
      // game as it stands now (a command of the player's, and the computer's answer, redraw the same screen).
      const modelNow = (selected: string | null) => {
        const now = actor.getSnapshot().context;
        return this.privateModel(now.game, who, selected, now.refused);
      };
      const screen = situationView(modelNow(context.selected), send, undefined, true);
      this.update = (selected) => screen.update(modelNow(selected));
      this.draw(html`<main class="class-page class-seat"><button class="button button--quiet" type="button"
        data-pass="hide" @click=${() => actor.send({ type: 'seat.hide' })}>${t('pass.hide')}</button>${screen.element}</main>`);
      screen.heading.focus();
      return;
    }
    if (snapshot.value === 'ended') {
      this.showEnd(state, context.record);
      return;
    }
    this.draw(this.publicScreen(actor));
    this.focusHeading();
  }

  /** The private screen's model: the player's situation room, with its talk panel and its deals. */
  private privateModel(
    state: GameState,
    who: string,
    selected: string | null,
    refused: Refusal | null,
  ): SituationModel {
    const view = playerView(this.c, state, who);
    const live = state.phase !== 'ended' && !state.paused;
    return {
      ...situationModel(view, this.lookup, selected),
      talk: talkModel({
        said: view.said ?? [],
        rule: view.talk ?? { level: 'all', approve: false },
        seats: this.c.playableIds.map((a) => ({ actor: a, label: this.lookup.actorName(a) })),
        actor: who,
        live,
        limits: TALK_LIMITS,
        claims: view.claims ?? [],
        claimLabel: (id) => this.lookup.claimLabel(id),
      }),
      talkRefused: refused ? refusalText(refused, this.lookup) : null,
      deals: dealsModel(view, this.lookup, live),
    };
  }

  /** Between private screens: the hand-over to the next player, or the turn's outcome; the public picture only. */
  private publicScreen(actor: ReturnType<typeof createActor<typeof passAndPlayMachine>>): TemplateResult {
    const snapshot = actor.getSnapshot();
    const { context } = snapshot;
    const state = context.game;
    const next = this.lookup.actorName(context.current ?? '');
    const handOver = snapshot.value === 'handOver';
    const heading = handOver
      ? t('pass.passTo', { next })
      : t('pass.publicAfter', {
          date: dateShown(
            this.c.scenario.turns[Math.max(0, state.world.turn - 1)]?.date ?? '',
            this.c.scenario.turns,
          ),
        });
    return html`<main class="class-page"><h1 tabindex="-1">${heading}</h1>${
      handOver
        ? html`<p>${t('pass.onlyPlayer', { next })}</p><button
            class="button button--primary" type="button" data-pass="show"
            @click=${() => actor.send({ type: 'seat.show' })}>${t('pass.show')}</button>`
        : nothing
    }${
      snapshot.value === 'resolved'
        ? html`<button class="button button--primary" type="button" data-pass="next"
            @click=${() => actor.send({ type: 'screen.next' })}>${t('pass.next')}</button>`
        : nothing
    }${publicPart(publicPicture(this.c, state), this.lookup)}</main>`;
  }

  /**
   * The end: the solo game's debrief for the table (every player's goals, one player's whole debrief at a time), the
   * replay of this game and its record; a what-if game set beside the one it forked from.
   */
  private showEnd(state: GameState, record: GameRecord): void {
    const end = passDebrief({
      c: this.c,
      lookup: this.lookup,
      state,
      record,
      beside: this.origin ? this.besideOrigin(this.origin, state) : null,
      playAgain: () => {
        this.origin = null;
        this.leaving?.abort();
        this.showSetup();
      },
      leave: () => {
        this.leaving?.abort();
        this.back();
      },
    });
    this.draw(html`${end.element}`);
    end.heading.focus();
  }

  /** The what-if game beside the one it forked from: endings, where the decisions parted, the whole comparison. */
  private besideOrigin(origin: ReplayGame, state: GameState): TemplateResult {
    const cmp = besideOrigin(origin, state);
    const ending = (id: string | null) =>
      id ? (this.c.scenario.outcomes.find((o) => o.id === id)?.title.text ?? id) : t('pass.noEnding');
    const [was, now] = cmp.groups;
    const open = () => {
      const url = URL.createObjectURL(new Blob([compareHtml(this.c.scenario, cmp)], { type: 'text/html' }));
      window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    };
    return html`<section class="block" aria-labelledby="beside-origin" data-beside-origin=""><h2
      id="beside-origin">${t('pass.beside')}</h2><p>${t('pass.endings', {
        was: ending(was?.outcome ?? null),
        now: ending(now?.outcome ?? null),
      })}</p><p>${
        cmp.firstDifference === null ? t('pass.same') : t('pass.parted', { turn: cmp.firstDifference + 1 })
      }</p><button class="button" type="button" @click=${open}>${t('pass.compare')}</button></section>`;
  }
}

/** Why pass-and-play cannot start or go on, in one sentence of the page's language. */
export function passProblemText(p: PassProblem): string {
  switch (p.code) {
    case 'seat-count':
      return t('pass.problem.seatCount', { min: p.min, max: p.max });
    case 'unknown-seat':
      return t('pass.problem.unknownSeat', { actor: p.actor });
    case 'seat-twice':
      return t('pass.problem.seatTwice');
    case 'no-save':
      return t('pass.problem.noSave');
    case 'not-several':
      return t('pass.problem.notSeveral');
    case 'unreadable':
      // The save's problem in the page's language when the engine gave it as data (issue 20).
      if (p.problem !== null) return t('pass.problem.refused', { why: readProblemText(p.problem) });
      return p.why === null ? t('pass.problem.unreadable') : t('pass.problem.refused', { why: p.why });
  }
}
