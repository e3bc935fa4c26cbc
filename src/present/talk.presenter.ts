// What was said in a game, and the room's rule on talk, as the talk panels show them: the seat's (what that seat may
// read, and what it may still say), the console's (everything, with what waits and what was hidden), the
// projector's (approved public statements only). Built from the engine's views (talk.ts saidFor), never from the
// state: who may hear what is the engine's one rule, not the presenter's.
import type { TalkRule } from '../sim/state.ts';
import type { SaidView } from '../sim/talk.ts';

/** One thing said, as a panel lists it: by whom, to whom, when, and where it stands. */
export interface SaidLine {
  n: number;
  /** 1-based, as the screens number turns. */
  turn: number;
  kind: 'statement' | 'message';
  from: string;
  fromLabel: string;
  /** Empty for a statement to the public. */
  toLabels: string[];
  toPublic: boolean;
  text: string;
  /** A public statement waiting for the facilitator's approval. */
  waiting: boolean;
  /** The facilitator's reason for hiding it (the console only). */
  hidden: string | null;
  /** Said by the seat whose panel this is. */
  mine: boolean;
  /** What a statement asserts, in the scenario's words (one of its `statementClaims`); null when it asserts none. */
  claim: string | null;
}

/** The bounds of what a team may write, from the engine's limits (the server passes them in). */
export interface TalkLimits {
  statement: number;
  message: number;
  reason: number;
}

export interface TalkModel {
  level: TalkRule['level'];
  approve: boolean;
  /** Whether this panel may publish a statement now, and send a private message now. */
  canStatement: boolean;
  canMessage: boolean;
  /** The other seats a statement or a message may name. */
  seats: { actor: string; label: string }[];
  /** What this seat's statement may assert now, as the scenario lets it (the engine's claimsOpen); none elsewhere. */
  claims: { id: string; label: string }[];
  /** Newest first. */
  said: SaidLine[];
  limits: TalkLimits;
}

export interface TalkInput {
  said: readonly SaidView[];
  rule: TalkRule;
  /** Every playable seat, in the scenario's order. */
  seats: readonly { actor: string; label: string }[];
  /** The seat whose panel this is; null for the console and the projector. */
  actor: string | null;
  /** Whether this viewer may speak at all now (a team holding its seat while the game is on). */
  live: boolean;
  limits: TalkLimits;
  /** The claims the seat may attach to a statement now (its view's `claims`); none by default. */
  claims?: readonly string[];
  /** A claim's words, as the scenario gives them: for the claims offered and the statements that carry one. */
  claimLabel?: (id: string) => string;
}

export function saidLine(
  said: SaidView,
  label: (actor: string) => string,
  actor: string | null,
  claimLabel?: (id: string) => string,
): SaidLine {
  return {
    n: said.n,
    turn: said.turn + 1,
    kind: said.kind,
    from: said.from,
    fromLabel: label(said.from),
    toLabels: said.to === 'public' ? [] : said.to.map(label),
    toPublic: said.to === 'public',
    text: said.text,
    waiting: said.waiting,
    hidden: said.hidden ?? null,
    mine: actor !== null && said.from === actor,
    claim: said.claim !== undefined && claimLabel ? claimLabel(said.claim) : null,
  };
}

/** A talk panel's model: what it lists, and which of its forms the room's rule leaves open. */
export function talkModel(input: TalkInput): TalkModel {
  const labels = new Map(input.seats.map((s) => [s.actor, s.label]));
  const label = (actor: string) => labels.get(actor) ?? actor;
  const speaks = input.actor !== null && input.live;
  const canStatement = speaks && input.rule.level !== 'none';
  return {
    level: input.rule.level,
    approve: input.rule.approve,
    canStatement,
    canMessage: speaks && input.rule.level === 'all',
    seats: input.seats.filter((s) => s.actor !== input.actor).map((s) => ({ ...s })),
    // What a statement may assert is offered only where a statement may be published.
    claims: canStatement
      ? (input.claims ?? []).map((id) => ({ id, label: input.claimLabel?.(id) ?? id }))
      : [],
    said: input.said.map((s) => saidLine(s, label, input.actor, input.claimLabel)).reverse(),
    limits: input.limits,
  };
}

/** Lines of statements the projector's wall holds beside the news, newest first. */
export const WALL_STATEMENTS = 3;

/**
 * The public statements the projector shows: approved, to the public, never hidden (the public view holds no
 * other), the newest `count`.
 */
export function wallStatements(
  said: readonly SaidView[],
  label: (actor: string) => string,
  count = WALL_STATEMENTS,
): SaidLine[] {
  return said
    .filter((s) => s.kind === 'statement' && s.to === 'public' && !s.waiting && s.hidden === undefined)
    .slice(-count)
    .reverse()
    .map((s) => saidLine(s, label, null));
}
