// A turn's offer to one actor, shared by the faction machine and the batch runner so that both play the
// same game: which options are open (judged from the actor's own view) and what the computer would take.
import type { CompiledScenario } from './compile.ts';
import { holds } from './conditions.ts';
import { chooseOption, type Mind, type Sight, sightContext } from './policy.ts';
import { rngFor } from './rng.ts';

export interface Offer {
  turn: number;
  decision: string;
  /** The ids of the options open to this actor now. */
  options: string[];
  sight: Sight;
}

export function makeOffer(
  c: CompiledScenario,
  decisionId: string,
  sight: Sight,
  mind: Mind,
  seed: number,
): Offer {
  const decision = c.decisionById.get(decisionId);
  const ctx = sightContext(c, sight, mind, rngFor(seed, sight.turn, 'available', mind.actor));
  const options: string[] = [];
  for (const o of decision?.options ?? []) if (!o.available || holds(o.available, ctx)) options.push(o.id);
  return { turn: sight.turn, decision: decisionId, options, sight };
}

/** The computer's choice for the offer, or null when nothing is open. */
export function policyChoice(c: CompiledScenario, offer: Offer, mind: Mind, seed: number): string | null {
  if (offer.options.length === 0) return null;
  return chooseOption(c, offer.options, offer.sight, mind, rngFor(seed, offer.turn, 'policy', mind.actor));
}
