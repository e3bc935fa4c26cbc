// The team's reason with its decision: one or two sentences, optional, bounded, with a visible count of what is
// left. The field's value is never bound: what was typed survives every new model, and is read when the decision
// is confirmed.
import { html, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { formatNumber, t } from '../../present/i18n/i18n.ts';
import { DECISION_REASON_MAX } from '../../session/talk-limits.ts';

export const REASON_FIELD = 'decision-reason';

/** The state the field keeps across models: how many characters it holds (for its count). */
export interface ReasonState {
  chars: number;
  redraw: () => void;
}

/**
 * A classroom seat's field, beside its turn's room: one field per turn (keyed by it), so that a reason given in
 * one turn is not offered again in the next.
 */
export function turnReasonField(state: ReasonState & { turn: number }, turn: number): TemplateResult {
  if (state.turn !== turn) {
    state.turn = turn;
    state.chars = 0;
  }
  return html`${keyed(turn, reasonField(state))}`;
}

export function reasonField(state: ReasonState): TemplateResult {
  const typed = (event: Event) => {
    state.chars = (event.target as HTMLTextAreaElement).value.length;
    state.redraw();
  };
  return html`<div class="decision-reason" data-decision-reason="">
    <label class="field" for=${REASON_FIELD}><span>${t('reason.label')}</span></label>
    <textarea id=${REASON_FIELD} name="reason" rows="2" maxlength=${DECISION_REASON_MAX}
      aria-describedby="decision-reason-count" @input=${typed}></textarea>
    <p class="hint" id="decision-reason-count" data-count="">${t('talk.count', {
      used: formatNumber(state.chars),
      max: formatNumber(DECISION_REASON_MAX),
    })}</p>
  </div>`;
}

/** The reason typed in `root`'s field, or undefined when there is none (the decision goes without). */
export function reasonIn(root: ParentNode): string | undefined {
  const field = root.querySelector(`#${REASON_FIELD}`);
  const text = field instanceof HTMLTextAreaElement ? field.value.trim() : '';
  return text ? text : undefined;
}
