/**
 * What a player can ask for. The DOM layer and the canvas both send these; the game flow
 * (src/game/game-flow.ts) is the one place that acts on them. Intents carry ids, never rules.
 */
export type Intent =
  | { type: 'new-game' }
  /** On the title, when the game bundles more than one scenario: the one the menu plays. */
  | { type: 'pick-scenario'; scenarioId: string }
  | { type: 'continue' }
  | { type: 'open-menu' }
  | { type: 'open-settings' }
  | { type: 'open-credits' }
  | { type: 'quit-to-title' }
  | { type: 'pick-perspective'; actorId: string }
  | { type: 'start-game' }
  | { type: 'select-option'; optionId: string }
  /** `reason`: the one or two sentences the player or team gave with the decision, if any. */
  | { type: 'confirm-decision'; reason?: string }
  /** The player's statement (`to`: the actors named; none, the public) or private message to computer actors. */
  /** `claim`: one of the claims the view offers, which the statement then asserts. */
  | { type: 'talk.publish'; text: string; to: string[]; claim?: string }
  | { type: 'talk.message'; text: string; to: string[] }
  /** The player proposes one of the agreements its view says it may, answers one made to it, or withdraws its own. */
  | { type: 'deal.propose'; agreement: string; to: string }
  | { type: 'deal.answer'; n: number; accept: boolean; reason: string }
  | { type: 'deal.withdraw'; n: number }
  | { type: 'next' }
  | { type: 'show-debrief' }
  /** The debrief's chart shows this indicator. */
  | { type: 'show-indicator'; indicatorId: string };

export type Send = (intent: Intent) => void;
