// What seats say to each other and to the public, and the facilitator's rule over it: statements (to the public,
// or openly to named actors), private messages, the room's talk level, approval of public statements, and hiding.
// Each is a command in the record like a decision, checked before any change and refused in one sentence.
//
// No rule reads the text of what is said. A public or open statement may carry one of the claims the scenario lets
// its speaker make (`statementClaims`): the claim, not the words, is heard by the statement's audience when the turn
// resolves, and each takes it on the grounds the fact cites (resolve.ts credenceOf), the speaker's credibility
// being data. A message carries no claim. The engine keeps what was said and who may see it (saidFor below, which
// every view uses).
import type { StatementClaim } from '../scenario/types.ts';
import type { Command, Issuer, Refusal, TalkCommand } from './commands.ts';
import { refusal } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { holds } from './conditions.ts';
import { cleanText, isVisible } from './free-text.ts';
import {
  MAX_DECISION_REASON_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_REASON_CHARS,
  MAX_SAID_PER_TURN,
  MAX_STATEMENT_CHARS,
} from './limits.ts';
import { checkSeatParty, GAME_ENDED, notPlayable } from './seat-check.ts';
import type { GameState, Said, TalkRule } from './state.ts';
import { worldContext } from './world-judge.ts';

const TALK_BY_FACILITATOR = refusal('not-allowed', 'Seats speak here, not the facilitator.', {
  key: 'talk.by-facilitator',
  params: {},
});

export type TalkHappening =
  | { kind: 'said'; n: number }
  | { kind: 'said.approved'; n: number }
  | { kind: 'said.hidden'; n: number }
  | { kind: 'talk.changed'; talk: TalkRule };

/** The part of the engine's draft these handlers use: the state being built, and whether it may change in place. */
export interface TalkDraft {
  readonly s: GameState;
  readonly owned: boolean;
}

export interface TalkHandler<C extends Command, H = TalkHappening> {
  issuer: 'seat' | 'facilitator';
  check(c: CompiledScenario, s: GameState, command: C, by: Issuer): Refusal | undefined;
  run(d: TalkDraft, command: C, by: Issuer): H[];
}

type TalkHandlers = { [T in TalkCommand['type']]: TalkHandler<Extract<TalkCommand, { type: T }>> };

// --- the decision's reason -------------------------------------------------------------------------------------

/**
 * The reason a seat gives with a decision as it is kept: cleaned (free-text.ts), or undefined when there is
 * nothing to read. A record written before reasons has none, and replays as it did.
 */
export function decisionReason(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const reason = cleanText(raw, MAX_DECISION_REASON_CHARS);
  return isVisible(reason) ? reason : undefined;
}

/** A reason longer than the bound is refused, not cut: the team should see that its text did not fit. */
export function checkDecisionReason(raw: string | undefined): Refusal | undefined {
  if (raw === undefined || raw.length <= MAX_DECISION_REASON_CHARS) return undefined;
  return refusal(
    'malformed',
    `A decision's reason may be at most ${MAX_DECISION_REASON_CHARS} characters; this one has ${raw.length}.`,
    { key: 'talk.decision-reason-too-long', params: { max: MAX_DECISION_REASON_CHARS, length: raw.length } },
  );
}

// --- who sees what was said ------------------------------------------------------------------------------------

export type SaidViewer = { actor: string } | { public: true } | { facilitator: true };

/** One thing said, as a view shows it: what was said, by whom, to whom. */
export interface SaidView {
  n: number;
  turn: number;
  kind: Said['kind'];
  from: string;
  to: 'public' | string[];
  text: string;
  /** A public statement of the viewer's own (or, for the facilitator, anyone's) still waiting for approval. */
  waiting: boolean;
  /** For the facilitator only: the reason it was hidden; hidden items reach no other viewer. */
  hidden?: string;
  /** A statement's claim (the scenario's `statementClaims` id): what it asserts; heard when the turn resolves. */
  claim?: string;
}

/** Whether a viewer may see one thing said. The one rule every view follows. */
export function mayHear(viewer: SaidViewer, said: Said): boolean {
  if ('facilitator' in viewer) return true;
  if (said.hidden !== undefined) return false;
  const toPublic = said.to === 'public';
  if ('public' in viewer) return toPublic && !said.waiting;
  if (said.from === viewer.actor) return true;
  if (toPublic) return !said.waiting;
  return said.to.includes(viewer.actor);
}

/**
 * What a viewer may see of what was said, oldest first: the public sees approved public statements; an actor sees
 * those, what it said, and what was addressed to it; the facilitator sees everything, hidden items with why.
 */
export function saidFor(state: GameState, viewer: SaidViewer): SaidView[] {
  const out: SaidView[] = [];
  for (const said of state.said) {
    if (!mayHear(viewer, said)) continue;
    const view: SaidView = {
      n: said.n,
      turn: said.turn,
      kind: said.kind,
      from: said.from,
      to: said.to === 'public' ? 'public' : said.to.slice(),
      text: said.text,
      waiting: said.waiting === true,
    };
    if (said.hidden !== undefined) view.hidden = said.hidden;
    if (said.claim !== undefined) view.claim = said.claim;
    out.push(view);
  }
  return out;
}

// --- the checks --------------------------------------------------------------------------------------------------

const ended = GAME_ENDED;

/** A seat speaks only as itself, from a seat it holds, while the game is on (before its start too). */
function checkSpeaker(s: GameState, actor: string, by: Issuer): Refusal | undefined {
  return checkSeatParty(s, actor, by, 'speak', TALK_BY_FACILITATOR, false);
}

/** The room's talk level allows this kind of talk. */
function checkLevel(s: GameState, kind: Said['kind']): Refusal | undefined {
  if (s.talk.level === 'none')
    return refusal('not-allowed', 'The room allows no statements or messages now.', {
      key: 'talk.level-none',
      params: {},
    });
  if (kind === 'message' && s.talk.level === 'statements')
    return refusal('not-allowed', 'The room allows public statements only, not private messages, now.', {
      key: 'talk.level-statements',
      params: {},
    });
  return undefined;
}

/** Each addressee is another seat of the game, named once. */
function checkAddressees(s: GameState, actor: string, to: readonly string[]): Refusal | undefined {
  if (to.length === 0)
    return refusal('malformed', 'Name at least one seat to address.', {
      key: 'talk.no-addressee',
      params: {},
    });
  const seen = new Set<string>();
  for (const a of to) {
    if (!Object.hasOwn(s.seats, a)) return notPlayable(a);
    if (a === actor)
      return refusal('malformed', `${actor} cannot address itself.`, {
        key: 'talk.address-self',
        params: { actor },
      });
    if (seen.has(a))
      return refusal('malformed', `${a} is named twice among the addressees.`, {
        key: 'talk.addressee-twice',
        params: { actor: a },
      });
    seen.add(a);
  }
  return undefined;
}

function checkText(text: string, max: number, what: 'statement' | 'message'): Refusal | undefined {
  if (text.length > max)
    return refusal('malformed', `A ${what} may be at most ${max} characters; this one has ${text.length}.`, {
      key: what === 'statement' ? 'talk.statement-too-long' : 'talk.message-too-long',
      params: { max, length: text.length },
    });
  if (!isVisible(cleanText(text, max)))
    return refusal('malformed', `There is nothing to read in this ${what}.`, {
      key: what === 'statement' ? 'talk.statement-empty' : 'talk.message-empty',
      params: {},
    });
  return undefined;
}

/** A statement's claim is one the scenario lets this speaker assert, now. */
function checkClaim(
  c: CompiledScenario,
  s: GameState,
  actor: string,
  claim: string | undefined,
): Refusal | undefined {
  if (claim === undefined) return undefined;
  const def = c.statementClaimById.get(claim);
  if (!def)
    return refusal('unknown', `There is no statement claim ${claim} in this scenario.`, {
      key: 'talk.claim-unknown',
      params: { claim },
    });
  if (def.speaker !== actor)
    return refusal('not-allowed', `${actor} cannot make the claim ${claim}.`, {
      key: 'talk.claim-not-speaker',
      params: { actor, claim },
    });
  if (!claimOpen(c, s, def))
    return refusal('not-offered', `The claim ${claim} cannot be made now.`, {
      key: 'talk.claim-not-now',
      params: { claim },
    });
  return undefined;
}

/** Whether a claim may be made now: its `when` holds in this game (the same test for the check and the list). */
function claimOpen(c: CompiledScenario, s: GameState, def: StatementClaim): boolean {
  return def.when === undefined || holds(def.when, worldContext(c, s.world, s.agreements));
}

/**
 * The claims `actor` may attach to a statement now, in the scenario's order: what the talk panels offer, so that a
 * statement can carry one (the engine checks it again when the statement comes).
 */
export function claimsOpen(c: CompiledScenario, s: GameState, actor: string): StatementClaim[] {
  return (c.scenario.statementClaims ?? []).filter((d) => d.speaker === actor && claimOpen(c, s, d));
}

/**
 * The statements whose claims are heard at this resolution: those that carry one, that the room let stand (not
 * hidden, not waiting for approval), and whose claim was not heard yet. A statement approved after its turn
 * resolved is heard at the next resolution.
 */
export function claimsToTell(state: GameState): Said[] {
  return state.said.filter(
    (x) => x.claim !== undefined && x.told === undefined && x.hidden === undefined && !x.waiting,
  );
}

/** Marks the statements whose claims a resolution told, with its turn. */
export function markTold(d: TalkDraft, told: readonly number[], turn: number): void {
  if (told.length === 0) return;
  const list = saidList(d);
  for (const n of told) list[n - 1] = { ...list[n - 1]!, told: turn };
}

/** What a seat said this turn, counted from the end (the list is in turn order). */
function saidThisTurn(s: GameState, actor: string): number {
  let count = 0;
  for (let i = s.said.length - 1; i >= 0; i--) {
    const said = s.said[i]!;
    if (said.turn !== s.world.turn) break;
    if (said.from === actor) count++;
  }
  return count;
}

function checkRate(s: GameState, actor: string): Refusal | undefined {
  if (saidThisTurn(s, actor) < MAX_SAID_PER_TURN) return undefined;
  return refusal(
    'too-many',
    `${actor} has sent ${MAX_SAID_PER_TURN} statements and messages this turn; it may send more in the next.`,
    { key: 'talk.too-many', params: { actor, max: MAX_SAID_PER_TURN } },
  );
}

/** The thing said that the facilitator's command names. */
function checkNumber(s: GameState, n: number): Refusal | undefined {
  if (!Number.isInteger(n) || n < 1 || n > s.said.length)
    return refusal('unknown', `Nothing numbered ${n} has been said in this game.`, {
      key: 'talk.no-number',
      params: { n },
    });
  return undefined;
}

// --- the changes -------------------------------------------------------------------------------------------------

/** The list to change: the state's own when owned, otherwise a copy (the old state keeps its list). */
function saidList(d: TalkDraft): Said[] {
  if (!d.owned) d.s.said = d.s.said.slice();
  return d.s.said;
}

function add(d: TalkDraft, said: Omit<Said, 'n' | 'turn'>): TalkHappening[] {
  const list = saidList(d);
  const n = list.length + 1;
  list.push({ n, turn: d.s.world.turn, ...said });
  return [{ kind: 'said', n }];
}

function change(d: TalkDraft, n: number, to: (said: Said) => Said): void {
  const list = saidList(d);
  // Replaced, never changed in place: a copied state shares the old items with the state it came from.
  list[n - 1] = to(list[n - 1]!);
}

export const TALK_HANDLERS: TalkHandlers = {
  'statement.publish': {
    issuer: 'seat',
    check(c, s, { actor, text, to, claim }, by) {
      return (
        checkSpeaker(s, actor, by) ??
        checkLevel(s, 'statement') ??
        checkClaim(c, s, actor, claim) ??
        (to === undefined ? undefined : checkAddressees(s, actor, to)) ??
        checkText(text, MAX_STATEMENT_CHARS, 'statement') ??
        checkRate(s, actor)
      );
    },
    run(d, { actor, text, to, claim }) {
      const shown = cleanText(text, MAX_STATEMENT_CHARS);
      const toPublic = to === undefined;
      // Only a statement to the public waits: one to named actors never reaches the projector.
      const waiting = toPublic && d.s.talk.approve ? { waiting: true as const } : {};
      return add(d, {
        kind: 'statement',
        from: actor,
        to: toPublic ? 'public' : to.slice(),
        text: shown,
        ...waiting,
        ...(claim === undefined ? {} : { claim }),
      });
    },
  },
  'message.send': {
    issuer: 'seat',
    check(_c, s, { actor, text, to }, by) {
      return (
        checkSpeaker(s, actor, by) ??
        checkLevel(s, 'message') ??
        checkAddressees(s, actor, to) ??
        checkText(text, MAX_MESSAGE_CHARS, 'message') ??
        checkRate(s, actor)
      );
    },
    run(d, { actor, text, to }) {
      return add(d, {
        kind: 'message',
        from: actor,
        to: to.slice(),
        text: cleanText(text, MAX_MESSAGE_CHARS),
      });
    },
  },
  'talk.set': {
    issuer: 'facilitator',
    check: (_c, s) => (s.phase === 'ended' ? ended : undefined),
    // Statements already waiting keep waiting when approval is turned off: the facilitator approves or hides them.
    run(d, { level, approve }) {
      d.s.talk = { level, approve };
      return [{ kind: 'talk.changed', talk: { level, approve } }];
    },
  },
  'statement.approve': {
    issuer: 'facilitator',
    check(_c, s, { n }) {
      if (s.phase === 'ended') return ended;
      const wrong = checkNumber(s, n);
      if (wrong) return wrong;
      const said = s.said[n - 1]!;
      if (said.hidden !== undefined)
        return refusal('wrong-phase', `Statement ${n} is hidden.`, {
          key: 'talk.approve-hidden',
          params: { n },
        });
      if (!said.waiting)
        return refusal('wrong-phase', `Number ${n} is not a statement waiting for approval.`, {
          key: 'talk.approve-not-waiting',
          params: { n },
        });
      return undefined;
    },
    run(d, { n }) {
      change(d, n, ({ waiting: _, ...said }) => said);
      return [{ kind: 'said.approved', n }];
    },
  },
  'said.hide': {
    issuer: 'facilitator',
    // Allowed after the end too: the debrief and the report show only what the room let stand.
    check(_c, s, { n, reason }) {
      if (!isVisible(cleanText(reason, MAX_REASON_CHARS)))
        // The sentence the classroom's cleaning says (commands.ts): a command the page made meets this one.
        return refusal('malformed', 'Hiding something said needs a reason with something to read.', {
          key: 'command.hide-reason-empty',
          params: {},
        });
      const wrong = checkNumber(s, n);
      if (wrong) return wrong;
      if (s.said[n - 1]!.hidden !== undefined)
        return refusal('unchanged', `Number ${n} is already hidden.`, {
          key: 'talk.already-hidden',
          params: { n },
        });
      return undefined;
    },
    run(d, { n, reason }) {
      change(d, n, (said) => ({ ...said, hidden: cleanText(reason, MAX_REASON_CHARS) }));
      return [{ kind: 'said.hidden', n }];
    },
  },
};
