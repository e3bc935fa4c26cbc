// A student's screen at a seat: the same situation room as the solo game, from the model the server built for this
// seat alone. Picking an option proposes it to the whole team; one confirmation submits the team's decision.
//
// The page is a template of the seat's view. The situation room inside it is the solo game's view (an element with
// its own `update`), kept as one instance per turn and placed in the template as a node: a new view updates it in
// place, so what the student had open, and where, stays.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { LobbyClientView, SeatClientView } from '../../present/classroom-screens.ts';
import type { Intent } from '../../present/intents.ts';
import type { SituationModel } from '../../present/screens.ts';
import { h } from '../dom.ts';
import { debriefView } from '../views/debrief.view.ts';
import { type SituationView, situationView } from '../views/situation.view.ts';
import { type Asking, askingForm, fieldValue } from './form.ts';
import { typedCode } from './links.ts';
import { clockText } from './projector.page.ts';

export interface SeatActions {
  propose(option: string): void;
  confirm(): void;
  /** Asks for a seat without its code: the device waits here until the facilitator admits it. */
  takeSeat(actor: string): void;
  /** Takes the seat a seat code opens; why not, in one sentence. */
  seatCode(code: string): Promise<string | null>;
}

export function lobbyPage(
  view: LobbyClientView,
  actions: SeatActions,
  note: string | null,
  asking: Asking,
): TemplateResult {
  const take = (form: HTMLFormElement) => {
    const code = typedCode(fieldValue(form, 'seat-code'));
    return /^[A-HJ-NP-Z]{8}$/.test(code)
      ? actions.seatCode(code)
      : Promise.resolve('A seat code is eight letters, as the teacher gave it.');
  };
  const fields = html`<label class="field" for="lobby-seat-code"><span>Your team's seat code</span></label>
    <input id="lobby-seat-code" name="seat-code" autocomplete="off" autocapitalize="characters"
      spellcheck="false" maxlength="9" required>`;
  return html`<main class="class-page">
    <h1>Room ${view.code}: choose your team's seat</h1>
    ${note ? html`<p class="notice" role="status" data-lobby-note="">${note}</p>` : nothing}
    ${askingForm('Take the seat', asking, take, fields)}
    <p>No seat code? Choose your team: the teacher lets you in from the console.</p>
    ${
      view.seats.length === 0
        ? html`<p>No seat is open to a team yet; the facilitator will open one.</p>`
        : html`<ul class="menu-list">${view.seats.map(
            (s) => html`<li><button class="button" type="button" data-seat=${s.actor} ?disabled=${s.locked}
              @click=${() => actions.takeSeat(s.actor)}>${`${s.label}${s.devices ? ` (${s.devices} here)` : ''}${s.locked ? ' (locked)' : ''}`}</button></li>`,
          )}</ul>`
    }
  </main>`;
}

/** The team's bar above the situation: who is here, what the team has done this turn, the clock. */
export function seatBar(view: SeatClientView, now: number, link: string): TemplateResult {
  const label = view.situation.actor.name.text;
  // The line is the server's (the seat's presenter): who holds the seat, paused, decided, deciding.
  return html`<div class="seat-bar" role="status" aria-live="polite"
    data-turn=${String(view.situation.turn.index)} data-ended=${String(view.outcome !== null)}>
    <p class="eyebrow">${`Room ${view.code} · ${label}${view.team.length ? ` · ${view.team.join(', ')}` : ''}`}</p>
    <p data-seat-status=${view.status} data-seat-holder=${view.holder}>${view.statusLine}</p>
    ${view.deadlineAt !== null ? html`<p class="hint">${clockText(view.deadlineAt, now)}</p>` : nothing}
    ${
      link !== 'connected'
        ? html`<p class="notice">${link === 'reconnecting' ? 'Connection lost: coming back…' : 'Not connected.'}</p>`
        : nothing
    }
  </div>`;
}

/** The seat page around the screen `SeatScreen` keeps: the team's bar, then the situation or the debrief. */
export function seatPage(view: SeatClientView, now: number, link: string, shown: Shown): TemplateResult {
  return html`<div>
    ${seatBar(view, now, link)}
    <main class=${view.outcome ? 'class-page class-debrief' : 'class-page class-seat'}>${shown.element}</main>
  </div>`;
}

/** What the seat page shows below its bar, and whether it has just arrived (a new turn, or the ending). */
export interface Shown {
  element: HTMLElement;
  heading: HTMLElement;
  fresh: boolean;
  /** The control to give the focus back to once drawn, when the turn's room was built again under it. */
  refocus?: HTMLElement | null;
}

/**
 * The seat's screen below the bar: one situation room per turn, updated by each view; the debrief once the game
 * has ended, built once. The situation room's own `update` follows the team's proposal only, so any other change
 * to its model (an override, an inject, an option opening) builds the turn's room again, with the same sections
 * open and the focus where it was.
 */
export class SeatScreen {
  private current: {
    turn: number;
    ended: boolean;
    content: string;
    view: SituationView | null;
    element: HTMLElement;
    heading: HTMLElement;
  } | null = null;
  private last: SeatClientView | null = null;

  constructor(private readonly actions: SeatActions) {}

  show(view: SeatClientView): Shown {
    const turn = view.situation.turn.index;
    const ended = view.outcome !== null;
    const now = this.current;
    const fresh = !now || now.turn !== turn || now.ended !== ended;
    if (!fresh && view === this.last) return { element: now.element, heading: now.heading, fresh: false };
    this.last = view;
    if (ended) {
      if (fresh) this.current = { turn, ended, content: '', view: null, ...this.debrief(view) };
      return { element: this.current!.element, heading: this.current!.heading, fresh };
    }
    const content = withoutSelection(view.situation);
    if (!fresh && now.view && now.content === content) {
      now.view.update(view.situation);
      this.confirmable(now.element, view);
      return { element: now.element, heading: now.heading, fresh: false };
    }
    const built = this.situation(view);
    const refocus = !fresh && now ? keepState(now.element, built.element) : null;
    this.current = { turn, ended, content, view: built, element: built.element, heading: built.heading };
    return { element: built.element, heading: built.heading, fresh, refocus };
  }

  private situation(view: SeatClientView): SituationView {
    const send = (intent: Intent) => {
      if (intent.type === 'select-option') this.actions.propose(intent.optionId);
      else if (intent.type === 'confirm-decision') this.actions.confirm();
    };
    const screen = situationView(view.situation, send);
    screen.heading.tabIndex = -1;
    if (!view.situation.decision) {
      // Nothing to confirm: the turn does not wait for a seat without a decision.
      screen.element
        .querySelector('[data-intent="confirm-decision"]')
        ?.replaceWith(
          h('p', { class: 'hint', text: 'Your actor has no decision this turn; the others are deciding.' }),
        );
    }
    this.confirmable(screen.element, view);
    return screen;
  }

  /**
   * "Confirm" follows the model: nothing to confirm once the team's choice is in, or when the team does not hold
   * the seat. Done after each update, which sets it from the proposal alone.
   */
  private confirmable(element: HTMLElement, view: SeatClientView): void {
    const confirm = element.querySelector<HTMLButtonElement>('[data-intent="confirm-decision"]');
    if (confirm && !view.canConfirm) confirm.disabled = true;
  }

  /** The debrief, as the solo game gives it: why this ending, the team's goals, this game beside history. */
  private debrief(view: SeatClientView): { element: HTMLElement; heading: HTMLElement } {
    const debrief = view.debrief ? debriefView(view.debrief, () => undefined) : null;
    if (!debrief) {
      const heading = h('h1', { text: view.outcome?.title ?? 'The game has ended' });
      heading.tabIndex = -1;
      const element = h('div', {}, heading, h('p', { text: view.outcome?.summary ?? '' }), leadsHint());
      return { element, heading };
    }
    // Its buttons for a new game or the title belong to the solo game; the facilitator leads from here.
    debrief.element
      .querySelectorAll('[data-intent="new-game"], [data-intent="quit-to-title"]')
      .forEach((b) => {
        b.remove();
      });
    debrief.heading.tabIndex = -1;
    return { element: h('div', {}, debrief.element, leadsHint()), heading: debrief.heading };
  }
}

function leadsHint(): HTMLElement {
  return h('p', { class: 'hint', text: 'Your facilitator leads the discussion from here.' });
}

/** The situation's model but the team's pick, which the room's own `update` shows. */
function withoutSelection(model: SituationModel): string {
  return JSON.stringify(model, (key, value) => (key === 'selected' ? null : value));
}

/**
 * The turn's room built again keeps what the student had: the same sections open, and the focus on the same control
 * (an option, Confirm, a section's summary), which this returns for the page to focus once the room is drawn.
 */
function keepState(from: HTMLElement, to: HTMLElement): HTMLElement | null {
  const open = [...from.querySelectorAll('details')].map((d) => d.open);
  to.querySelectorAll('details').forEach((d, i) => {
    if (open[i] !== undefined) d.open = open[i];
  });
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !from.contains(focused)) return null;
  const all = (root: HTMLElement) => [
    ...root.querySelectorAll<HTMLElement>('button, summary, a, [tabindex]'),
  ];
  const option = focused.dataset.option;
  const intent = focused.dataset.intent;
  return option
    ? to.querySelector<HTMLElement>(`[data-option="${CSS.escape(option)}"]`)
    : intent
      ? to.querySelector<HTMLElement>(`[data-intent="${CSS.escape(intent)}"]`)
      : (all(to)[all(from).indexOf(focused)] ?? null);
}
