// The historical path: every seat takes what the real actor did (`historical: true`) wherever such an option is
// open, and the computer decides elsewhere. It plays through the bare engine loop as a chooser, so a historical
// decision is recorded as a person's and every other one as the computer's.
import type { Chooser } from './batch.ts';
import type { CompiledScenario } from './compile.ts';
import type { Offer } from './offer.ts';
import { policyChoice } from './offer.ts';
import type { GameState } from './state.ts';

/** The offer's open options that the real actor took at some moment, in the scenario's order. */
export function historicalOptions(c: CompiledScenario, actor: string, offer: Offer): string[] {
  const byId = c.optionById.get(actor);
  return offer.options.filter((id) => byId?.get(id)?.historical === true);
}

/**
 * The historical option for the actor's offer, or undefined when none is open (the computer then decides).
 * An actor's one decision often holds several historical options, each true of a different moment (complaints
 * in October, the storming in November); when more than one is open, the computer's own weighing picks among
 * them alone, with the same mind and the same draw it would use for the whole offer, so the turn-by-turn
 * preferences the author wrote choose the moment and the game stays reproducible from its seed.
 */
export function historicalChoice(
  c: CompiledScenario,
  state: Readonly<GameState>,
  actor: string,
  offer: Offer,
): string | undefined {
  const open = historicalOptions(c, actor, offer);
  if (open.length <= 1) return open[0];
  const mind = { actor, beliefs: state.beliefs[actor]!, posture: state.postures[actor]! };
  return policyChoice(c, { ...offer, options: open }, mind, state.seed) ?? undefined;
}

/** A chooser for playBatchGame that plays every seat's historical option where one is open. */
export function historicalChooser(c: CompiledScenario): Chooser {
  return (actor, offer, state) => {
    // Without the state there is no mind to weigh several historical options with; playBatchGame always gives it.
    if (!state) throw new Error('the historical chooser is asked without the game state');
    return historicalChoice(c, state, actor, offer);
  };
}
