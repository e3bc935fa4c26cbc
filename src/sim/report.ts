// What an after-action report says of one game, as plain data: the ending, each indicator turn by turn, every
// decision with what the real actor did that day, and the facilitator's actions. Formatted for print by
// src/present/report-html.ts; read from a record by `npm run report` and the classroom server's exports.

import type { Text } from '../scenario/types.ts';
import { type AgreementView, agreementsFor } from './agreements.ts';
import type { CompiledScenario } from './compile.ts';
import { type DecisionRow, decisionRows } from './decision-log.ts';
import { partsThatHold } from './ending-text.ts';
import { cleanText } from './free-text.ts';
import { MAX_REASON_CHARS } from './limits.ts';
import type { GameRecord } from './record.ts';
import { rulingsFor } from './rulings.ts';
import type { GameState, Holder, RulingItem } from './state.ts';
import { indicatorHistory } from './view.ts';
import { worldContext } from './world-judge.ts';

/** The parts of the ending's summary that hold in this game, judged on its world at the end. */
function endingOf(c: CompiledScenario, state: GameState): Text[] {
  const world = state.world;
  const outcome = world.outcome && c.scenario.outcomes.find((o) => o.id === world.outcome?.id);
  const ctx = worldContext(c, world, state.agreements);
  return outcome ? partsThatHold(outcome.summary, ctx).map((p) => p.text) : [];
}

export interface ReportData {
  seed: number;
  commands: number;
  /** Turns resolved, the last one included when the game has ended. */
  turnsPlayed: number;
  phase: GameState['phase'];
  seats: Record<string, Holder>;
  /** The ending reached, by id; null when the game has not ended in one. */
  outcome: string | null;
  /** The parts of the ending's summary that hold in this game (src/sim/ending-text.ts); empty without an ending. */
  summary: Text[];
  /** indicator id -> its value at the start and after each turn played */
  indicators: Record<string, number[]>;
  /** Every decision, with the reason its seat gave where it gave one (kept cleaned by the engine). */
  decisions: DecisionRow[];
  /** What the facilitator did, in order: injects, overrides with their reasons, pauses, the end. */
  facilitator: (
    | { kind: 'inject'; event: string; at: 'now' | 'next-resolution' }
    | { kind: 'override'; indicator: string; value: number; reason: string }
    | { kind: 'pause' | 'end' }
  )[];
  /**
   * Every agreement proposed, in order: who proposed it to whom, what became of it (accepted, declined, withdrawn,
   * lapsed, broken), the answer's reason (a person's words, or the computer's weighing) and who broke it.
   */
  agreements: AgreementView[];
  /** Every request for a ruling, with the facilitator's ruling (and a roll's odds and draw) where one was given. */
  rulings: RulingItem[];
}

export function reportData(c: CompiledScenario, state: GameState, record: GameRecord): ReportData {
  const turnsPlayed = state.world.outcome ? state.world.turn + 1 : state.world.turn;
  const indicators: Record<string, number[]> = {};
  for (const ind of c.scenario.indicators) {
    indicators[ind.id] = indicatorHistory(c, state.world, ind.id).slice(0, turnsPlayed + 1);
  }
  const facilitator: ReportData['facilitator'] = [];
  for (const { by, command } of record.entries) {
    if (!('facilitator' in by)) continue;
    if (command.type === 'inject.fire')
      facilitator.push({ kind: 'inject', event: command.event, at: command.at });
    else if (command.type === 'indicator.override') {
      const { indicator, value, reason } = command;
      // A record read from a file may hold any text: the report shows it cleaned as the room would have.
      facilitator.push({ kind: 'override', indicator, value, reason: cleanText(reason, MAX_REASON_CHARS) });
    } else if (command.type === 'game.pause') facilitator.push({ kind: 'pause' });
    else if (command.type === 'game.end') facilitator.push({ kind: 'end' });
  }
  return {
    seed: record.seed,
    commands: record.entries.length,
    turnsPlayed,
    phase: state.phase,
    seats: { ...state.seats },
    outcome: state.world.outcome?.id ?? null,
    summary: endingOf(c, state),
    indicators,
    decisions: decisionRows(c, state),
    facilitator,
    // Copies, as the facilitator sees them: the report stays apart from a game that goes on.
    agreements: agreementsFor(c, state, { facilitator: true }),
    rulings: rulingsFor(state, { facilitator: true }),
  };
}
