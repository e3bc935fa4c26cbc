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
import { type GameState, waitingFor } from '../sim/state.ts';
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
  proposal: string | null,
  presence: RoomPresence,
  historical: () => HistoricalPath,
): SeatClientView {
  const view = viewFor(c, state, actor);
  const pending = state.pending[actor];
  return {
    kind: 'seat',
    code: presence.code,
    actor,
    status: seatStatus(state, actor),
    situation: situationModel(view, lookup, proposal),
    proposal,
    submitted: pending ? pending.option : null,
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
