// The refusals of src/sim/agreements.ts: proposals, answers, withdrawals and breaches.
import type { AgreementRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const agreementRefusals: RefusalTable<AgreementRefusalKey> = {
  'agreement.by-facilitator': () => t('refusal.agreement.byFacilitator'),
};
