// Time-travel replay: a finished or running game's record, stepped through turn by turn. Each step is the game as
// it stood when that turn opened (what every seat saw while deciding it), and a last step is where the record ends.
// Every state is rebuilt from the record by the engine, so the replay shows exactly what was shown live.

import { agreementsFor } from '../sim/agreements.ts';
import { type Comparison, compareGames } from '../sim/compare.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { ReadProblem } from '../sim/read-problem.ts';
import { forkAt, type GameRecord, replay } from '../sim/record.ts';
import { rulingsFor } from '../sim/rulings.ts';
import { restoreSave, SaveError, saveJson } from '../sim/save.ts';
import type { AgreementItem, GameState, RulingItem } from '../sim/state.ts';
import { type SaidView, type SaidViewer, saidFor } from '../sim/talk.ts';
import type { DecisionRecord } from '../sim/world.ts';

export type { Comparison };

export interface ReplayGame {
  c: CompiledScenario;
  record: GameRecord;
  /** The game where the record ends. */
  final: GameState;
  /** Steps: one per turn opened, and the last one where the record ends. */
  steps: number;
}

/** A refusal: `notice` in English, `problem` the same as data for a screen's language (absent: not a save's). */
export type ReplayImport =
  | { ok: true; game: ReplayGame }
  | { ok: false; notice: string; problem?: ReadProblem };

/** A record (or a save) as a file gives it: checked, replayed, or refused in one sentence. */
export function importRecord(json: string, c: CompiledScenario): ReplayImport {
  try {
    const { record, state } = restoreSave(json, (id) => (id === c.scenario.meta.id ? c : undefined));
    return { ok: true, game: replayGame(c, record, state) };
  } catch (e) {
    if (e instanceof SaveError) return { ok: false, notice: e.message, problem: e.problem };
    return { ok: false, notice: 'This file is not a game record.' };
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

/**
 * What was said in the turn a step opened, as one viewer may see it by the record's end (the engine's one rule,
 * talk.ts saidFor): a seat, the public, or the facilitator (everything, hidden items with why). Like the decisions
 * beside it, it is known once the turn has been played.
 */
export function saidAtStep(game: ReplayGame, step: number, viewer: SaidViewer): SaidView[] {
  return saidFor(game.final, viewer).filter((s) => s.turn === step);
}

/**
 * The proposals and requests for a ruling made in the turn a step opened, as one viewer may see them by the
 * record's end (the engine's rules, agreementsFor and rulingsFor): a seat its own and the public agreements, the
 * public the public agreements accepted or broken and no request, the facilitator everything.
 */
export function dealsAtStep(
  game: ReplayGame,
  step: number,
  viewer: SaidViewer,
): { agreements: AgreementItem[]; rulings: RulingItem[] } {
  const agreements = agreementsFor(game.c, game.final, viewer).filter((a) => a.turn === step);
  const rulings = 'public' in viewer ? [] : rulingsFor(game.final, viewer).filter((r) => r.turn === step);
  return { agreements, rulings };
}

/**
 * What if: the record up to the moment turn `step` opened, the given players at their seats and the computer at
 * the others, to play on from there. Refused in one sentence when the players are not one to five of the
 * scenario's playable actors.
 */
export function whatIfRecord(
  game: ReplayGame,
  step: number,
  players: readonly string[],
): { ok: true; record: GameRecord } | { ok: false; notice: string } {
  const { c } = game;
  if (players.length < 1 || players.length > 5)
    return { ok: false, notice: 'Choose one to five seats to play.' };
  const unknown = players.find((p) => !c.playableIds.includes(p));
  if (unknown) return { ok: false, notice: `There is no playable actor ${unknown} in this scenario.` };
  const record = forkAt(c, game.record, step);
  for (const actor of c.playableIds) {
    const holder = players.includes(actor) ? 'person' : 'computer';
    record.entries.push({ by: { facilitator: true }, command: { type: 'seat.set', actor, holder } });
  }
  return { ok: true, record };
}

/** The what-if game beside the game it forked from: endings, indicators, where their decisions parted. */
export function besideOrigin(game: ReplayGame, fork: GameState): Comparison {
  return compareGames(game.c, [
    { label: 'The original game', state: game.final },
    { label: 'What if', state: fork },
  ]);
}

/** Several groups' records of one scenario, side by side; a record of another scenario is refused by name. */
export function compareRecords(
  c: CompiledScenario,
  groups: readonly { label: string; json: string }[],
): { ok: true; comparison: Comparison } | { ok: false; notice: string } {
  const games: { label: string; state: GameState }[] = [];
  for (const g of groups) {
    const imported = importRecord(g.json, c);
    if (!imported.ok) return { ok: false, notice: `${g.label}: ${imported.notice}` };
    games.push({ label: g.label, state: imported.game.final });
  }
  return { ok: true, comparison: compareGames(c, games) };
}

/** The replayed game's record as a file holds it, for a room to play on from (what if, as a room). */
export function recordJson(game: ReplayGame): string {
  return saveJson(game.record);
}
