// The refusals of src/sim/rulings.ts: requests for a ruling and the facilitator's rulings.
import type { RulingRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const rulingRefusals: RefusalTable<RulingRefusalKey> = {
  'ruling.by-facilitator': () => t('refusal.ruling.byFacilitator'),
};
