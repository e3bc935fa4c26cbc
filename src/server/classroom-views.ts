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
import type { Lookup } from '../present/lookup.ts';
import { situationModel } from '../present/turn.presenter.ts';
import { compareGames } from '../sim/compare.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { HistoricalPath } from '../sim/history.ts';
import { type GameState, proposalOf, waitingFor } from '../sim/state.ts';
import { publicView, viewFor } from '../sim/view.ts';

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
): SeatClientView {
  const view = viewFor(c, state, actor);
  // The team's proposal is in the game's state (a command of the record), so it survives a restart.
  const proposal = proposalOf(state, actor);
  const pending = state.pending[actor];
  const holder = state.seats[actor] ?? 'computer';
  const status = seatStatus(state, actor);
  const situation = situationModel(view, lookup, proposal);
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
    debrief: view.outcome ? debriefModel(view, lookup, historical()) : null,
  };
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
  if (ended || state.phase === 'ended') return 'The game has ended.';
  if (holder === 'computer')
    return 'The computer plays this seat now; the facilitator can give it back to your team.';
  if (holder === 'vacant')
    return 'No one holds this seat now; the facilitator can give it back to your team.';
  if (state.paused) return 'The facilitator has paused the game.';
  if (status === 'submitted')
    return `Your team decided: ${chosen ?? 'submitted'}. You can change it until the turn resolves.`;
  if (status === 'deciding')
    return proposal ? 'Your team has a proposal: anyone can confirm it.' : 'Your team is deciding.';
  return 'Waiting for the turn to resolve.';
}

export function projectorClientView(
  c: CompiledScenario,
  state: GameState,
  presence: RoomPresence,
): ProjectorClientView {
  return {
    kind: 'projector',
    code: presence.code,
    view: publicView(c, state),
    seats: seatLines(c, state, presence),
    deadlineAt: presence.deadlineAt,
  };
}

export function consoleClientView(
  c: CompiledScenario,
  lookup: Lookup,
  state: GameState,
  presence: RoomPresence,
): ConsoleClientView {
  const fired = state.world.fired;
  return {
    kind: 'console',
    code: presence.code,
    view: publicView(c, state),
    seats: seatLines(c, state, presence).map((s) => ({
      ...s,
      names: presence.namesAt(s.actor),
      options: (state.offers[s.actor]?.options ?? []).map((id) => ({
        id,
        label: lookup.optionLabel(s.actor, id),
      })),
    })),
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
    deadline: state.deadline,
    deadlineAt: presence.deadlineAt,
    autoResolve: presence.autoResolve,
    accepted: state.accepted,
    seatCodes: presence.seatCodes,
    devices: presence.devices(),
    besideOrigin: state.phase === 'ended' && presence.origin ? beside(c, presence.origin, state) : null,
  };
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
