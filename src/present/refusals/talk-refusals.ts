// The refusals of src/sim/talk.ts: statements, messages, decision reasons, approvals and hiding.
import type { TalkRefusalKey } from '../../sim/refusal-keys.ts';
import { formatNumber, t } from '../i18n/i18n.ts';
import type { RefusalTable, Words } from './words.ts';

/**
 * A count or a number the engine's sentence writes in plain digits (a length, a bound, an item's number), in the
 * viewer's digits without grouping: the English line stays the engine's word for word ("1000", not "1,000").
 */
export function plain(w: Words, name: string): string {
  return formatNumber(w.number(name), { digits: 1 });
}

export const talkRefusals: RefusalTable<TalkRefusalKey> = {
  'talk.address-self': (w) => t('refusal.talk.addressSelf', { actor: w.actor('actor') }),
  'talk.addressee-twice': (w) => t('refusal.talk.addresseeTwice', { actor: w.actor('actor') }),
  'talk.already-hidden': (w) => t('refusal.talk.alreadyHidden', { n: plain(w, 'n') }),
  'talk.approve-hidden': (w) => t('refusal.talk.approveHidden', { n: plain(w, 'n') }),
  'talk.approve-not-waiting': (w) => t('refusal.talk.approveNotWaiting', { n: plain(w, 'n') }),
  'talk.by-facilitator': () => t('refusal.talk.byFacilitator'),
  'talk.claim-not-now': (w) => t('refusal.talk.claimNotNow', { claim: w.claim() }),
  'talk.claim-not-speaker': (w) =>
    t('refusal.talk.claimNotSpeaker', { actor: w.actor('actor'), claim: w.claim() }),
  'talk.claim-unknown': (w) => t('refusal.talk.claimUnknown', { claim: w.claim() }),
  'talk.decision-reason-too-long': (w) =>
    t('refusal.talk.decisionReasonTooLong', { max: plain(w, 'max'), length: plain(w, 'length') }),
  'talk.level-none': () => t('refusal.talk.levelNone'),
  'talk.level-statements': () => t('refusal.talk.levelStatements'),
  'talk.message-empty': () => t('refusal.talk.messageEmpty'),
  'talk.message-too-long': (w) =>
    t('refusal.talk.messageTooLong', { max: plain(w, 'max'), length: plain(w, 'length') }),
  'talk.no-addressee': () => t('refusal.talk.noAddressee'),
  'talk.no-number': (w) => t('refusal.talk.noNumber', { n: plain(w, 'n') }),
  'talk.statement-empty': () => t('refusal.talk.statementEmpty'),
  'talk.statement-too-long': (w) =>
    t('refusal.talk.statementTooLong', { max: plain(w, 'max'), length: plain(w, 'length') }),
  'talk.too-many': (w) => t('refusal.talk.tooMany', { actor: w.actor('actor'), max: plain(w, 'max') }),
};
