// The shared world of a game: what the engine's state holds in common. Each actor's private knowledge sits beside
// it in the game state (state.ts), never in here.

/** Who took a decision: the person at the seat, the computer, or the facilitator's named default at a deadline. */
export type Decider = 'person' | 'computer' | 'facilitator';

export type Cause =
  | { kind: 'decision'; actor: string; option: string }
  /** `injected`: the facilitator fired it, not the scenario's own conditions. */
  | { kind: 'event'; event: string; injected?: true }
  /** The facilitator set an indicator by hand, and said why. */
  | { kind: 'override'; reason: string }
  | { kind: 'start' };

/** What one cause did to the indicators in one turn (after clamping): the debrief explains the game from these. */
export interface Change {
  turn: number;
  cause: Cause;
  deltas: Record<string, number>;
}

export interface DecisionRecord {
  turn: number;
  actor: string;
  option: string;
  by: Decider;
}

export interface JournalEntry {
  turn: number;
  /** An event of the scenario, or an announced choice of an actor. */
  source: { kind: 'event'; event: string } | { kind: 'decision'; actor: string; option: string };
  audience: 'public' | string[];
  /** The facilitator fired this event as an inject. */
  injected?: true;
}

export interface Belief {
  is: boolean;
  /** Confirmed by evidence (a reveal), not just told. A told belief can be false. */
  confirmed: boolean;
  turn: number;
  /** Who or what made the actor believe it: an event id, an actor id, or 'start'. */
  via: string;
}

export type Beliefs = Record<string, Belief>;

export interface OutcomeRecord {
  id: string;
  turn: number;
  /** The facilitator ended the game before its calendar did. */
  early?: true;
}

export interface World {
  turn: number;
  indicators: Record<string, number>;
  /** What is true in the game world. */
  facts: Record<string, boolean>;
  /** event id -> the turns it fired in */
  fired: Record<string, number[]>;
  log: DecisionRecord[];
  journal: JournalEntry[];
  changes: Change[];
  /** What has been established in public (revealed to everyone): the projector's knowledge. */
  publicBeliefs: Beliefs;
  outcome: OutcomeRecord | null;
}
