// The refusals of src/sim/seat-check.ts: the game's phase, and who may act or speak at a seat.
import type { SeatRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable, Words } from './words.ts';

function held(w: Words): string {
  switch (w.text('held')) {
    case 'vacant':
      return t('refusal.seat.held.vacant');
    case 'computer':
      return t('refusal.seat.held.computer');
    default:
      return t('refusal.seat.held.person');
  }
}

/** Who may not use the seat: the kind of issuer that claimed it. */
function who(w: Words): string {
  return w.text('by') === 'computer' ? t('refusal.seat.who.computer') : t('refusal.seat.who.person');
}

export const seatRefusals: RefusalTable<SeatRefusalKey> = {
  'game.ended': () => t('refusal.game.ended'),
  'game.not-started': () => t('refusal.game.notStarted'),
  'game.paused': () => t('refusal.game.paused'),
  'seat.not-playable': (w) => t('refusal.seat.notPlayable', { actor: w.actor('actor') }),
  'seat.other-act': (w) => t('refusal.seat.otherAct', { seat: w.actor('seat'), actor: w.actor('actor') }),
  'seat.other-speak': (w) => t('refusal.seat.otherSpeak', { seat: w.actor('seat'), actor: w.actor('actor') }),
  'seat.wrong-holder-act': (w) =>
    t('refusal.seat.wrongHolderAct', { seat: w.actor('seat'), held: held(w), who: who(w) }),
  'seat.wrong-holder-speak': (w) =>
    t('refusal.seat.wrongHolderSpeak', { seat: w.actor('seat'), held: held(w), who: who(w) }),
};
