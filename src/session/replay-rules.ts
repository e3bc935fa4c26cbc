// Time-travel replay: a finished or running game's record, stepped through turn by turn. Each step is the game as
// it stood when that turn opened (what every seat saw while deciding it), and a last step is where the record ends.
// Every state is rebuilt from the record by the engine, so the replay shows exactly what was shown live.
import type { CompiledScenario } from '../sim/compile.ts';
import type { GameRecord } from '../sim/record.ts';
import { replay } from '../sim/record.ts';
import { restoreSave, SaveError } from '../sim/save.ts';
import type { GameState } from '../sim/state.ts';
import type { DecisionRecord } from '../sim/world.ts';

export interface ReplayGame {
  c: CompiledScenario;
  record: GameRecord;
  /** The game where the record ends. */
  final: GameState;
  /** Steps: one per turn opened, and the last one where the record ends. */
  steps: number;
}

export type ReplayImport = { ok: true; game: ReplayGame } | { ok: false; notice: string };

/** A record (or a save) as a file gives it: checked, replayed, or refused in one sentence. */
export function importRecord(json: string, c: CompiledScenario): ReplayImport {
  try {
    const { record, state } = restoreSave(json, (id) => (id === c.scenario.meta.id ? c : undefined));
    return { ok: true, game: replayGame(c, record, state) };
  } catch (e) {
    return { ok: false, notice: e instanceof SaveError ? e.message : 'This file is not a game record.' };
  }
}

export function replayGame(c: CompiledScenario, record: GameRecord, final = replay(c, record)): ReplayGame {
  const opened = final.phase === 'setup' ? 0 : final.world.turn + (final.world.outcome ? 1 : 0);
  return { c, record, final, steps: Math.max(1, opened + (final.phase === 'setup' ? 0 : 1)) };
}

/** The game at step `step`: as turn `step` opened, or, at the last step, where the record ends. */
export function stateAtStep(game: ReplayGame, step: number): GameState {
  if (step >= game.steps - 1) return game.final;
  return replay(game.c, game.record, { turn: step });
}

/** What each actor decided in the turn a step opened, from the record's end (known once the turn resolved). */
export function decisionsAtStep(game: ReplayGame, step: number): DecisionRecord[] {
  return game.final.world.log.filter((d) => d.turn === step);
}
