// A student's screen at a seat: the same situation room as the solo game, from the model the server built for this
// seat alone. Picking an option proposes it to the whole team; one confirmation submits the team's decision.
//
// The page is a template of the seat's view. The situation room inside it is the solo game's view (a template
// rendered into its own element), kept as one instance per turn and placed in the page as a node: each new view
// renders it again in place, so what the student had open, and where, stays.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { LobbyClientView, SeatClientView } from '../../present/classroom-screens.ts';
import { isolate, t } from '../../present/i18n/i18n.ts';
import type { Intent } from '../../present/intents.ts';
import { debriefView } from '../views/debrief.view.ts';
import { type ReasonState, turnReasonField } from '../views/reason.part.ts';
import { type SeatTerms, type SituationView, situationView } from '../views/situation.view.ts';
import { type Asking, askingForm, fieldValue } from './form.ts';
import { typedCode } from './links.ts';
import { clockText } from './projector.page.ts';

export interface SeatActions {
  propose(option: string): void;
  /** `reason`: the team's one or two sentences with its decision, if any. */
  confirm(reason?: string): void;
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
    return /^[A-HJ-NP-Z]{8}$/.test(code) ? actions.seatCode(code) : Promise.resolve(t('seat.codeEight'));
  };
  const fields = html`<label class="field" for="lobby-seat-code"><span>${t('seat.code')}</span></label>
    <input id="lobby-seat-code" name="seat-code" dir="ltr" autocomplete="off" autocapitalize="characters"
      spellcheck="false" maxlength="9" required>`;
  return html`<main class="class-page">
    <h1>${t('seat.lobbyHeading', { code: isolate(view.code) })}</h1>
    ${note ? html`<p class="notice" role="status" data-lobby-note="">${note}</p>` : nothing}
    ${askingForm(t('seat.take'), asking, take, fields)}
    <p>${t('seat.noCode')}</p>
    ${
      view.seats.length === 0
        ? html`<p>${t('seat.noneOpen')}</p>`
        : html`<ul class="menu-list">${view.seats.map(
            (s) => html`<li><button class="button" type="button" data-seat=${s.actor} ?disabled=${s.locked}
              @click=${() => actions.takeSeat(s.actor)}>${seatLabel(s)}</button></li>`,
          )}</ul>`
    }
  </main>`;
}

/** A seat in the lobby: the actor, how many devices of the team are there, and whether it is locked. */
function seatLabel(s: LobbyClientView['seats'][number]): string {
  const here = s.devices ? t('seat.devicesHere', { count: s.devices }) : '';
  return `${s.label}${here}${s.locked ? t('seat.locked') : ''}`;
}

/** The bar's first line: the room, the actor, and the team's names (each isolated: a name may be in any script). */
function barLine(code: string, actor: string, team: readonly string[]): string {
  const names = team.map(isolate).join(t('seat.nameSeparator'));
  return team.length
    ? t('seat.barWithTeam', { code: isolate(code), actor, team: names })
    : t('seat.bar', { code: isolate(code), actor });
}

/** The team's bar above the situation: who is here, what the team has done this turn, the clock. */
export function seatBar(view: SeatClientView, now: number, link: string): TemplateResult {
  const label = view.situation.actor.name.text;
  // The line is the server's (the seat's presenter): who holds the seat, paused, decided, deciding.
  return html`<div class="seat-bar" role="status" aria-live="polite"
    data-turn=${String(view.situation.turn.index)} data-ended=${String(view.outcome !== null)}>
    <p class="eyebrow">${barLine(view.code, label, view.team)}</p>
    <p data-seat-status=${view.status} data-seat-holder=${view.holder}>${view.statusLine}</p>
    ${view.deadlineAt !== null ? html`<p class="hint">${clockText(view.deadlineAt, now)}</p>` : nothing}
    ${
      link !== 'connected'
        ? html`<p class="notice">${link === 'reconnecting' ? t('seat.reconnecting') : t('seat.notConnected')}</p>`
        : nothing
    }
  </div>`;
}

/**
 * The seat page around the screen `SeatScreen` keeps: the team's bar, then the situation or the debrief, then the
 * team's talk panel (what it may read of what was said, and what it may still say).
 */
export function seatPage(
  view: SeatClientView,
  now: number,
  link: string,
  shown: Shown,
  talk: TemplateResult,
  reason: ReasonState & { turn: number },
): TemplateResult {
  // The team's reason goes with its confirmation ("Confirm" reads it): while the turn has a decision for it.
  const withReason = view.situation.decision !== null && view.outcome === null && view.holder === 'person';
  return html`<div>
    ${seatBar(view, now, link)}
    <main class=${view.outcome ? 'class-page class-debrief' : 'class-page class-seat'}>${shown.element}${
      withReason ? turnReasonField(reason, view.situation.turn.index) : nothing
    }${talk}</main>
  </div>`;
}

/** What the seat page shows below its bar, and whether it has just arrived (a new turn, or the ending). */
export interface Shown {
  element: HTMLElement;
  heading: HTMLElement;
  fresh: boolean;
  /** The control to give the focus back to once drawn (none: the room is patched in place, focus and all). */
  refocus?: HTMLElement | null;
}

/**
 * The seat's screen below the bar: one situation room per turn, rendered again from each view (a proposal, an
 * override, an inject: lit patches it in place, so what the student had open, and the focus, stay); the debrief
 * once the game has ended, built once.
 */
export class SeatScreen {
  private current: {
    turn: number;
    ended: boolean;
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
    if (fresh) {
      const built = ended ? { view: null, ...this.debrief(view) } : this.situation(view);
      this.current = { turn, ended, view: built.view, element: built.element, heading: built.heading };
    } else now.view?.update(view.situation, terms(view));
    const { element, heading } = this.current!;
    return { element, heading, fresh };
  }

  private situation(view: SeatClientView): {
    view: SituationView;
    element: HTMLElement;
    heading: HTMLElement;
  } {
    const send = (intent: Intent) => {
      if (intent.type === 'select-option') this.actions.propose(intent.optionId);
      else if (intent.type === 'confirm-decision') this.actions.confirm(intent.reason);
    };
    const screen = situationView(view.situation, send, terms(view));
    return { view: screen, element: screen.element, heading: screen.heading };
  }

  /** The debrief, as the solo game gives it: why this ending, the team's goals, this game beside history. */
  private debrief(view: SeatClientView): { element: HTMLElement; heading: HTMLElement } {
    const element = document.createElement('div');
    if (!view.debrief) {
      render(
        html`<h1 tabindex="-1">${view.outcome?.title ?? t('seat.ended')}</h1><p>${view.outcome?.summary ?? ''}</p>${leadsHint()}`,
        element,
      );
      return { element, heading: element.querySelector('h1') as HTMLElement };
    }
    // No replay link: the solo game's opens the game saved on this device, which a classroom game is not (the
    // facilitator replays the room's record from the console). No buttons for a new game or the title either:
    // they belong to the solo game, and the facilitator leads from here.
    const debrief = debriefView(view.debrief, () => undefined, { review: [], gameButtons: false });
    render(html`${debrief.element}${leadsHint()}`, element);
    return { element, heading: debrief.heading };
  }
}

/**
 * "Confirm" follows the model: nothing to confirm once the team's choice is in, or when the team does not hold the
 * seat; an actor without a decision is told the turn does not wait for it.
 */
function terms(view: SeatClientView): SeatTerms {
  return {
    canConfirm: view.canConfirm,
    noDecision: t('seat.noDecision'),
  };
}

function leadsHint(): TemplateResult {
  return html`<p class="hint">${t('seat.leads')}</p>`;
}
