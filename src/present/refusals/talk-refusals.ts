// The refusals of src/sim/talk.ts: statements, messages, decision reasons, approvals and hiding.
import type { TalkRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const talkRefusals: RefusalTable<TalkRefusalKey> = {
  'talk.address-self': (w) => t('refusal.talk.addressSelf', { actor: w.actor('actor') }),
  'talk.addressee-twice': (w) => t('refusal.talk.addresseeTwice', { actor: w.actor('actor') }),
  'talk.already-hidden': (w) => t('refusal.talk.alreadyHidden', { n: w.number('n') }),
  'talk.approve-hidden': (w) => t('refusal.talk.approveHidden', { n: w.number('n') }),
  'talk.approve-not-waiting': (w) => t('refusal.talk.approveNotWaiting', { n: w.number('n') }),
  'talk.by-facilitator': () => t('refusal.talk.byFacilitator'),
  'talk.claim-not-now': (w) => t('refusal.talk.claimNotNow', { claim: w.claim() }),
  'talk.claim-not-speaker': (w) =>
    t('refusal.talk.claimNotSpeaker', { actor: w.actor('actor'), claim: w.claim() }),
  'talk.claim-unknown': (w) => t('refusal.talk.claimUnknown', { claim: w.claim() }),
  'talk.decision-reason-too-long': (w) =>
    t('refusal.talk.decisionReasonTooLong', { max: w.number('max'), length: w.number('length') }),
  'talk.level-none': () => t('refusal.talk.levelNone'),
  'talk.level-statements': () => t('refusal.talk.levelStatements'),
  'talk.message-empty': () => t('refusal.talk.messageEmpty'),
  'talk.message-too-long': (w) =>
    t('refusal.talk.messageTooLong', { max: w.number('max'), length: w.number('length') }),
  'talk.no-addressee': () => t('refusal.talk.noAddressee'),
  'talk.no-number': (w) => t('refusal.talk.noNumber', { n: w.number('n') }),
  'talk.statement-empty': () => t('refusal.talk.statementEmpty'),
  'talk.statement-too-long': (w) =>
    t('refusal.talk.statementTooLong', { max: w.number('max'), length: w.number('length') }),
  'talk.too-many': (w) => t('refusal.talk.tooMany', { actor: w.actor('actor'), max: w.number('max') }),
};
