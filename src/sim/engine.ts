// The one engine: a pure function from a game state and a command to the next state and what happened, or to a
// refusal that changes nothing. Interactive play, the computer's games, the validator's search, replay, the
// classroom server: all go through it. Three forms share the one set of rules: `applyCommand` copies what it
// changes; `applyRun` applies a command and the commands the game then issues by itself on its own copy of the
// state (for a session, whose old states may still be read); `applyOwned` changes the state in place, for a caller
// that owns it and drops the old one (replay and the bare loop: about 1.3 to 1.8 times faster than copying).

import { AGREEMENT_HANDLERS, type AgreementHappening, agreedFor, settleAgreements } from './agreements.ts';
import {
  type Command,
  type CommandType,
  describeIssuer,
  type Entry,
  type Issuer,
  issuerParams,
  type Refusal,
  refusal,
} from './commands.ts';
import { type CompiledScenario, decisionFor } from './compile.ts';
import { cleanText } from './free-text.ts';
import {
  MAX_DECISION_CHANGES_PER_TURN,
  MAX_PROPOSALS_PER_TURN,
  MAX_REASON_CHARS,
  MAX_RECORD_ENTRIES,
} from './limits.ts';
import { makeOffer, policyChoice } from './offer.ts';
import {
  type Choice,
  endingOf,
  hashTable,
  injectEvent,
  overrideIndicator,
  resolveTurn,
  resolveTurnInPlace,
} from './resolve.ts';
import { RULING_HANDLERS, type RulingHappening } from './rulings.ts';
import { GAME_ENDED, GAME_NOT_STARTED, GAME_PAUSED, notPlayable, wrongHolder } from './seat-check.ts';
import { SightTracker, sightFor } from './sight.ts';
import { type GameState, holderOf, isReady, waitingFor } from './state.ts';
import {
  checkDecisionReason,
  claimsToTell,
  decisionReason,
  markTold,
  TALK_HANDLERS,
  type TalkHappening,
} from './talk.ts';
import type { Beliefs, OutcomeRecord } from './world.ts';

/** What an accepted command did, for the sessions that orchestrate seats and screens. */
export type Happening =
  | { kind: 'seat.changed'; actor: string; holder: GameState['seats'][string] }
  | { kind: 'turn.opened'; turn: number }
  | { kind: 'decision.taken'; actor: string }
  | { kind: 'decision.withdrawn'; actor: string }
  | { kind: 'proposal.changed'; actor: string }
  | { kind: 'turn.resolved'; turn: number }
  | { kind: 'game.paused' }
  | { kind: 'game.resumed' }
  | { kind: 'deadline.changed' }
  | { kind: 'event.injected'; event: string; at: 'now' | 'next-resolution' }
  | { kind: 'indicator.overridden'; indicator: string }
  | { kind: 'game.ended'; outcome: OutcomeRecord }
  | TalkHappening
  | AgreementHappening
  | RulingHappening;

export interface Applied {
  ok: true;
  state: GameState;
  happened: Happening[];
}

export function applyCommand(c: CompiledScenario, state: GameState, entry: Entry): Applied | Refusal {
  return apply(c, state, entry, false);
}

/** The same rules for a caller that owns `state` and will not read the old one again: it changes in place. */
export function applyOwned(c: CompiledScenario, state: GameState, entry: Entry): Applied | Refusal {
  return apply(c, state, entry, true);
}

function apply(c: CompiledScenario, state: GameState, entry: Entry, owned: boolean): Applied | Refusal {
  const refused = refusalOf(c, state, entry);
  if (refused) return refused;
  // Every check comes before any change: a refused command leaves even an owned state as it was.
  const handler = HANDLERS[entry.command.type] as Handler<Command>;
  const draft = new Draft(c, state, owned);
  const happened = handler.run(draft, entry.command, entry.by);
  draft.s.accepted++;
  return { ok: true, state: draft.s, happened };
}

/** Why the engine would refuse this command in this state, or undefined when it would take it. Reads only. */
function refusalOf(c: CompiledScenario, state: GameState, entry: Entry): Refusal | undefined {
  // Looked up as an own key: a type such as 'constructor' must not find Object's.
  const type = entry.command.type;
  const handler = Object.hasOwn(HANDLERS, type) ? (HANDLERS[type] as Handler<Command>) : undefined;
  if (!handler)
    return refusal('malformed', `There is no command ${String(entry.command.type)}.`, {
      key: 'engine.no-command',
      params: { command: String(entry.command.type) },
    });
  const refused =
    checkIssuer(c, entry.by, handler.issuer) ?? handler.check(c, state, entry.command, entry.by);
  // A seat's command from the facilitator is refused by its own check first of all, in its own words (a decision,
  // a statement, an agreement, a ruling's request); were a check ever to let one through, it is refused here.
  if (!refused && handler.issuer === 'seat' && 'facilitator' in entry.by) return DECISION_BY_FACILITATOR;
  return refused;
}

/** What a run did: where it ends, the commands it took in order, and what they did. */
export interface Run {
  ok: true;
  state: GameState;
  entries: Entry[];
  happened: Happening[];
  /** A command the game asked for itself and the engine refused: the run stopped there (a bug, never a player's). */
  stopped: { entry: Entry; refusal: Refusal } | null;
}

/** The command the game issues by itself next in this state (a computer seat decides, a ready turn resolves), or null. */
export type NextCommand = (state: Readonly<GameState>) => Entry | null;

/**
 * A command, then each command `next` asks for after it, until it asks for none: the whole of what one event of a
 * session does, a person's decision and the resolution and the computer's decisions it leads to. With no command,
 * only what `next` asks for. `state` is never changed: the run makes its own copy once, before its first change, and
 * applies every command to that copy in place, so a session pays one copy per event, not one per command. A
 * refusal of the first command is returned as it is, and changes nothing.
 */
export function applyRun(
  c: CompiledScenario,
  state: GameState,
  first: Entry | null,
  next: NextCommand,
): Run | Refusal {
  const entries: Entry[] = [];
  const happened: Happening[] = [];
  let entry = first ?? next(state);
  if (entry === null) return { ok: true, state, entries, happened, stopped: null };
  // The given state is checked before it is copied: a refusal costs no copy.
  const refused = refusalOf(c, state, entry);
  if (refused) {
    return first !== null
      ? refused
      : { ok: true, state, entries, happened, stopped: { entry, refusal: refused } };
  }
  let s = ownedCopy(state);
  // Bounded: a `next` that never stops cannot hang the caller (no game needs as many commands as a record holds).
  for (let n = 0; entry !== null && n < MAX_RECORD_ENTRIES; n++) {
    const result = apply(c, s, entry, true);
    if (!result.ok) return { ok: true, state: s, entries, happened, stopped: { entry, refusal: result } };
    s = result.state;
    entries.push(entry);
    for (const h of result.happened) happened.push(h);
    entry = next(s);
  }
  return { ok: true, state: s, entries, happened, stopped: null };
}

/**
 * A copy of a state that shares nothing the in-place form changes: every record and list it writes into is new, the
 * things they hold (an offer, a belief, a journal entry) are shared, as the engine never changes one once made.
 * Records are copied key by key (copyRecord), not spread: a spread copy gets a hidden class of its own, and the
 * engine's reads of a session's beliefs and indicators then met two kinds of object where the bare loop meets one
 * (a session game cost about 1.25 times the bare loop's engine work for that alone; issue 18).
 */
function ownedCopy(s: GameState): GameState {
  const w = s.world;
  const beliefs: GameState['beliefs'] = {};
  for (const actor in s.beliefs) beliefs[actor] = copyRecord(s.beliefs[actor]!);
  // Written out in initialState's order (state.ts), not spread: the copy has the hidden class of every other state.
  const copy: GameState = {
    seed: s.seed,
    phase: s.phase,
    paused: s.paused,
    seats: copyRecord(s.seats),
    world: {
      turn: w.turn,
      indicators: copyRecord(w.indicators),
      facts: copyRecord(w.facts),
      fired:
        Object.getPrototypeOf(w.fired) === null
          ? Object.assign(hashTable<number[]>(), w.fired)
          : copyRecord(w.fired),
      log: w.log.slice(),
      journal: w.journal.slice(),
      changes: w.changes.slice(),
      publicBeliefs: copyRecord(w.publicBeliefs),
      outcome: w.outcome,
    },
    beliefs,
    postures: copyRecord(s.postures),
    offers: copyRecord(s.offers),
    pending: copyRecord(s.pending),
    deadline: s.deadline,
    queued: s.queued.slice(),
    injectedThisTurn: s.injectedThisTurn,
    changes: copyRecord(s.changes),
    said: s.said.slice(),
    talk: s.talk,
    proposals: copyRecord(s.proposals),
    proposed: copyRecord(s.proposed),
    agreements: s.agreements.slice(),
    rulings: s.rulings.slice(),
    accepted: s.accepted,
  };
  // The copy's journal and log begin as the original's: each actor's sight goes on from where it had read.
  const sights = trackers.get(s);
  if (sights) {
    const cloned = new Map<string, SightTracker>();
    for (const [actor, t] of sights) cloned.set(actor, t.clone());
    trackers.set(copy, cloned);
  }
  return copy;
}

/** A shallow copy built key by key, as the engine builds its records: the copy gets the hidden class they have. */
function copyRecord<T>(from: Record<string, T>): Record<string, T> {
  const to: Record<string, T> = {};
  for (const key in from) to[key] = from[key]!;
  return to;
}

interface Handler<C extends Command> {
  issuer: 'seat' | 'facilitator';
  check(c: CompiledScenario, s: GameState, command: C, by: Issuer): Refusal | undefined;
  run(d: Draft, command: C, by: Issuer): Happening[];
}

type Handlers = { [T in CommandType]: Handler<Extract<Command, { type: T }>> };

function checkIssuer(c: CompiledScenario, by: Issuer, needs: 'seat' | 'facilitator'): Refusal | undefined {
  if (needs === 'facilitator' && !('facilitator' in by)) {
    return refusal('not-allowed', `Only the facilitator may do this, not ${describeIssuer(by)}.`, {
      key: 'engine.facilitator-only',
      params: issuerParams(by),
    });
  }
  if (needs === 'seat' && !('facilitator' in by) && !c.actorById.has(by.seat)) return noActor(by.seat);
  return undefined;
}

const DECISION_BY_FACILITATOR = refusal(
  'not-allowed',
  'A decision is taken at a seat, not by the facilitator.',
  {
    key: 'engine.decision-by-facilitator',
    params: {},
  },
);

function noActor(actor: string): Refusal {
  return refusal('unknown', `There is no actor ${actor} in this scenario.`, {
    key: 'engine.no-actor',
    params: { actor },
  });
}

/** The state being built: a shallow copy whose parts are copied on first write, or, when owned, the state itself. */
class Draft {
  readonly s: GameState;
  private readonly copied = new Set<string>();
  private readonly sights: Map<string, SightTracker> | undefined;

  constructor(
    readonly c: CompiledScenario,
    state: GameState,
    readonly owned: boolean,
  ) {
    this.s = owned ? state : { ...state };
    this.sights = owned ? trackersOf(state) : undefined;
  }

  part<
    K extends 'seats' | 'offers' | 'pending' | 'beliefs' | 'postures' | 'changes' | 'proposals' | 'proposed',
  >(key: K): GameState[K] {
    if (!this.owned && !this.copied.has(key)) {
      this.s[key] = { ...this.s[key] };
      this.copied.add(key);
    }
    return this.s[key];
  }

  /** Opens the turn the world stands at: each deciding actor gets its offer; one with nothing open passes. */
  openTurn(): Happening {
    const { c, s } = this;
    const offers: GameState['offers'] = {};
    const pending: GameState['pending'] = {};
    for (const actor of c.actorIds) {
      const decision = decisionFor(c, actor, s.world.turn);
      if (!decision) continue;
      const sight = this.sights
        ? sightTracker(this.sights, c, actor).next(s.world)
        : sightFor(c, s.world, actor);
      const mind = mindOf(c, s, actor);
      const offer = makeOffer(c, decision.id, sight, mind, s.seed);
      offers[actor] = offer;
      if (offer.options.length === 0) pending[actor] = null;
    }
    s.offers = offers;
    s.pending = pending;
    s.queued = [];
    s.injectedThisTurn = 0;
    s.changes = {};
    s.proposals = {};
    s.proposed = {};
    return { kind: 'turn.opened', turn: s.world.turn };
  }

  resolve(): Happening[] {
    const { c, s } = this;
    const choices: Parameters<typeof resolveTurn>[1]['choices'] = {};
    for (const actor in s.pending) {
      const choice = s.pending[actor];
      if (choice && holderOf(s, actor) !== 'vacant') choices[actor] = choice;
    }
    const input = {
      world: s.world,
      choices,
      beliefs: s.beliefs,
      postures: s.postures,
      seed: s.seed,
      injects: s.queued,
      agreements: s.agreements,
      rulings: s.rulings,
      statements: claimsToTell(s),
    };
    const result = this.owned ? resolveTurnInPlace(c, input) : resolveTurn(c, input);
    this.learn(result.learned, result.postures);
    const turn = s.world.turn;
    const happened: Happening[] = [{ kind: 'turn.resolved', turn }];
    s.world = result.world;
    for (const h of settleAgreements(this, result.broken, turn)) happened.push(h);
    markTold(this, result.told, turn);
    if (result.world.outcome) {
      this.close();
      happened.push({ kind: 'game.ended', outcome: result.world.outcome });
      return happened;
    }
    if (this.owned) s.world.turn++;
    else s.world = { ...s.world, turn: turn + 1 };
    happened.push(this.openTurn());
    return happened;
  }

  learn(learned: Record<string, Beliefs>, postures: Record<string, string>): void {
    const beliefs = this.part('beliefs');
    for (const actor in learned) {
      const into = this.owned ? beliefs[actor]! : { ...beliefs[actor] };
      const news = learned[actor]!;
      for (const fact in news) into[fact] = news[fact]!;
      beliefs[actor] = into;
    }
    if (Object.keys(postures).length > 0) Object.assign(this.part('postures'), postures);
  }

  close(): void {
    this.s.phase = 'ended';
    this.s.paused = false;
    this.s.offers = {};
    this.s.pending = {};
    this.s.queued = [];
    this.s.proposals = {};
    this.s.proposed = {};
    // A proposal still waiting when the game ends is never answered.
    settleAgreements(this, [], this.s.world.turn);
  }
}

// An owned state's sight of each actor is read incrementally from turn to turn (its journal and log only grow).
const trackers = new WeakMap<GameState, Map<string, SightTracker>>();

function trackersOf(state: GameState): Map<string, SightTracker> {
  let map = trackers.get(state);
  if (!map) {
    map = new Map();
    trackers.set(state, map);
  }
  return map;
}

function sightTracker(map: Map<string, SightTracker>, c: CompiledScenario, actor: string): SightTracker {
  let t = map.get(actor);
  if (!t) {
    t = new SightTracker(c, actor);
    map.set(actor, t);
  }
  return t;
}

/** An actor's mind as its policy reads it: its beliefs, its posture, and the agreements standing it knows of. */
function mindOf(c: CompiledScenario, state: GameState, actor: string) {
  const mind = { actor, beliefs: state.beliefs[actor]!, posture: state.postures[actor]! };
  // Left out when none stands: the mind of every game before agreements, as it was.
  const agreed = state.agreements.length > 0 ? agreedFor(c, state, actor) : [];
  return agreed.length > 0 ? { ...mind, agreed } : mind;
}

/** What the computer would choose for an actor's offer now, from that actor's own sight and mind only. */
export function computerChoice(c: CompiledScenario, state: GameState, actor: string): string | null {
  const offer = state.offers[actor];
  if (!offer) return null;
  return policyChoice(c, offer, mindOf(c, state, actor), state.seed);
}

// --- the handlers: one per command, each its checks and then its changes -------------------------------------

const ended = GAME_ENDED;

function needsOpenTurn(s: GameState, turn: number | undefined): Refusal | undefined {
  if (s.phase === 'ended') return ended;
  if (s.phase === 'setup') return GAME_NOT_STARTED;
  if (s.paused) return GAME_PAUSED;
  if (turn !== undefined && turn !== s.world.turn) {
    return refusal('stale', `This was sent for turn ${turn + 1}; the game is on turn ${s.world.turn + 1}.`, {
      key: 'engine.stale',
      params: { sent: turn + 1, turn: s.world.turn + 1 },
    });
  }
  return undefined;
}

/** Every seat still deciding gets the facilitator's named default where it is open, else the computer's choice. */
function expire(d: Draft): Happening[] {
  const { c, s } = d;
  const happened: Happening[] = [];
  for (const actor of waitingFor(s)) {
    const named = s.deadline?.onExpiry === 'default' ? s.deadline.defaults[actor] : undefined;
    const option =
      named !== undefined && s.offers[actor]?.options.includes(named) ? named : computerChoice(c, s, actor);
    d.part('pending')[actor] =
      option === null ? null : { option, by: option === named ? 'facilitator' : 'computer' };
    happened.push({ kind: 'decision.taken', actor });
  }
  return happened;
}

/** A seat may change its mind, but only so often in one turn. */
function checkChanges(s: GameState, actor: string): Refusal | undefined {
  const sent = Object.hasOwn(s.changes, actor) ? s.changes[actor]! : 0;
  if (sent < MAX_DECISION_CHANGES_PER_TURN) return undefined;
  return refusal(
    'too-many',
    `${actor} has changed its decision ${MAX_DECISION_CHANGES_PER_TURN} times this turn; it may not change it again until the next.`,
    { key: 'engine.too-many-changes', params: { actor, max: MAX_DECISION_CHANGES_PER_TURN } },
  );
}

function countChange(d: Draft, actor: string): void {
  const changes = d.part('changes');
  changes[actor] = (Object.hasOwn(changes, actor) ? changes[actor]! : 0) + 1;
}

function checkSeat(c: CompiledScenario, s: GameState, actor: string, by: Issuer): Refusal | undefined {
  if ('facilitator' in by) return DECISION_BY_FACILITATOR;
  if (by.seat !== actor)
    return refusal('not-your-seat', `The seat ${by.seat} cannot act for ${actor}.`, {
      key: 'seat.other-act',
      params: { seat: by.seat, actor },
    });
  const wrong = wrongHolder(s, actor, by, 'act');
  if (wrong) return wrong;
  if (!c.actorById.has(actor)) return noActor(actor);
  return undefined;
}

/** `option` is not among the options `actor` is offered now (`open`, in the offer's order). */
function notOpen(actor: string, option: string, open: readonly string[]): Refusal {
  return refusal(
    'not-offered',
    `${option} is not open to ${actor} now (open: ${open.join(', ') || 'none'}).`,
    {
      key: 'engine.option-not-open',
      params: { option, actor, open: open.slice() },
    },
  );
}

const HANDLERS: Handlers = {
  'seat.set': {
    issuer: 'facilitator',
    check(_c, s, { actor }) {
      if (!Object.hasOwn(s.seats, actor)) return notPlayable(actor);
      if (s.phase === 'ended') return ended;
      return undefined;
    },
    run(d, { actor, holder }) {
      d.part('seats')[actor] = holder;
      // A seat left empty passes this turn; its earlier choice, made by whoever held it, no longer stands.
      if (holder === 'vacant' && d.s.pending[actor]) delete d.part('pending')[actor];
      // A proposal is its team's: once the seat changes hands it is no one's.
      if (Object.hasOwn(d.s.proposals, actor)) delete d.part('proposals')[actor];
      return [{ kind: 'seat.changed', actor, holder }];
    },
  },
  'game.start': {
    issuer: 'facilitator',
    check: (_c, s) =>
      s.phase === 'setup'
        ? undefined
        : refusal('wrong-phase', 'The game has already started.', {
            key: 'engine.already-started',
            params: {},
          }),
    run(d) {
      d.s.phase = 'deciding';
      return [d.openTurn()];
    },
  },
  'decision.submit': {
    issuer: 'seat',
    check(c, s, { actor, option, turn, reason }, by) {
      const wrong = checkSeat(c, s, actor, by) ?? needsOpenTurn(s, turn) ?? checkDecisionReason(reason);
      if (wrong) return wrong;
      const offer = s.offers[actor];
      if (!offer)
        return refusal('not-offered', `${actor} has no decision to make this turn.`, {
          key: 'engine.no-decision',
          params: { actor },
        });
      if (!offer.options.includes(option)) return notOpen(actor, option, offer.options);
      // The same choice by the same hand again is not a new command: it would change nothing but the record.
      const pending = s.pending[actor];
      if (
        pending &&
        pending.option === option &&
        pending.by === ('facilitator' in by ? 'facilitator' : by.as) &&
        pending.reason === decisionReason(reason)
      ) {
        return refusal('unchanged', `${actor} has already chosen ${option}.`, {
          key: 'engine.already-chosen',
          params: { actor, option },
        });
      }
      return checkChanges(s, actor);
    },
    run(d, { actor, option, reason }, by) {
      const choice: Choice = { option, by: 'facilitator' in by ? 'facilitator' : by.as };
      // Kept only when there is something to read: a decision without a reason is as it always was.
      const kept = decisionReason(reason);
      if (kept !== undefined) choice.reason = kept;
      d.part('pending')[actor] = choice;
      countChange(d, actor);
      return [{ kind: 'decision.taken', actor }];
    },
  },
  'decision.withdraw': {
    issuer: 'seat',
    check(c, s, { actor, turn }, by) {
      const wrong = checkSeat(c, s, actor, by) ?? needsOpenTurn(s, turn);
      if (wrong) return wrong;
      if (!s.pending[actor])
        return refusal('not-offered', `${actor} has no decision to withdraw.`, {
          key: 'engine.nothing-to-withdraw',
          params: { actor },
        });
      return checkChanges(s, actor);
    },
    run(d, { actor }) {
      delete d.part('pending')[actor];
      countChange(d, actor);
      return [{ kind: 'decision.withdrawn', actor }];
    },
  },
  'proposal.set': {
    issuer: 'seat',
    check(c, s, { actor, option, turn }, by) {
      const wrong = checkSeat(c, s, actor, by) ?? needsOpenTurn(s, turn);
      if (wrong) return wrong;
      if ('seat' in by && by.as !== 'person')
        return refusal('not-allowed', `The computer at ${actor} decides; it does not propose.`, {
          key: 'engine.computer-proposes',
          params: { actor },
        });
      const offer = s.offers[actor];
      if (!offer || offer.options.length === 0)
        return refusal('not-offered', `${actor} has no decision to make this turn, so nothing to propose.`, {
          key: 'engine.nothing-to-propose',
          params: { actor },
        });
      if (option !== null && !offer.options.includes(option)) return notOpen(actor, option, offer.options);
      const held = Object.hasOwn(s.proposals, actor) ? s.proposals[actor]! : null;
      // The same proposal again is not a new command: it would change nothing but the record.
      if (held === option) {
        return option === null
          ? refusal('unchanged', `${actor} has no proposal to clear.`, {
              key: 'engine.no-proposal-to-clear',
              params: { actor },
            })
          : refusal('unchanged', `${actor} has already proposed ${option}.`, {
              key: 'engine.already-proposed',
              params: { actor, option },
            });
      }
      const made = Object.hasOwn(s.proposed, actor) ? s.proposed[actor]! : 0;
      if (made < MAX_PROPOSALS_PER_TURN) return undefined;
      return refusal(
        'too-many',
        `${actor} has made ${MAX_PROPOSALS_PER_TURN} proposals this turn; confirm one of them, or wait for the next turn.`,
        { key: 'engine.too-many-proposals', params: { actor, max: MAX_PROPOSALS_PER_TURN } },
      );
    },
    run(d, { actor, option }) {
      const proposals = d.part('proposals');
      if (option === null) delete proposals[actor];
      else proposals[actor] = option;
      const proposed = d.part('proposed');
      proposed[actor] = (Object.hasOwn(proposed, actor) ? proposed[actor]! : 0) + 1;
      return [{ kind: 'proposal.changed', actor }];
    },
  },
  'turn.resolve': {
    issuer: 'facilitator',
    check(_c, s, { turn, now }) {
      const wrong = needsOpenTurn(s, turn);
      if (wrong) return wrong;
      if (!now && !isReady(s)) {
        const waiting = waitingFor(s);
        return refusal('not-ready', `The turn cannot resolve yet: waiting for ${waiting.join(', ')}.`, {
          key: 'engine.waiting-for',
          params: { actors: waiting },
        });
      }
      return undefined;
    },
    // Resolving now: the seats still deciding get what the clock would give them, then the turn resolves.
    run: (d, { now }) => (now ? [...expire(d), ...d.resolve()] : d.resolve()),
  },
  'game.pause': {
    issuer: 'facilitator',
    check: (_c, s) =>
      s.phase === 'ended'
        ? ended
        : s.paused
          ? refusal('wrong-phase', 'The game is already paused.', {
              key: 'engine.already-paused',
              params: {},
            })
          : undefined,
    run(d) {
      d.s.paused = true;
      return [{ kind: 'game.paused' }];
    },
  },
  'game.resume': {
    issuer: 'facilitator',
    check: (_c, s) =>
      s.paused
        ? undefined
        : refusal('wrong-phase', 'The game is not paused.', { key: 'engine.not-paused', params: {} }),
    run(d) {
      d.s.paused = false;
      return [{ kind: 'game.resumed' }];
    },
  },
  'deadline.set': {
    issuer: 'facilitator',
    check(c, s, { defaults }) {
      if (s.phase === 'ended') return ended;
      for (const [actor, option] of Object.entries(defaults ?? {})) {
        if (!Object.hasOwn(s.seats, actor)) return notPlayable(actor);
        if (!c.optionById.get(actor)?.has(option))
          return refusal('unknown', `${actor} has no option ${option}.`, {
            key: 'engine.no-option',
            params: { actor, option },
          });
      }
      return undefined;
    },
    run(d, { seconds, onExpiry, defaults }) {
      d.s.deadline = { seconds, onExpiry, defaults: { ...defaults } };
      return [{ kind: 'deadline.changed' }];
    },
  },
  'deadline.expire': {
    issuer: 'facilitator',
    check: (_c, s, { turn }) => needsOpenTurn(s, turn),
    run: (d) => expire(d),
  },
  'inject.fire': {
    issuer: 'facilitator',
    check(c, s, { event }) {
      if (s.phase !== 'deciding') return s.phase === 'ended' ? ended : needsOpenTurn(s, undefined);
      const def = c.eventById.get(event);
      if (!def)
        return refusal('unknown', `There is no event ${event} in this scenario.`, {
          key: 'engine.no-event',
          params: { event },
        });
      if (def.once && (Object.hasOwn(s.world.fired, event) || s.queued.includes(event))) {
        return refusal(
          'already-fired',
          `The event ${event} happens once, and has already fired or is queued.`,
          {
            key: 'engine.event-once',
            params: { event },
          },
        );
      }
      return undefined;
    },
    run(d, { event, at }) {
      const s = d.s;
      if (at === 'next-resolution') {
        s.queued = d.owned ? s.queued : s.queued.slice();
        s.queued.push(event);
      } else {
        const input = {
          world: s.world,
          beliefs: s.beliefs,
          postures: s.postures,
          seed: s.seed,
          agreements: s.agreements,
        };
        const result = injectEvent(d.c, input, event, s.injectedThisTurn, d.owned);
        s.injectedThisTurn++;
        s.world = result.world;
        d.learn(result.learned, result.postures);
      }
      return [{ kind: 'event.injected', event, at }];
    },
  },
  'indicator.override': {
    issuer: 'facilitator',
    check(c, s, { indicator, value }) {
      if (s.phase === 'ended') return ended;
      const def = c.indicatorById.get(indicator);
      if (!def)
        return refusal('unknown', `There is no indicator ${indicator} in this scenario.`, {
          key: 'engine.no-indicator',
          params: { indicator },
        });
      if (value < def.min || value > def.max) {
        return refusal('out-of-range', `${indicator} runs from ${def.min} to ${def.max}, not ${value}.`, {
          key: 'engine.out-of-range',
          params: { indicator, min: def.min, max: def.max, value },
        });
      }
      return undefined;
    },
    run(d, { indicator, value, reason }) {
      // Shown on every screen and in the report: cleaned here too, for a record written before reasons were.
      const shown = cleanText(reason, MAX_REASON_CHARS);
      d.s.world = overrideIndicator(d.c, d.s.world, indicator, value, shown, d.owned);
      return [{ kind: 'indicator.overridden', indicator }];
    },
  },
  'game.end': {
    issuer: 'facilitator',
    check: (_c, s) => (s.phase === 'ended' ? ended : undefined),
    run(d) {
      const outcome = endingOf(d.c, d.s.world, d.s.agreements);
      const s = d.s;
      s.world = { ...s.world, outcome };
      d.close();
      return outcome ? [{ kind: 'game.ended', outcome }] : [];
    },
  },
  // Statements, messages and the room's rule on talk (talk.ts): they move no belief and no indicator.
  ...TALK_HANDLERS,
  // Agreements between seats (agreements.ts) and requests for a ruling (rulings.ts): their effects apply when
  // the turn resolves.
  ...AGREEMENT_HANDLERS,
  ...RULING_HANDLERS,
};

/** The command types, for tests and tools that go through every one. */
export const COMMAND_TYPES = Object.keys(HANDLERS) as CommandType[];
