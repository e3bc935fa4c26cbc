// The refusals of src/sim/agreements.ts: proposals, answers, withdrawals and breaches.
import type { AgreementRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable, Words } from './words.ts';

/** What became of a proposal that is no longer open, as the refusal says it ("it was accepted"). */
function closedAs(w: Words): string {
  switch (w.text('status')) {
    case 'accepted':
      return t('refusal.agreement.was.accepted');
    case 'declined':
      return t('refusal.agreement.was.declined');
    case 'withdrawn':
      return t('refusal.agreement.was.withdrawn');
    case 'lapsed':
      return t('refusal.agreement.was.lapsed');
    default:
      return t('refusal.agreement.was.broken');
  }
}

/** The three a refusal about a pair names: the agreement, the proposing seat and the other one. */
function pair(w: Words): { agreement: string; actor: string; to: string } {
  return { agreement: w.agreement(), actor: w.actor('actor'), to: w.actor('to') };
}

export const agreementRefusals: RefusalTable<AgreementRefusalKey> = {
  'agreement.by-facilitator': () => t('refusal.agreement.byFacilitator'),
  'agreement.closed': (w) => t('refusal.agreement.closed', { n: w.number('n'), was: closedAs(w) }),
  'agreement.conditions': (w) => t('refusal.agreement.conditions', { agreement: w.agreement() }),
  'agreement.conditions-gone': (w) => t('refusal.agreement.conditionsGone', { agreement: w.agreement() }),
  'agreement.level': () => t('refusal.agreement.level'),
  'agreement.none-to-answer': (w) =>
    t('refusal.agreement.noneToAnswer', { actor: w.actor('actor'), n: w.number('n') }),
  'agreement.none-to-withdraw': (w) =>
    t('refusal.agreement.noneToWithdraw', { actor: w.actor('actor'), n: w.number('n') }),
  'agreement.not-pair': (w) => t('refusal.agreement.notPair', pair(w)),
  'agreement.pending': (w) => t('refusal.agreement.pending', pair(w)),
  'agreement.reason-too-long': (w) =>
    t('refusal.agreement.reasonTooLong', { max: w.number('max'), length: w.number('length') }),
  'agreement.stands': (w) => t('refusal.agreement.stands', pair(w)),
  'agreement.too-many': (w) =>
    t('refusal.agreement.tooMany', { actor: w.actor('actor'), max: w.number('max') }),
  'agreement.unknown': (w) => t('refusal.agreement.unknown', { agreement: w.agreement() }),
  'agreement.vacant': (w) => t('refusal.agreement.vacant', { to: w.actor('to') }),
};
