// The refusals of src/sim/commands.ts: a command that does not parse, and free text with nothing to read.
import type { CommandRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const commandRefusals: RefusalTable<CommandRefusalKey> = {
  // The checker's words (`detail`) are its own English: they name a field of the command as the program sent it.
  'command.malformed': (w) => t('refusal.command.malformed', { detail: w.text('detail') }),
  'command.hide-reason-empty': () => t('refusal.command.hideReasonEmpty'),
  'command.override-reason-empty': () => t('refusal.command.overrideReasonEmpty'),
  'command.request-too-long': () => t('refusal.command.requestTooLong'),
  'command.request-empty': () => t('refusal.command.requestEmpty'),
  'command.ruling-reason-empty': () => t('refusal.command.rulingReasonEmpty'),
  'command.text-too-long': (w) => t('refusal.command.textTooLong', { max: w.number('max') }),
  'command.text-empty': () => t('refusal.command.textEmpty'),
};
