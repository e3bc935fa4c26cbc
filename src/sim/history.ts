// The historical path: every seat takes what the real actor did on that date, as the scenario's history records it
// (`history.yaml`: the options that stand for the actor's step that day), and the computer decides where the
// sources report nothing. It plays through the bare engine loop as a chooser, so a historical decision is recorded
// as a person's and every other one as the computer's.
import { type Chooser, playBatchGame } from './batch.ts';
import type { CompiledScenario } from './compile.ts';
import { asOnThatDate } from './history-dates.ts';
import type { Offer } from './offer.ts';
import { policyChoice } from './offer.ts';
import type { GameState } from './state.ts';
import { indicatorHistory } from './view.ts';

/**
 * The offer's open options that stand for what the real actor did on this turn's date, in the scenario's order.
 * A scenario with a history for the date answers by the date alone: an option marked `historical` is what the
 * actor did on some day, not necessarily this one, and taking it on another day is this game's act, not history's.
 * Only a scenario that records no history for the date falls back on the options marked `historical`.
 */
export function historicalOptions(c: CompiledScenario, actor: string, offer: Offer): string[] {
  return offer.options.filter((id) => asOnThatDate(c, offer.turn, actor, id));
}

/**
 * The historical option for the actor's offer, or undefined when none is open (the computer then decides).
 * When the history names more than one step for the date and several are open, the computer's own weighing
 * picks among them alone, with the same mind and the same draw it would use for the whole offer, so the game
 * stays reproducible from its seed.
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

/** A chooser for playBatchGame that plays every seat's historical option for the date where one is open. */
export function historicalChooser(c: CompiledScenario): Chooser {
  return (actor, offer, state) => {
    // Without the state there is no mind to weigh several historical options with; playBatchGame always gives it.
    if (!state) throw new Error('the historical chooser is asked without the game state');
    return historicalChoice(c, state, actor, offer);
  };
}

/** The historical path as the model plays it: each indicator's values, turn by turn, and the ending it reaches. */
export interface HistoricalPath {
  /** The seed it was played with: the game's own, so that chance draws as in the game. */
  seed: number;
  /** Indicator id → its value at the start, then at the end of each turn played (as `indicatorHistory`). */
  indicators: Record<string, number[]>;
  /** The ending the model's historical path reaches. */
  outcome: string | null;
}

/**
 * The same scenario and seed replayed with every seat taking its historical option where one is open (the
 * computer deciding elsewhere): what the model gives for the real actors' choices, not a measure of reality.
 */
export function historicalPath(c: CompiledScenario, seed: number): HistoricalPath {
  const { world } = playBatchGame(c, seed, historicalChooser(c));
  const indicators: Record<string, number[]> = {};
  for (const def of c.scenario.indicators) indicators[def.id] = indicatorHistory(c, world, def.id);
  return { seed, indicators, outcome: world.outcome?.id ?? null };
}
