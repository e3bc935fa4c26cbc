// An ending's texts as this game may show them. Every part of an outcome's summary and debrief says what it takes
// for granted about the game (`presupposes`); a part is shown only where that holds in the game's world at its
// end, and of a part's variants the first that holds. This is the only place that decides which parts hold:
// views, presenters, reports and the classroom pages show what it gives, never the outcome's raw texts.
import type { Condition, EndingSentence, EndingText, Outcome, Text } from '../scenario/types.ts';
import { type ConditionContext, holds } from './conditions.ts';

/** A part as shown, with the presupposition it was shown on (null: it rests on the ending's condition alone). */
export interface ShownPart {
  text: Text;
  presupposes: Condition | null;
}

export interface EndingTexts {
  summary: ShownPart[];
  debrief: ShownPart[];
}

/** The parts of one ending text: a single text is one part that presupposes nothing. */
function partsOf(t: EndingText): readonly (EndingSentence | { variants: EndingSentence[] })[] {
  return Array.isArray(t) ? t : [t];
}

const shown = (s: EndingSentence): ShownPart => ({ text: s, presupposes: s.presupposes ?? null });

/**
 * The parts of an ending text that hold in a game, in order. `ctx` judges the game's world (view.ts
 * worldContext), never one actor's beliefs: the parts are the same for every seat.
 */
export function partsThatHold(t: EndingText, ctx: ConditionContext): ShownPart[] {
  const out: ShownPart[] = [];
  for (const part of partsOf(t)) {
    if ('variants' in part) {
      const first = part.variants.find((v) => v.presupposes === undefined || holds(v.presupposes, ctx));
      if (first) out.push(shown(first));
    } else if (part.presupposes === undefined || holds(part.presupposes, ctx)) out.push(shown(part));
  }
  return out;
}

/** The summary and debrief of the ending a game reached, judged on that game (`ctx`: its world at the end). */
export function endingTexts(outcome: Outcome, ctx: ConditionContext): EndingTexts {
  return { summary: partsThatHold(outcome.summary, ctx), debrief: partsThatHold(outcome.debrief, ctx) };
}

/** Every sentence an ending text may show, for the validator and the tests. */
export function everySentence(t: EndingText): EndingSentence[] {
  return partsOf(t).flatMap((p) => ('variants' in p ? p.variants : [p]));
}
