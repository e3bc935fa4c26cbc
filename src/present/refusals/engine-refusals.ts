// The refusals of src/sim/engine.ts: the decisions, the facilitator's commands, the turn.
import type { EngineRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import { issuerText, type RefusalTable, type Words } from './words.ts';

/** The options open to the actor (`open`, a list of its option ids), by their labels; "none" when there is none. */
function openOptions(w: Words): string {
  const value = w.params.open;
  const ids = Array.isArray(value) ? value : [];
  if (ids.length === 0) return t('refusal.engine.openNone');
  const actor = w.text('actor');
  return ids.map((id) => w.names.optionLabel(actor, id)).join(t('refusal.listSeparator'));
}

export const engineRefusals: RefusalTable<EngineRefusalKey> = {
  'engine.already-chosen': (w) =>
    t('refusal.engine.alreadyChosen', { actor: w.actor('actor'), option: w.option() }),
  'engine.already-paused': () => t('refusal.engine.alreadyPaused'),
  'engine.already-proposed': (w) =>
    t('refusal.engine.alreadyProposed', { actor: w.actor('actor'), option: w.option() }),
  'engine.already-started': () => t('refusal.engine.alreadyStarted'),
  'engine.computer-proposes': (w) => t('refusal.engine.computerProposes', { actor: w.actor('actor') }),
  'engine.decision-by-facilitator': () => t('refusal.engine.decisionByFacilitator'),
  'engine.event-once': (w) => t('refusal.engine.eventOnce', { event: w.event() }),
  'engine.facilitator-only': (w) => t('refusal.engine.facilitatorOnly', { issuer: issuerText(w) }),
  'engine.no-actor': (w) => t('refusal.engine.noActor', { actor: w.actor('actor') }),
  'engine.no-command': (w) => t('refusal.engine.noCommand', { command: w.text('command') }),
  'engine.no-decision': (w) => t('refusal.engine.noDecision', { actor: w.actor('actor') }),
  'engine.no-event': (w) => t('refusal.engine.noEvent', { event: w.event() }),
  'engine.no-indicator': (w) => t('refusal.engine.noIndicator', { indicator: w.indicator() }),
  'engine.no-option': (w) => t('refusal.engine.noOption', { actor: w.actor('actor'), option: w.option() }),
  'engine.no-proposal-to-clear': (w) => t('refusal.engine.noProposalToClear', { actor: w.actor('actor') }),
  'engine.not-paused': () => t('refusal.engine.notPaused'),
  'engine.nothing-to-propose': (w) => t('refusal.engine.nothingToPropose', { actor: w.actor('actor') }),
  'engine.nothing-to-withdraw': (w) => t('refusal.engine.nothingToWithdraw', { actor: w.actor('actor') }),
  'engine.option-not-open': (w) =>
    t('refusal.engine.optionNotOpen', { option: w.option(), actor: w.actor('actor'), open: openOptions(w) }),
  'engine.out-of-range': (w) =>
    t('refusal.engine.outOfRange', {
      indicator: w.indicator(),
      min: w.number('min'),
      max: w.number('max'),
      value: w.number('value'),
    }),
  'engine.stale': (w) => t('refusal.engine.stale', { sent: w.number('sent'), turn: w.number('turn') }),
  'engine.too-many-changes': (w) =>
    t('refusal.engine.tooManyChanges', { actor: w.actor('actor'), max: w.number('max') }),
  'engine.too-many-proposals': (w) =>
    t('refusal.engine.tooManyProposals', { actor: w.actor('actor'), max: w.number('max') }),
  'engine.waiting-for': (w) => t('refusal.engine.waitingFor', { actors: w.actors('actors') }),
};
