// A game to be refused in, for the refusal tests of the talk, agreement and ruling modules (issue 20): people at
// pm, us and framework, at the 'statements' turn (the residence attacked: the claims and the joint investigation
// are open), and the refusal of a command in a state, by the path it takes.
import { expect } from 'vitest';
import { cleanCommand, type Entry, type Issuer, parseEntry, type Refusal } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyCommand } from '../../src/sim/engine.ts';
import type { GameState } from '../../src/sim/state.ts';
import { FACILITATOR, LiveGame, playTurns } from './play.ts';

export const person = (seat: string): Issuer => ({ seat, as: 'person' });

/** The game at the 'statements' turn, people at pm, us and framework, nothing said or proposed yet. */
export function openGame(c: CompiledScenario, seed = 5): GameState {
  const game = new LiveGame(c, seed).start(['pm', 'us', 'framework']);
  playTurns(game, [0], c.turnIndexById.get('statements')!);
  return game.state;
}

/** `state` after `entries`, each of which must be taken. */
export function after(c: CompiledScenario, state: GameState, entries: readonly Entry[]): GameState {
  let s = state;
  for (const entry of entries) {
    const r = applyCommand(c, s, entry);
    if (!r.ok) throw new Error(`${entry.command.type} was refused: ${r.message}`);
    s = r.state;
  }
  return s;
}

/**
 * How a command reaches the engine: 'message', a classroom message (parsed, cleaned); 'made', one the page made
 * itself (solo: cleaned, not parsed); 'record', one read from a record (neither: the engine's own checks are all
 * that stands, as for text the cleaning would have refused first).
 */
export type Path = 'message' | 'made' | 'record';

/** The refusal of `raw` in `state`, by `path`. */
export function refusedIn(
  c: CompiledScenario,
  state: GameState,
  raw: unknown,
  path: Path = 'message',
): Refusal {
  const parsed = path === 'message' ? parseEntry(raw) : (raw as Entry);
  if ('ok' in parsed) return parsed;
  const command = path === 'record' ? parsed.command : cleanCommand(parsed.command);
  if ('ok' in command) return command;
  const r = applyCommand(c, state, { by: parsed.by, command } as Entry);
  expect(r.ok, JSON.stringify(raw).slice(0, 300)).toBe(false);
  return r as Refusal;
}

export { FACILITATOR };
