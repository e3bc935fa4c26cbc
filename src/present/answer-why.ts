// The computer's reason for answering a proposal, in the viewer's language (issue 20). The engine gives the reason
// as data beside the English sentence the record keeps (src/sim/answer-why.ts); this says it with the interface's
// keys, naming the indicators by the labels the caller gives (the scenario's, in the viewer's language). Where the
// engine could give no structure (a sentence in an older wording), the record's own sentence is shown as such.
import type { AnswerWhy } from '../sim/answer-why.ts';
import { t } from './i18n/i18n.ts';

/** The reason in words. `indicatorLabel`: an indicator's label in the viewer's language, by id. */
export function answerWhyText(why: AnswerWhy, indicatorLabel: (id: string) => string): string {
  // Each key is written out at its call: the i18n check finds keys by their literal text.
  const move = (m: AnswerWhy['moves'][number]) =>
    m.up
      ? t('deal.why.up', { indicator: indicatorLabel(m.indicator) })
      : t('deal.why.down', { indicator: indicatorLabel(m.indicator) });
  const [first, second] = why.moves;
  const moves =
    first === undefined
      ? ''
      : second === undefined
        ? move(first)
        : t('deal.why.both', { first: move(first), second: move(second) });
  switch (why.key) {
    case 'accept-stance':
      return t('deal.why.acceptStance');
    case 'accept-goals':
      return t('deal.why.acceptGoals', { moves });
    case 'accept-goals-reserve':
      return t('deal.why.acceptGoalsReserve', { moves });
    case 'decline-goals':
      return t('deal.why.declineGoals', { moves });
    case 'decline-stance':
      return t('deal.why.declineStance');
    case 'decline-nothing':
      return t('deal.why.declineNothing');
  }
}

/**
 * An answer's reason as a screen shows it, and whose it is: the computer's reason said in the viewer's language
 * when the engine gave it as data; otherwise the text as the record holds it (a person's words, or the computer's
 * sentence in an older wording, marked as the record's), or null without one.
 */
export function answerReason(
  item: { answer?: { by: 'person' | 'computer'; reason?: string }; why?: AnswerWhy },
  indicatorLabel: (id: string) => string,
): { text: string; by: 'computer' | 'person' | 'record' } | null {
  const reason = item.answer?.reason;
  if (reason === undefined) return null;
  if (item.answer?.by !== 'computer') return { text: reason, by: 'person' };
  if (item.why) return { text: answerWhyText(item.why, indicatorLabel), by: 'computer' };
  return { text: reason, by: 'record' };
}
