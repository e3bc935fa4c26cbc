// Pass-and-play on one device: a hand-over screen before each player's private screen, showing only the public
// picture; the player's own situation room; the turn's outcome for everyone. Only the screen the machine is on is
// in the page: a hidden private screen is removed, not covered, so no reader and no Back button can reach it. Leaving
// the page hides a private screen too, so the back/forward cache never keeps one (see guardLeaving).

import { render, type TemplateResult } from 'lit-html';
import { createActor } from 'xstate';
import { dateShown } from '../../present/cite.ts';
import { compareHtml } from '../../present/compare-html.ts';
import type { Intent } from '../../present/intents.ts';
import { Lookup } from '../../present/lookup.ts';
import { situationModel } from '../../present/turn.presenter.ts';
import { passAndPlayMachine } from '../../session/pass-and-play.machine.ts';
import type { GameRecord, GameState, Scenario } from '../../session/pass-and-play-rules.ts';
import {
  type CompiledScenario,
  compilePass,
  MAX_PLAYERS,
  MIN_PLAYERS,
  newPassRecord,
  playerView,
  publicPicture,
  restorePass,
  seatsProblem,
} from '../../session/pass-and-play-rules.ts';
import { besideOrigin, type ReplayGame } from '../../session/replay-rules.ts';
import { h } from '../dom.ts';
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

  /** The setup: continue the game kept on this device, or choose the players' seats. */
  showSetup(problem: string | null = null): void {
    const id = this.c.scenario.meta.id;
    const saved = readSlot(id);
    const boxes = this.c.playableIds.map((a, i) =>
      h('input', {
        id: `pass-${a}`,
        attrs: { type: 'checkbox', value: a, checked: i < 2, 'data-pass-seat': a },
      }),
    );
    const status = h('p', { class: 'notice', attrs: { role: 'alert' }, text: problem ?? '' });
    status.hidden = !problem;
    const start = () => {
      const seats = boxes.filter((b) => b.checked).map((b) => b.value);
      const refused = seatsProblem(this.c, seats);
      if (refused) {
        status.textContent = refused;
        status.hidden = false;
        return;
      }
      this.play(newPassRecord(this.c, crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000, seats));
    };
    this.root.replaceChildren(
      h(
        'main',
        { class: 'class-page' },
        h('h1', { text: 'Play together on this device' }),
        h('p', {
          text: `${MIN_PLAYERS} to ${MAX_PLAYERS} players share this device, each with a seat; the computer plays the others. Before each player's screen, the device is passed on, and between players only the public picture shows.`,
        }),
        saved &&
          h('button', {
            class: 'button button--primary',
            attrs: { type: 'button' },
            text: 'Continue the game on this device',
            on: {
              click: () => {
                const restored = restorePass(saved, this.c);
                if (restored.ok) this.play(restored.record);
                else this.showSetup(restored.notice);
              },
            },
          }),
        h(
          'fieldset',
          { class: 'fieldset' },
          h('legend', { text: 'The players’ seats' }),
          ...this.c.playableIds.map((a, i) =>
            h(
              'div',
              { class: 'field--check' },
              boxes[i]!,
              h('label', { attrs: { for: `pass-${a}` }, text: this.lookup.actorName(a) }),
            ),
          ),
        ),
        status,
        h('button', {
          class: 'button button--primary',
          attrs: { type: 'button' },
          text: 'Start a new game',
          on: { click: start },
        }),
        h('button', {
          class: 'button button--quiet',
          attrs: { type: 'button' },
          text: 'Back',
          on: { click: this.back },
        }),
      ),
    );
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
      const key = `${String(snapshot.value)}|${snapshot.context.current}|${snapshot.context.game.world.turn}|${snapshot.context.selected}`;
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
      const model = situationModel(playerView(this.c, state, who), this.lookup, context.selected);
      const send = (intent: Intent) => {
        if (intent.type === 'select-option') actor.send({ type: 'option.select', option: intent.optionId });
        else if (intent.type === 'confirm-decision') actor.send({ type: 'decision.confirm' });
      };
      const screen = situationView(model, send);
      this.update = (selected) =>
        screen.update(situationModel(playerView(this.c, state, who), this.lookup, selected));
      this.root.replaceChildren(
        h(
          'main',
          { class: 'class-page class-seat' },
          h('button', {
            class: 'button button--quiet',
            attrs: { type: 'button', 'data-pass': 'hide' },
            text: 'Hide my screen and pass the device back',
            on: { click: () => actor.send({ type: 'seat.hide' }) },
          }),
          screen.element,
        ),
      );
      screen.heading.tabIndex = -1;
      screen.heading.focus();
      return;
    }
    if (snapshot.value === 'ended') {
      this.showEnd(state, context.record);
      return;
    }
    const picture = publicPicture(this.c, state);
    const heading =
      snapshot.value === 'handOver'
        ? `Pass the device to: ${this.lookup.actorName(context.current ?? '')}`
        : `What everyone can see after ${dateShown(this.c.scenario.turns[Math.max(0, state.world.turn - 1)]?.date ?? '', this.c.scenario.turns)}`;
    const h1 = h('h1', { text: heading });
    this.root.replaceChildren(
      h(
        'main',
        { class: 'class-page' },
        h1,
        snapshot.value === 'handOver' &&
          h('p', {
            text: `Only the player of ${this.lookup.actorName(context.current ?? '')} should look at the next screen.`,
          }),
        snapshot.value === 'handOver' &&
          h('button', {
            class: 'button button--primary',
            attrs: { type: 'button', 'data-pass': 'show' },
            text: `I hold this seat: show my screen`,
            on: { click: () => actor.send({ type: 'seat.show' }) },
          }),
        snapshot.value === 'resolved' &&
          h('button', {
            class: 'button button--primary',
            attrs: { type: 'button', 'data-pass': 'next' },
            text: 'Next: pass the device on',
            on: { click: () => actor.send({ type: 'screen.next' }) },
          }),
        publicNodes(publicPart(picture, this.lookup)),
      ),
    );
    h1.tabIndex = -1;
    h1.focus();
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
    this.root.replaceChildren(end.element);
    end.heading.tabIndex = -1;
    end.heading.focus();
  }

  /** The what-if game beside the one it forked from: endings, where the decisions parted, the whole comparison. */
  private besideOrigin(origin: ReplayGame, state: GameState): HTMLElement {
    const cmp = besideOrigin(origin, state);
    const ending = (id: string | null) =>
      id ? (this.c.scenario.outcomes.find((o) => o.id === id)?.title.text ?? id) : 'no ending';
    const [was, now] = cmp.groups;
    const open = () => {
      const url = URL.createObjectURL(new Blob([compareHtml(this.c.scenario, cmp)], { type: 'text/html' }));
      window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    };
    return h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'beside-origin', 'data-beside-origin': '' } },
      h('h2', { id: 'beside-origin', text: 'Beside the original game' }),
      h('p', {
        text: `The original game ended in: ${ending(was?.outcome ?? null)}. This one: ${ending(now?.outcome ?? null)}.`,
      }),
      h('p', {
        text:
          cmp.firstDifference === null
            ? 'The two games took the same decisions.'
            : `Their decisions parted in turn ${cmp.firstDifference + 1}.`,
      }),
      h('button', {
        class: 'button',
        attrs: { type: 'button' },
        text: 'Open the comparison (indicators, decisions)',
        on: { click: open },
      }),
    );
  }
}

/** The public picture's template as nodes, for this page's element builder. */
function publicNodes(part: TemplateResult): DocumentFragment {
  const nodes = document.createDocumentFragment();
  render(part, nodes);
  return nodes;
}
