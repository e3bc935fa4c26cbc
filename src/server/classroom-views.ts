// What each person in a classroom room is sent: a seat's team its own actor's view and its proposal; the
// projector the public view; the facilitator a console with every seat's status but never a choice before the
// turn resolves; a student without a seat the seats open to take. Built from the engine's views only.

import type {
  ConsoleClientView,
  LobbyClientView,
  ProjectorClientView,
  RoomPresence,
  SeatClientView,
  SeatLine,
} from '../present/classroom-screens.ts';
import { debriefModel } from '../present/debrief.presenter.ts';
import { language, t } from '../present/i18n/i18n.ts';
import type { Lookup } from '../present/lookup.ts';
import { type MadeOnce, madeOnce } from '../present/made-once.ts';
import type { SituationModel } from '../present/screens.ts';
import type { TalkWire } from '../present/talk-wire.ts';
import { situationModel } from '../present/turn.presenter.ts';
import { sameJson } from '../session/view-patch.ts';
import type { Command } from '../sim/commands.ts';
import { compareGames } from '../sim/compare.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { HistoricalPath } from '../sim/history.ts';
import { type GameState, holderOf, proposalOf, waitingFor } from '../sim/state.ts';
import { saidFor } from '../sim/talk.ts';
import { type ActorView, type PublicView, publicView, TurnShared, viewFor } from '../sim/view.ts';
import { consoleDeals, projectorDeals, seatDeals } from './deal-views.ts';
import { consoleTalk, seatTalk, seatTalkLive } from './talk-views.ts';

/**
 * What a command may change of the views: some seats' views (and the console's and the projector's), or every one;
 * and whether it may change what any seat sees of the world (`world`). A seat's decision, withdrawal or proposal
 * changes its own seat's view; a message or a statement to named seats, its sender's and theirs; a public statement,
 * its approval or its hiding, every view. None of these changes the world, the beliefs, the stances, the offers, the
 * agreements or the talk rules, which the seat memo's world stands for, so the views are put together again from
 * the memo; anything else may change everything. The room builds again by this rule (issue 18: each message made
 * every seat's view again from scratch), and the memo test checks it.
 */
export function viewsChangedBy(command: Command): { seats: readonly string[] | 'all'; world: boolean } {
  switch (command.type) {
    case 'decision.submit':
    case 'decision.withdraw':
    case 'proposal.set':
      return { seats: [command.actor], world: false };
    case 'message.send':
      return { seats: [command.actor, ...command.to], world: false };
    case 'statement.publish':
      return { seats: command.to ? [command.actor, ...command.to] : 'all', world: false };
    case 'statement.approve':
    case 'said.hide':
      return { seats: 'all', world: false };
    default:
      return { seats: 'all', world: true };
  }
}

/**
 * What a room keeps of each seat's last build, so that building a seat's view again computes only what changed:
 * owned by one room (it dies with it) and passed in. The world is known by a generation the room moves on
 * (`worldChanged`) for every command but a seat's own decision, withdrawal or proposal, the same rule by which it
 * builds only that seat's view again: the session's engine copies the world at every event (applyRun), so its
 * identity says nothing. Other parts of the state (an offer, a choice) are shared by the copies: the same object
 * holds the same.
 */
export class SeatViewMemo {
  readonly seats = new Map<string, SeatBuild>();
  /** Moves on whenever the world, the beliefs, the stances or the queue may have changed. */
  generation = 0;
  /**
   * How the engine's seat views were made: from scratch (viewFor), again from the last (a seat's own move), or
   * kept. Counted so that a test can tell the memo holds where the room needs it to (issue 18).
   */
  readonly made = { scratch: 0, again: 0, kept: 0 };
  /** The public view (the console's and the projector's) last built, and the generation it was built in. */
  public: { world: number; said: GameState['said']; view: PublicView } | null = null;
  /** The console's indicators and injects last built, and the generation they were built in. */
  console: {
    world: number;
    indicators: ConsoleClientView['indicators'];
    injects: ConsoleClientView['injects'];
  } | null = null;

  /** The turn's view of the state last shown, shared by the seats' views of it. */
  readonly turn = new TurnShared();
  /** Each seat's talk panel last built, and what it was built from; the console's under its own key. */
  readonly talk = new Map<string, TalkBuild>();

  worldChanged(): void {
    this.generation++;
  }
}

/**
 * The public view, its world parts (turn, indicators, journal, what is established, the outcome: publicView reads
 * only the world for them) kept from the last build while the world is the same object; the rest as publicView
 * makes it.
 */
export function publicViewOf(c: CompiledScenario, state: GameState, memo?: SeatViewMemo): PublicView {
  const last = memo?.public;
  let view: PublicView;
  if (!last || !memo || last.world !== memo.generation) view = publicView(c, state);
  else {
    const waiting = waitingFor(state);
    view = {
      ...last.view,
      status:
        state.phase === 'setup' || state.phase === 'ended'
          ? state.phase
          : waiting.length === 0
            ? 'ready'
            : 'deciding',
      paused: state.paused,
      deadline: state.deadline?.seconds ?? null,
      decided: Object.keys(state.offers).filter((a) => state.pending[a] !== undefined),
      waitingFor: waiting,
      said: same(last.said, state.said) ? last.view.said : saidFor(state, { public: true }),
    };
  }
  if (memo) memo.public = { world: memo.generation, said: state.said, view };
  return view;
}

interface SeatBuild {
  /** What the engine's view of the seat is built from (viewFor reads nothing else of the state; the world, the
   * beliefs and the queue by the memo's generation). */
  inputs: readonly unknown[];
  view: ActorView;
  /** What the world parts of the situation follow from. */
  world: readonly unknown[];
  proposal: string | null;
  situation: SituationModel;
  debrief: SeatClientView['debrief'];
  /** What the situation was made with. */
  lookup: Lookup;
  language: string;
}

/**
 * The same thing, or the same list's items: the session's engine copies the said list, the agreements and the
 * rulings at every event (applyRun's owned copy), so a list's identity changes with every command while its items,
 * which the engine replaces and never changes, stay the same objects. Compared by identity alone, every seat's memo
 * missed on every command in the server (issue 18).
 */
function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.every((x, i) => same(x, b[i]));

/**
 * The same world, posture, offer, phase, agreements and rulings (seatBuild's inputs 0, 1, 2, 4, 9, 10): only the
 * seat's own moves differ.
 */
const sameMind = (a: readonly unknown[], b: readonly unknown[]) =>
  a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[4] === b[4] && same(a[9], b[9]) && same(a[10], b[10]);

/**
 * The engine's view of a seat after its own decision, withdrawal or proposal, a pause or a change of holder: what
 * viewFor gives, taken from the last one where nothing it follows from has changed (the world, the seat's beliefs,
 * posture and offer, the phase) and made again in the rest. The memo test checks it against viewFor at every command.
 */
function decidedAgain(last: ActorView, state: GameState, actor: string): ActorView {
  const pending = state.pending[actor];
  let decision = last.decision;
  if (decision) {
    const { reason: _, ...rest } = decision;
    decision = {
      ...rest,
      chosen: pending?.option ?? null,
      ...(pending?.reason === undefined ? {} : { reason: pending.reason }),
    };
  }
  return {
    ...last,
    seat: holderOf(state, actor),
    status: state.phase === 'ended' ? 'ended' : decision && pending === undefined ? 'deciding' : 'waiting',
    paused: state.paused,
    decision,
    said: saidFor(state, { actor }),
    talk: { ...state.talk },
  };
}

/** The seat's view and situation, from the memo where their inputs are the same as last time. */
function seatBuild(
  c: CompiledScenario,
  lookup: Lookup,
  state: GameState,
  actor: string,
  proposal: string | null,
  memo: SeatViewMemo | undefined,
): SeatBuild {
  const generation = memo?.generation ?? -1;
  const inputs = [
    generation,
    state.postures[actor],
    state.offers[actor],
    state.pending[actor],
    state.phase,
    state.paused,
    holderOf(state, actor),
    state.said,
    state.talk,
    // Proposals, answers and rulings: the engine replaces these lists on every change, so identity tells.
    state.agreements,
    state.rulings,
  ];
  const world = [generation, state.phase];
  const last = memo?.seats.get(actor);
  const kept = last !== undefined && sameInputs(last.inputs, inputs);
  if (kept && last.proposal === proposal) {
    if (memo) memo.made.kept++;
    return last;
  }
  const how = kept ? 'kept' : last && sameMind(last.inputs, inputs) ? 'again' : 'scratch';
  if (memo) memo.made[how]++;
  const view =
    how === 'kept'
      ? last!.view
      : how === 'again'
        ? decidedAgain(last!.view, state, actor)
        : viewFor(c, state, actor, memo?.turn);
  const sameWorld = last !== undefined && sameInputs(last.world, world);
  // The options (open, closed and why) follow from the offer and the seat's own mind; the choice is apart.
  const sameOffer =
    sameWorld && last.inputs[2] === state.offers[actor] && last.inputs[1] === state.postures[actor];
  // The last build's news carried over only where it was made with this lookup in this language (the room keeps a
  // memo per language, and passes that language's lookup).
  const before =
    last && !sameWorld && last.lookup === lookup && last.language === language()
      ? { view: last.view, model: last.situation }
      : undefined;
  let situation = situationModel(
    view,
    lookup,
    proposal,
    sameWorld ? last.situation : null,
    sameOffer,
    before,
  );
  if (last && !sameWorld) situation = sharedWith(last.situation, situation);
  const build: SeatBuild = {
    inputs,
    view,
    world,
    proposal,
    situation,
    debrief: null,
    lookup,
    language: language(),
  };
  memo?.seats.set(actor, build);
  return build;
}

/**
 * A new turn's situation, holding the parts that did not change as the same objects as the last one: the earlier
 * news the seat holds already, and last turn's news where it moved to the earlier news. A diff skips the first and
 * copies the second (view-patch.ts) instead of sending it again.
 */
function sharedWith(last: SituationModel, next: SituationModel): SituationModel {
  const lastNewsTurn = last.turn.index - 1;
  const earlier = next.earlier.map((e, i) => {
    const held = last.earlier[i];
    if (held && held.turn === e.turn && sameJson(held.items, e.items)) return held;
    if (e.turn === lastNewsTurn && sameJson(last.news, e.items)) return { turn: e.turn, items: last.news };
    return e;
  });
  return {
    ...next,
    earlier,
    places: sameJson(last.places, next.places) ? last.places : next.places,
    actor: sameJson(last.actor, next.actor) ? last.actor : next.actor,
  };
}

export function seatLines(c: CompiledScenario, state: GameState, presence: RoomPresence): SeatLine[] {
  return c.playableIds.map((actor) => ({
    actor,
    label: c.actorById.get(actor)?.name.text ?? actor,
    holder: state.seats[actor] ?? 'computer',
    status: seatStatus(state, actor),
    devices: presence.devicesAt(actor),
    locked: presence.lockedAt(actor),
  }));
}

/** Whether the turn waits for this seat (the engine's waitingFor: a vacant seat is never waited for). */
export function seatStatus(state: GameState, actor: string): SeatLine['status'] {
  if (state.phase === 'ended') return 'ended';
  if (waitingFor(state).includes(actor)) return 'deciding';
  return state.phase === 'deciding' && state.pending[actor] !== undefined ? 'submitted' : 'waiting';
}

export function seatClientView(
  c: CompiledScenario,
  lookup: Lookup,
  state: GameState,
  actor: string,
  presence: RoomPresence,
  historical: () => HistoricalPath,
  memo?: SeatViewMemo,
): SeatClientView {
  // The team's proposal is in the game's state (a command of the record), so it survives a restart.
  const proposal = proposalOf(state, actor);
  const build = seatBuild(c, lookup, state, actor, proposal, memo);
  const { view, situation } = build;
  const pending = state.pending[actor];
  const holder = state.seats[actor] ?? 'computer';
  const status = seatStatus(state, actor);
  const submitted = pending ? pending.option : null;
  const chosen = situation.decision?.options.find((o) => o.id === submitted)?.label;
  const selected = situation.decision?.selected ?? null;
  return {
    kind: 'seat',
    code: presence.code,
    actor,
    status,
    holder,
    statusLine: seatStatusLine(state, holder, status, proposal, chosen ?? null, view.outcome !== null),
    canConfirm:
      holder === 'person' &&
      !state.paused &&
      status !== 'ended' &&
      selected !== null &&
      !(status === 'submitted' && selected === submitted),
    situation,
    proposal,
    submitted,
    team: presence.namesAt(actor),
    deadlineAt: presence.deadlineAt,
    paused: state.paused,
    // Only the summary's parts that hold in this game (the engine judged them: src/sim/ending-text.ts).
    outcome: view.outcome
      ? { title: view.outcome.title.text, summary: view.outcome.summary.map((p) => p.text).join(' ') }
      : null,
    debrief: view.outcome ? debriefOf(build, lookup, historical) : null,
    talk: seatTalkOf(c, state, actor, view, memo),
    deals: seatDeals(c, state, actor, view),
  };
}

/** What a talk panel is built from, beside the scenario and the state's items the builder reads. */
interface TalkInputs {
  c: CompiledScenario;
  said: GameState['said'];
  level: GameState['talk']['level'];
  approve: boolean;
  live: boolean;
  claims: readonly string[];
}

interface TalkBuild extends TalkInputs {
  wire: TalkWire;
}

/**
 * A talk panel kept from its last build under `key` where what it is built from is the same: the scenario, what was
 * said (the same items), the room's rule, whether the seat may speak and the claims it may attach. A new turn changes
 * none of these, and every panel was built again at each one, the console's at every decision too (issue 18).
 */
function keptTalk(
  memo: SeatViewMemo | undefined,
  key: string,
  inputs: TalkInputs,
  build: () => TalkWire,
): TalkWire {
  const last = memo?.talk.get(key);
  if (
    last &&
    last.c === inputs.c &&
    same(last.said, inputs.said) &&
    last.level === inputs.level &&
    last.approve === inputs.approve &&
    last.live === inputs.live &&
    last.claims.length === inputs.claims.length &&
    last.claims.every((id, i) => id === inputs.claims[i])
  )
    return last.wire;
  const wire = build();
  // A literal, not a spread of the inputs: every build kept in one hidden class, as keptTalk reads them (issue 18).
  const { c, said, level, approve, live, claims } = inputs;
  memo?.talk.set(key, { c, said, level, approve, live, claims, wire });
  return wire;
}

/** The seat's talk panel (the seat's view reads what was said alone, by saidFor: the same items, the same panel). */
function seatTalkOf(
  c: CompiledScenario,
  state: GameState,
  actor: string,
  view: ActorView,
  memo: SeatViewMemo | undefined,
): TalkWire {
  const live = seatTalkLive(state, actor);
  const { level, approve } = state.talk;
  const inputs = { c, said: state.said, level, approve, live, claims: view.claims ?? [] };
  return keptTalk(memo, actor, inputs, () => seatTalk(c, state, actor, view));
}

/** The console's key in the memo's talk panels: no seat's id (ids are the scenario's, and never hold a space). */
const CONSOLE_TALK = ' console';

/** The console's talk panel: it lists everything said, and is never live nor carries claims. */
function consoleTalkOf(c: CompiledScenario, state: GameState, memo: SeatViewMemo | undefined): TalkWire {
  const { level, approve } = state.talk;
  const inputs = { c, said: state.said, level, approve, live: false, claims: [] };
  return keptTalk(memo, CONSOLE_TALK, inputs, () => consoleTalk(c, state));
}

/** The debrief, built once for a view (the game has ended: its view changes no more but for the talk). */
function debriefOf(
  build: SeatBuild,
  lookup: Lookup,
  historical: () => HistoricalPath,
): SeatClientView['debrief'] {
  if (build.debrief === null) build.debrief = debriefModel(build.view, lookup, historical());
  return build.debrief;
}

/** The seat bar's line: what its team sees of where the seat stands, the holder first (never "your team decided"
 * for a seat the computer or no one holds). */
export function seatStatusLine(
  state: GameState,
  holder: SeatClientView['holder'],
  status: SeatLine['status'],
  proposal: string | null,
  chosen: string | null,
  ended: boolean,
): string {
  if (ended || state.phase === 'ended') return t('seatStatus.ended');
  if (holder === 'computer') return t('seatStatus.computer');
  if (holder === 'vacant') return t('seatStatus.vacant');
  if (state.paused) return t('seatStatus.paused');
  if (status === 'submitted')
    return chosen ? t('seatStatus.decided', { option: chosen }) : t('seatStatus.submitted');
  if (status === 'deciding') return proposal ? t('seatStatus.proposal') : t('seatStatus.deciding');
  return t('seatStatus.waiting');
}

export function projectorClientView(
  c: CompiledScenario,
  state: GameState,
  presence: RoomPresence,
  memo?: SeatViewMemo,
): ProjectorClientView {
  const view = publicViewOf(c, state, memo);
  return {
    kind: 'projector',
    code: presence.code,
    view,
    seats: seatLines(c, state, presence),
    deadlineAt: presence.deadlineAt,
    deals: projectorDeals(c, view),
  };
}

export function consoleClientView(
  c: CompiledScenario,
  lookup: Lookup,
  state: GameState,
  presence: RoomPresence,
  memo?: SeatViewMemo,
): ConsoleClientView {
  return {
    kind: 'console',
    code: presence.code,
    view: publicViewOf(c, state, memo),
    seats: seatLines(c, state, presence).map((s) => ({
      ...s,
      names: presence.namesAt(s.actor),
      options: optionLines(lookup, s.actor, state.offers[s.actor]?.options),
    })),
    ...consoleLists(c, state, memo),
    deadline: state.deadline,
    deadlineAt: presence.deadlineAt,
    autoResolve: presence.autoResolve,
    accepted: state.accepted,
    seatCodes: presence.seatCodes,
    devices: presence.devices(),
    besideOrigin: state.phase === 'ended' && presence.origin ? beside(c, presence.origin, state) : null,
    talk: consoleTalkOf(c, state, memo),
    deals: consoleDeals(c, state),
  };
}

/**
 * A seat's open options as the console lists them, made once per lookup, offer's list (the engine replaces an offer,
 * never changes one), language and seat: the console is built at every decision of every turn (issue 18), and the
 * same list is what the diff skips. Shared: never changed.
 */
const optionLinesMade: MadeOnce<readonly string[], ConsoleClientView['seats'][number]['options']> =
  new WeakMap();
const NO_OPTIONS: ConsoleClientView['seats'][number]['options'] = [];

function optionLines(
  lookup: Lookup,
  actor: string,
  options: readonly string[] | undefined,
): ConsoleClientView['seats'][number]['options'] {
  if (options === undefined || options.length === 0) return NO_OPTIONS;
  return madeOnce(optionLinesMade, lookup, options, actor, () =>
    options.map((id) => ({ id, label: lookup.optionLabel(actor, id) })),
  );
}

/** The console's indicators and injects: kept from the memo while the world and the queue are the same objects. */
function consoleLists(
  c: CompiledScenario,
  state: GameState,
  memo: SeatViewMemo | undefined,
): Pick<ConsoleClientView, 'indicators' | 'injects'> {
  const last = memo?.console;
  if (last && memo && last.world === memo.generation)
    return { indicators: last.indicators, injects: last.injects };
  const fired = state.world.fired;
  const lists = {
    indicators: c.scenario.indicators.map((i) => ({
      id: i.id,
      label: i.label.text,
      min: i.min,
      max: i.max,
      value: state.world.indicators[i.id] ?? i.start,
    })),
    injects: c.scenario.events.map((e) => ({
      id: e.id,
      headline: e.headline.text,
      counterfactual: e.counterfactual,
      fired: Object.hasOwn(fired, e.id),
      queued: state.queued.includes(e.id),
    })),
  };
  if (memo) memo.console = { world: memo.generation, ...lists };
  return lists;
}

function beside(c: CompiledScenario, origin: GameState, state: GameState): ConsoleClientView['besideOrigin'] {
  const cmp = compareGames(c, [
    { label: 'origin', state: origin },
    { label: 'room', state },
  ]);
  const title = (id: string | null | undefined) =>
    id ? (c.scenario.outcomes.find((o) => o.id === id)?.title.text ?? id) : null;
  return {
    was: title(cmp.groups[0]?.outcome),
    now: title(cmp.groups[1]?.outcome),
    parted: cmp.firstDifference,
  };
}

export function lobbyClientView(
  c: CompiledScenario,
  state: GameState,
  presence: RoomPresence,
): LobbyClientView {
  return {
    kind: 'lobby',
    code: presence.code,
    seats: seatLines(c, state, presence).filter((s) => s.holder === 'person'),
  };
}
