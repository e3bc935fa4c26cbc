// A student's screen at a seat: the same situation room as the solo game, from the model the server built for this
// seat alone. Picking an option proposes it to the whole team; one confirmation submits the team's decision.
import type { LobbyClientView, SeatClientView } from '../../present/classroom-screens.ts';
import type { Intent } from '../../present/intents.ts';
import { h } from '../dom.ts';
import { debriefView } from '../views/debrief.view.ts';
import { situationView } from '../views/situation.view.ts';
import { askingForm } from './form.ts';
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
  note: string | null = null,
): HTMLElement {
  const input = h('input', {
    id: 'lobby-seat-code',
    attrs: {
      name: 'seat-code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 9,
      required: true,
    },
  });
  const { form } = askingForm(
    'Take the seat',
    () => {
      const code = typedCode(input.value);
      return /^[A-HJ-NP-Z]{8}$/.test(code)
        ? actions.seatCode(code)
        : Promise.resolve('A seat code is eight letters, as the teacher gave it.');
    },
    h(
      'label',
      { class: 'field', attrs: { for: 'lobby-seat-code' } },
      h('span', { text: "Your team's seat code" }),
    ),
    input,
  );
  return h(
    'main',
    { class: 'class-page' },
    h('h1', { text: `Room ${view.code}: choose your team's seat` }),
    note && h('p', { class: 'notice', attrs: { role: 'status' }, dataset: { lobbyNote: '' }, text: note }),
    form,
    h('p', {
      text: 'No seat code? Choose your team: the teacher lets you in from the console.',
    }),
    view.seats.length === 0
      ? h('p', { text: 'No seat is open to a team yet; the facilitator will open one.' })
      : h(
          'ul',
          { class: 'menu-list' },
          ...view.seats.map((s) =>
            h(
              'li',
              {},
              h('button', {
                class: 'button',
                attrs: { type: 'button', 'data-seat': s.actor, disabled: s.locked },
                text: `${s.label}${s.devices ? ` (${s.devices} here)` : ''}${s.locked ? ' (locked)' : ''}`,
                on: { click: () => actions.takeSeat(s.actor) },
              }),
            ),
          ),
        ),
  );
}

/** The team's bar above the situation: who is here, what the team has done this turn, the clock. */
export function seatBar(view: SeatClientView, now: number, link: string): HTMLElement {
  const label = view.situation.actor.name.text;
  // The line is the server's (the seat's presenter): who holds the seat, paused, decided, deciding.
  const status = view.statusLine;
  return h(
    'div',
    {
      class: 'seat-bar',
      attrs: { role: 'status', 'aria-live': 'polite' },
      dataset: { turn: String(view.situation.turn.index), ended: String(view.outcome !== null) },
    },
    h('p', {
      class: 'eyebrow',
      text: `Room ${view.code} · ${label}${view.team.length ? ` · ${view.team.join(', ')}` : ''}`,
    }),
    h('p', { dataset: { seatStatus: view.status, seatHolder: view.holder }, text: status }),
    view.deadlineAt !== null && h('p', { class: 'hint', text: clockText(view.deadlineAt, now) }),
    link !== 'connected' &&
      h('p', {
        class: 'notice',
        text: link === 'reconnecting' ? 'Connection lost: coming back…' : 'Not connected.',
      }),
  );
}

export function seatPage(
  view: SeatClientView,
  actions: SeatActions,
): { element: HTMLElement; update(v: SeatClientView): void } {
  if (view.outcome) {
    // The debrief, as the solo game gives it: why this ending, the team's goals, this game beside history. Its
    // buttons for a new game or the title belong to the solo game; the facilitator leads from here.
    const debrief = view.debrief ? debriefView(view.debrief, () => undefined) : null;
    debrief?.element
      .querySelectorAll('[data-intent="new-game"], [data-intent="quit-to-title"]')
      .forEach((b) => {
        b.remove();
      });
    const element = h(
      'main',
      { class: 'class-page class-debrief' },
      debrief ? debrief.element : h('h1', { text: view.outcome.title }),
      !debrief && h('p', { text: view.outcome.summary }),
      h('p', { class: 'hint', text: 'Your facilitator leads the discussion from here.' }),
    );
    return { element, update: () => undefined };
  }
  const send = (intent: Intent) => {
    if (intent.type === 'select-option') actions.propose(intent.optionId);
    else if (intent.type === 'confirm-decision') actions.confirm();
  };
  const screen = situationView(view.situation, send);
  if (!view.situation.decision) {
    // Nothing to confirm: the turn does not wait for a seat without a decision.
    screen.element
      .querySelector('[data-intent="confirm-decision"]')
      ?.replaceWith(
        h('p', { class: 'hint', text: 'Your actor has no decision this turn; the others are deciding.' }),
      );
  }
  // "Confirm" follows the model: nothing to confirm once the team's choice is in, or when the team does not hold
  // the seat.
  const confirmable = (v: SeatClientView) => {
    const confirm = screen.element.querySelector<HTMLButtonElement>('[data-intent="confirm-decision"]');
    if (confirm && !v.canConfirm) confirm.disabled = true;
  };
  confirmable(view);
  return {
    element: h('main', { class: 'class-page class-seat' }, screen.element),
    update: (v) => {
      screen.update(v.situation);
      confirmable(v);
    },
  };
}
