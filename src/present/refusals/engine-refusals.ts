// The refusals of src/sim/engine.ts: the decisions, the facilitator's commands, the turn.
import type { EngineRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const engineRefusals: RefusalTable<EngineRefusalKey> = {
  'engine.no-command': (w) => t('refusal.engine.noCommand', { command: w.text('command') }),
  'engine.stale': (w) => t('refusal.engine.stale', { sent: w.number('sent'), turn: w.number('turn') }),
};
