// A game's whole state as plain data: the shared world, what each actor believes and how it stands, who holds
// each seat, this turn's offers and secret choices, and the facilitator's settings. The engine (engine.ts) is the
// only thing that makes a new one; everything else reads it. It is a cache of the record: replay rebuilds it.
import type { CompiledScenario } from './compile.ts';
import type { Offer } from './offer.ts';
import type { Choice } from './resolve.ts';
import { initialBeliefs, initialWorld } from './resolve.ts';
import type { AgreementItem, Beliefs, RulingItem, World } from './world.ts';

export type { AgreementItem, AgreementStatus, Ruling, RulingItem, Verdict } from './world.ts';

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

/** How much talk the room allows: none, public statements only, or statements and private messages. */
export type TalkLevel = 'none' | 'statements' | 'all';

export const TALK_LEVELS: readonly TalkLevel[] = ['none', 'statements', 'all'];

/** The room's rule on talk (the facilitator's `talk.set`). */
export interface TalkRule {
  level: TalkLevel;
  /** Public statements wait for the facilitator's `statement.approve` before they reach the public. */
  approve: boolean;
}

/**
 * Something a seat said (src/sim/talk.ts): a statement (to the public, or to named actors, openly) or a private
 * message. What was said is kept as it was cleaned; no rule reads it, so it moves no belief or indicator.
 */
export interface Said {
  /** Its number in the game, from 1: what the facilitator's `statement.approve` and `said.hide` name. */
  n: number;
  /** The turn (0-based) it was said in. */
  turn: number;
  kind: 'statement' | 'message';
  /** The seat (actor) that said it. */
  from: string;
  /** 'public': a statement to everyone; otherwise the actors it is addressed to. */
  to: 'public' | string[];
  text: string;
  /** A public statement waiting for the facilitator's approval: only its speaker and the facilitator see it. */
  waiting?: true;
  /** The facilitator hid it, with this reason: it leaves every view and stays in the record. */
  hidden?: string;
  /** A statement's claim (the scenario's `statementClaims` id): what it asserts, heard when the turn resolves. */
  claim?: string;
  /** The turn its claim was heard in (at that turn's resolution); absent: not yet (or it carries none). */
  told?: number;
}

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
  /** Everything the seats said, in order; hidden items too (numbered by position: `n` is index + 1). */
  said: Said[];
  /** How much talk the room allows. */
  talk: TalkRule;
  /**
   * This turn's proposal at each team's seat: the option its members would confirm (shown to that seat only). It
   * is not a decision: the turn neither waits for it nor resolves with it.
   */
  proposals: Record<string, string>;
  /** Proposals each seat has made this turn (bounded by MAX_PROPOSALS_PER_TURN). */
  proposed: Record<string, number>;
  /** Every agreement proposed in the game, in order (numbered by position: `n` is index + 1). */
  agreements: AgreementItem[];
  /** Every request for a ruling, in order (numbered by position), with the ruling once given. */
  rulings: RulingItem[];
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
    said: [],
    // Everything is allowed unless the room narrows it: no game before statements and messages sent any, so
    // every existing record replays as it did, and a solo player may write to the computer's actors.
    talk: { level: 'all', approve: false },
    proposals: {},
    proposed: {},
    agreements: [],
    rulings: [],
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
