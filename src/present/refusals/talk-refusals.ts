// The refusals of src/sim/talk.ts: statements, messages, decision reasons, approvals and hiding.
import type { TalkRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const talkRefusals: RefusalTable<TalkRefusalKey> = {
  'talk.by-facilitator': () => t('refusal.talk.byFacilitator'),
};
