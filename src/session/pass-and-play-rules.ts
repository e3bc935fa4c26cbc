// The pure rules of pass-and-play: two to five people share one device, each holding a seat, and the computer
// holds the rest. Whose turn it is to take the device follows from the game's state alone, so that a reloaded
// page comes back to the same hand-over, never to someone's private screen.

import type { Scenario } from '../scenario/types.ts';
import type { Entry, Refusal } from '../sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../sim/compile.ts';
import { type HistoricalPath, historicalPath } from '../sim/history.ts';
import type { ReadProblem } from '../sim/read-problem.ts';
import { type GameRecord, newRecord } from '../sim/record.ts';
import { restoreSave, SaveError, saveJson } from '../sim/save.ts';
import { type GameState, waitingFor } from '../sim/state.ts';
import { type ActorView, type PublicView, publicView, viewFor } from '../sim/view.ts';

export const MIN_PLAYERS = 2;
export const MAX_PLAYERS = 5;

/** The first commands of a pass-and-play game: each player's seat, then the start. */
export function passStart(seats: readonly string[]): Entry[] {
  return [
    ...seats.map(
      (actor): Entry => ({
        by: { facilitator: true },
        command: { type: 'seat.set', actor, holder: 'person' },
      }),
    ),
    { by: { facilitator: true }, command: { type: 'game.start' } },
  ];
}

/**
 * What keeps pass-and-play from starting or going on, by code: the page says it in its language, in one sentence
 * (src/ui/classroom/pass.page.ts). `why` is the save's own refusal (src/sim/save.ts), as the engine words it.
 */
export type PassProblem =
  | { code: 'seat-count'; min: number; max: number }
  | { code: 'unknown-seat'; actor: string }
  | { code: 'seat-twice' }
  | { code: 'no-save' }
  | { code: 'not-several' }
  /** `why`: the save's problem in English; `problem`: the same as data, for a screen's language (read-problem.ts). */
  | { code: 'unreadable'; why: string | null; problem: ReadProblem | null };

/** Why these seats cannot start a game, or null when they can. */
export function seatsProblem(c: CompiledScenario, seats: readonly string[]): PassProblem | null {
  if (seats.length < MIN_PLAYERS || seats.length > MAX_PLAYERS) {
    return { code: 'seat-count', min: MIN_PLAYERS, max: MAX_PLAYERS };
  }
  const unknown = seats.find((s) => !c.playableIds.includes(s));
  if (unknown) return { code: 'unknown-seat', actor: unknown };
  if (new Set(seats).size !== seats.length) return { code: 'seat-twice' };
  return null;
}

/** The players' seats, in the scenario's order of actors. */
export function playersOf(c: CompiledScenario, state: GameState): string[] {
  return c.playableIds.filter((a) => state.seats[a] === 'person');
}

/** Who takes the device next: the first player, in order, who still has to decide this turn; null when none. */
export function nextSeat(c: CompiledScenario, state: GameState): string | null {
  const waiting = waitingFor(state);
  return playersOf(c, state).find((a) => waiting.includes(a)) ?? null;
}

export type PassRestore =
  | { ok: true; record: GameRecord; state: GameState }
  | { ok: false; problem: PassProblem };

/** A saved pass-and-play game, replayed; or why it cannot go on. */
export function restorePass(json: string | null, c: CompiledScenario): PassRestore {
  if (json === null) return { ok: false, problem: { code: 'no-save' } };
  try {
    const restored = restoreSave(json, (id) => (id === c.scenario.meta.id ? c : undefined));
    if (playersOf(c, restored.state).length < MIN_PLAYERS) {
      return { ok: false, problem: { code: 'not-several' } };
    }
    return { ok: true, record: restored.record, state: restored.state };
  } catch (e) {
    const saveError = e instanceof SaveError ? e : null;
    return {
      ok: false,
      problem: { code: 'unreadable', why: saveError?.message ?? null, problem: saveError?.problem ?? null },
    };
  }
}

/** A player's own view, for their private screen. */
export function playerView(c: CompiledScenario, state: GameState, actor: string): ActorView {
  return viewFor(c, state, actor);
}

/** What every player may see, for the hand-over and the turn's outcome. */
export function publicPicture(c: CompiledScenario, state: GameState): PublicView {
  return publicView(c, state);
}

export type {
  ActorView,
  CompiledScenario,
  GameRecord,
  GameState,
  HistoricalPath,
  PublicView,
  Refusal,
  Scenario,
};

/** The scenario, ready to play (the page has only its validated text). */
export function compilePass(scenario: Scenario): CompiledScenario {
  return compileScenario(scenario);
}

/** A new game's record: the scenario, the seed, each player's seat and the start. */
export function newPassRecord(c: CompiledScenario, seed: number, seats: readonly string[]): GameRecord {
  const record = newRecord(c, seed);
  record.entries = passStart(seats);
  return record;
}

/**
 * The model's historical path for this game (the same scenario and seed, every seat taking what the real actor did),
 * for the debrief's chart and its "beside history": the same for every player at the table.
 */
export function passHistorical(c: CompiledScenario, state: GameState): HistoricalPath {
  return historicalPath(c, state.seed);
}

/** A game's record as a file holds it: the same text a save is, so the replay page opens it. */
export function passRecordJson(record: GameRecord): string {
  return saveJson(record);
}
