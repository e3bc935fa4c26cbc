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
  | { kind: 'start' }
  /** An agreement took effect (accepted this turn); `parties`: its proposer and acceptor; `public`: all see it. */
  | { kind: 'agreement'; agreement: string; n: number; parties: string[]; public?: true }
  /** A party broke an agreement: the costs its breach carries. */
  | { kind: 'breach'; agreement: string; n: number; by: string; parties: string[]; public?: true }
  /** The facilitator granted a seat's request for a ruling: the scenario's ruling effect `effect`. */
  | { kind: 'ruling'; n: number; actor: string; effect: string };

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
  /** The reason the seat gave with its decision (`decision.submit`'s `reason`), as cleaned; absent: none. */
  reason?: string;
}

export interface JournalEntry {
  turn: number;
  /** An event of the scenario, or an announced choice of an actor. */
  source: { kind: 'event'; event: string } | { kind: 'decision'; actor: string; option: string };
  audience: 'public' | string[];
  /** The facilitator fired this event as an inject. */
  injected?: true;
}

/**
 * How far an actor credits what it holds about a fact (the rules: credenceOf in resolve.ts):
 * - `confirmed`: it has seen evidence (a reveal, or a fact it is placed to know). Hearsay never overturns it.
 * - `credits`: it takes a claim as so: its own word by its own choice, one a cited source says it made or
 *   accepted (the fact's `creditedBy`), one that agrees with what it holds on such grounds; or its starting
 *   knowledge.
 * - `doubts`: a cited source says it rejected the claim (`doubtedBy`, or it credits the contrary), or the claim
 *   contradicts what it holds.
 * - `noted`: it heard a claim, and from whom, and has no ground to credit or doubt it: it takes no side.
 * Only `confirmed` and `credits` make the actor believe the fact (the `believes` condition, its computer policy).
 */
export type Stance = 'confirmed' | 'credits' | 'doubts' | 'noted';

/** One claim an actor heard about a fact: kept side by side with the others, never overwritten. */
export interface Heard {
  is: boolean;
  /** The actor who made the claim (an event's speaker, a tell's `by`, the chooser of an option); null: no one named. */
  by: string | null;
  /** The event that carried it; null: an actor's choice. */
  event: string | null;
  turn: number;
  /** How the actor took it when it heard it. */
  credence: 'credits' | 'doubts' | 'noted';
}

export interface Belief {
  /** What the actor holds (confirmed, credits), or, when it credits no claim, what it last heard. */
  is: boolean;
  /** Confirmed by evidence (a reveal), not just told. A told belief can be false. */
  confirmed: boolean;
  turn: number;
  /** Who or what made the actor hold it: an event id, an actor id, or 'start'. Never shown as such. */
  via: string;
  /** Absent: `confirmed` when confirmed, else `credits` (a belief written before stances). */
  stance?: Stance;
  /** The claims heard about the fact, oldest first. Never changed in place: a new claim makes a new list. */
  heard?: readonly Heard[];
}

/** The list of a belief about which nothing was heard: shared, and frozen so that no one adds to it in place. */
export const NOTHING_HEARD: readonly Heard[] = Object.freeze([]);

/** What the actor holds true or false about a fact, if it holds anything: what `believes` and its policy read. */
export function heldValue(b: Belief | undefined): boolean | undefined {
  if (b === undefined) return undefined;
  const stance = b.stance;
  return stance === undefined || stance === 'confirmed' || stance === 'credits' ? b.is : undefined;
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

// The negotiation's records live in the game state (state.ts), beside the world; their types are here so that the
// resolution, which applies their effects, reads them without reading the state.

/**
 * Where a proposed agreement stands (src/sim/agreements.ts): waiting for the answer of the seat it was proposed to;
 * accepted (it stands); declined; withdrawn by its proposer; lapsed (the turn resolved unanswered); broken by a
 * party's act at a resolution.
 */
export type AgreementStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'lapsed' | 'broken';

/** One proposal of one of the scenario's agreements, from one seat to another, and what became of it. */
export interface AgreementItem {
  /** Its number in the game, from 1 (index + 1): what `agreement.answer` and `agreement.withdraw` name. */
  n: number;
  /** The turn (0-based) it was proposed in. */
  turn: number;
  /** The scenario's agreement id. */
  agreement: string;
  /** The proposing seat (actor). */
  from: string;
  /** The seat it was proposed to, which answers. */
  to: string;
  status: AgreementStatus;
  /** The answer, once given: when, by whose hand, and the reason given (a person's, cleaned; the computer's weighing). */
  answer?: { turn: number; by: 'person' | 'computer'; reason?: string };
  /** The breach, once one happened: the party whose act broke it, and the turn. */
  broken?: { by: string; turn: number };
}

/** A seat's request for a ruling on an act no option covers (src/sim/rulings.ts), and the facilitator's ruling. */
export interface RulingItem {
  /** Its number in the game, from 1 (index + 1): what `ruling.give` names. */
  n: number;
  turn: number;
  /** The requesting seat. */
  actor: string;
  /** The act asked for, and the seat's argument for it, cleaned. */
  text: string;
  argument: string;
  /** The ruling, once given. */
  ruling?: Ruling;
}

export type Verdict = 'allowed' | 'refused' | 'rolled';

export interface Ruling {
  turn: number;
  verdict: Verdict;
  /** allowed, rolled: the scenario's ruling effect (its `rulingEffects` id) granted, or at stake on the roll. */
  effect?: string;
  /** The facilitator's reason, cleaned. */
  reason: string;
  /** rolled: the stated odds of success (0 < odds < 1), and the seeded draw it was judged by. */
  odds?: number;
  roll?: number;
  /** Whether the effect applies: allowed, or rolled and the draw fell under the odds. */
  granted: boolean;
}
