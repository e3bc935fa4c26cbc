// The bounds of what a player or team may write, from the engine's limits (the engine refuses longer): for the
// talk panels and the decision's reason. A module of constants only, so that the pages that show the fields need
// not load the engine for them.
import {
  MAX_DECISION_REASON_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_RULING_ARGUMENT_CHARS,
  MAX_RULING_TEXT_CHARS,
  MAX_STATEMENT_CHARS,
} from '../sim/limits.ts';

export const TALK_LIMITS = {
  statement: MAX_STATEMENT_CHARS,
  message: MAX_MESSAGE_CHARS,
  reason: MAX_DECISION_REASON_CHARS,
} as const;

/** The longest reason a decision takes. */
export const DECISION_REASON_MAX = MAX_DECISION_REASON_CHARS;

/** The bounds of a deal panel's fields: an answer's reason, a request for a ruling and its argument. */
export const DEAL_LIMITS = {
  reason: MAX_DECISION_REASON_CHARS,
  rulingText: MAX_RULING_TEXT_CHARS,
  rulingArgument: MAX_RULING_ARGUMENT_CHARS,
} as const;
