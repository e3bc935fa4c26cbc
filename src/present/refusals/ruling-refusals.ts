// The refusals of src/sim/rulings.ts: requests for a ruling and the facilitator's rulings.
import type { RulingRefusalKey } from '../../sim/refusal-keys.ts';
import { t } from '../i18n/i18n.ts';
import type { RefusalTable } from './words.ts';

export const rulingRefusals: RefusalTable<RulingRefusalKey> = {
  'ruling.act-empty': () => t('refusal.ruling.actEmpty'),
  'ruling.act-too-long': (w) =>
    t('refusal.ruling.actTooLong', { max: w.number('max'), length: w.number('length') }),
  'ruling.allowed-no-effect': () => t('refusal.ruling.allowedNoEffect'),
  'ruling.allowed-odds': () => t('refusal.ruling.allowedOdds'),
  'ruling.already-ruled': (w) => t('refusal.ruling.alreadyRuled', { n: w.number('n') }),
  'ruling.argument-empty': () => t('refusal.ruling.argumentEmpty'),
  'ruling.argument-too-long': (w) =>
    t('refusal.ruling.argumentTooLong', { max: w.number('max'), length: w.number('length') }),
  'ruling.by-facilitator': () => t('refusal.ruling.byFacilitator'),
  'ruling.effect-not-for': (w) =>
    t('refusal.ruling.effectNotFor', { effect: w.effect(), actor: w.actor('actor') }),
  'ruling.effect-unknown': (w) => t('refusal.ruling.effectUnknown', { effect: w.effect() }),
  'ruling.no-request': (w) => t('refusal.ruling.noRequest', { n: w.number('n') }),
  'ruling.odds-range': () => t('refusal.ruling.oddsRange'),
  'ruling.refused-grants': () => t('refusal.ruling.refusedGrants'),
  'ruling.rolled-no-effect': () => t('refusal.ruling.rolledNoEffect'),
  'ruling.too-many': (w) => t('refusal.ruling.tooMany', { actor: w.actor('actor'), max: w.number('max') }),
};
