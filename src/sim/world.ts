// The shared state of a game, owned by the crisis machine. Private knowledge lives in each faction's machine.

export type Cause =
  | { kind: 'decision'; actor: string; option: string }
  | { kind: 'event'; event: string }
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
  by: 'human' | 'computer';
}

export interface JournalEntry {
  turn: number;
  /** An event of the scenario, or an announced choice of an actor. */
  source: { kind: 'event'; event: string } | { kind: 'decision'; actor: string; option: string };
  audience: 'public' | string[];
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
