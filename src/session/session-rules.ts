// The session's pure rules: what the game does by itself after a command (a computer seat still deciding decides,
// a ready turn resolves) and how long the decision clock runs. The session machine calls these; they are
// unit-tested on their own.
import { computerAgreementCommand } from '../sim/agreements.ts';
import type { Command, Entry } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { computerChoice } from '../sim/engine.ts';
import { type GameState, holderOf, isReady } from '../sim/state.ts';
import type { SeatCommandEvent } from './seat-events.ts';

const RESOLVE: Entry = { by: { facilitator: true }, command: { type: 'turn.resolve' } };

/**
 * The next command the game issues by itself, or null. A seat the computer holds that the turn still waits for
 * decides at once, by its actor's policy from that actor's own offer and mind (src/sim/policy.ts); then, where the
 * session resolves by itself, a turn no seat is deciding any more resolves. Nothing while the game is paused.
 */
export function nextCommand(
  c: CompiledScenario,
  state: Readonly<GameState>,
  autoResolve: boolean,
): Entry | null {
  if (state.phase !== 'deciding' || state.paused) return null;
  // A proposal waiting at a computer's seat is answered, and a computer's seat proposes to a person's, before
  // any computer decides: what it agrees to may weigh on what it chooses (src/sim/agreements.ts).
  const agreement = computerAgreementCommand(c, state);
  if (agreement) return agreement;
  // The seats waitingFor lists, in its order, without building its list for every command of a game.
  for (const actor in state.offers) {
    if (state.pending[actor] !== undefined || holderOf(state, actor) !== 'computer') continue;
    const option = computerChoice(c, state, actor);
    if (option === null) continue;
    return {
      by: { seat: actor, as: 'computer' },
      command: { type: 'decision.submit', actor, option, turn: state.world.turn },
    };
  }
  return autoResolve && isReady(state) ? RESOLVE : null;
}

/** The decision clock in milliseconds, or null when the facilitator set none. */
export function deadlineMs(state: GameState): number | null {
  const seconds = state.deadline?.seconds;
  return seconds == null ? null : seconds * 1000;
}

/**
 * A person's decision at their own seat, for the session: a player alone at a seat (solo, pass-and-play) picks and
 * confirms in one step, with no proposal in between. `turn` is the turn it was taken in, so a late one is refused.
 */
export function personDecision(
  actor: string,
  option: string,
  turn: number,
  reason?: string,
): SeatCommandEvent {
  const command: Command =
    reason === undefined
      ? { type: 'decision.submit', actor, option, turn }
      : { type: 'decision.submit', actor, option, turn, reason };
  return { type: 'command.send', entry: { by: { seat: actor, as: 'person' }, command } };
}
