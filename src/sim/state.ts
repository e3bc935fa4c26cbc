// A game's whole state as plain data: the shared world, what each actor believes and how it stands, who holds
// each seat, this turn's offers and secret choices, and the facilitator's settings. The engine (engine.ts) is the
// only thing that makes a new one; everything else reads it. It is a cache of the record: replay rebuilds it.
import type { CompiledScenario } from './compile.ts';
import type { Offer } from './offer.ts';
import type { Choice } from './resolve.ts';
import { initialBeliefs, initialWorld } from './resolve.ts';
import type { Beliefs, World } from './world.ts';

/** Who holds a seat: a person (or a team), the computer, or nobody. A vacant seat takes no decision. */
export type Holder = 'person' | 'computer' | 'vacant';

export const HOLDERS: readonly Holder[] = ['person', 'computer', 'vacant'];

/** What happens to the seats still deciding when the decision deadline passes. */
export interface Deadline {
  /** How long a turn's decisions may take; null: no clock, the facilitator expires it by hand. */
  seconds: number | null;
  /** 'computer': the computer decides for them; 'default': the named default, where it is open. */
  onExpiry: 'computer' | 'default';
  /** actor -> option, for onExpiry 'default'. An actor without one, or whose default is closed, gets the computer. */
  defaults: Record<string, string>;
}

export type Phase = 'setup' | 'deciding' | 'ended';

export interface GameState {
  seed: number;
  /** setup: seats are arranged, nothing decided; deciding: a turn is open; ended: an outcome is reached. */
  phase: Phase;
  /** The facilitator paused the game: no decision is taken and no turn resolves until it resumes. */
  paused: boolean;
  /** One seat per playable actor. */
  seats: Record<string, Holder>;
  world: World;
  /** Each actor's private beliefs, fact by fact. */
  beliefs: Record<string, Beliefs>;
  postures: Record<string, string>;
  /** This turn's offer to each actor who decides in it. */
  offers: Record<string, Offer>;
  /** This turn's secret choices as they come in; null: the actor had no option open. */
  pending: Record<string, Choice | null>;
  deadline: Deadline | null;
  /** Injects the facilitator queued for the next resolution, in order. */
  queued: string[];
  /** Injects fired so far this turn: each draws from its own stream. */
  injectedThisTurn: number;
  /** Decisions and withdrawals each seat has sent this turn (bounded by MAX_DECISION_CHANGES_PER_TURN). */
  changes: Record<string, number>;
  /**
   * This turn's proposal at each team's seat: the option its members would confirm (shown to that seat only). It
   * is not a decision: the turn neither waits for it nor resolves with it.
   */
  proposals: Record<string, string>;
  /** Proposals each seat has made this turn (bounded by MAX_PROPOSALS_PER_TURN). */
  proposed: Record<string, number>;
  /** How many commands the game has accepted: the number of the next one is this plus one. */
  accepted: number;
}

export function initialState(c: CompiledScenario, seed: number): GameState {
  const beliefs: Record<string, Beliefs> = {};
  const postures: Record<string, string> = {};
  for (const actor of c.actorIds) {
    beliefs[actor] = initialBeliefs(c, actor);
    postures[actor] = c.actorById.get(actor)?.posture ?? '';
  }
  return {
    seed,
    phase: 'setup',
    paused: false,
    seats: Object.fromEntries(c.playableIds.map((a) => [a, 'computer' as Holder])),
    world: initialWorld(c),
    beliefs,
    postures,
    offers: {},
    pending: {},
    deadline: null,
    queued: [],
    injectedThisTurn: 0,
    changes: {},
    proposals: {},
    proposed: {},
    accepted: 0,
  };
}

/** Who holds an actor's seat; an actor with no seat (a simulated one) is the computer's. */
export function holderOf(state: GameState, actor: string): Holder {
  return Object.hasOwn(state.seats, actor) ? state.seats[actor]! : 'computer';
}

/** The proposal a team holds at its seat this turn, or null. */
export function proposalOf(state: GameState, actor: string): string | null {
  return Object.hasOwn(state.proposals, actor) ? state.proposals[actor]! : null;
}

/** The actors this turn still waits for: offered a decision, held by a person or the computer, not yet decided. */
export function waitingFor(state: GameState): string[] {
  const out: string[] = [];
  if (state.phase !== 'deciding') return out;
  for (const actor in state.offers) {
    if (state.pending[actor] === undefined && holderOf(state, actor) !== 'vacant') out.push(actor);
  }
  return out;
}

/** The turn can resolve: it is open, not paused, and no seat is still deciding. */
export function isReady(state: GameState): boolean {
  return state.phase === 'deciding' && !state.paused && waitingFor(state).length === 0;
}
