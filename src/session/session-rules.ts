// The session's pure rules: which seat actor a holder needs, which seats to tell of a decision, how long the
// decision clock runs. The session machine calls these; they are unit-tested on their own.
import type { CompiledScenario } from '../sim/compile.ts';
import type { Happening } from '../sim/engine.ts';
import type { Mind } from '../sim/policy.ts';
import { type GameState, type Holder, holderOf, waitingFor } from '../sim/state.ts';
import type { SeatCommandEvent, SeatTurnEvent } from './seat-events.ts';

/** Whether a seat's holder needs a seat actor: only the computer's seat decides by itself; a team's proposals and
 * decisions are commands in the game's state, and a vacant seat takes no decision. */
export function needsSeatActor(holder: Holder): boolean {
  return holder === 'computer';
}

/** The actors that have a seat: every playable one, and any other that has a decision to take. */
export function seatedActors(c: CompiledScenario): string[] {
  return c.actorIds.filter(
    (a) => c.playableIds.includes(a) || (c.decisionAt.get(a) ?? []).some((d) => d !== undefined),
  );
}

export function seatId(actor: string): `seat.${string}` {
  return `seat.${actor}`;
}

/** The seats whose actor the happenings give a decision to take: all waiting ones when a turn opens, else a
 * seat that has just changed hands while its actor still had to decide. */
export function seatsToTell(state: GameState, happened: readonly Happening[]): string[] {
  if (happened.some((h) => h.kind === 'turn.opened' || h.kind === 'game.resumed')) return waitingFor(state);
  const changed = happened.flatMap((h) => (h.kind === 'seat.changed' ? [h.actor] : []));
  return changed.length === 0 ? [] : waitingFor(state).filter((a) => changed.includes(a));
}

/** An actor's own turn, as the computer's seat actor is told it. */
export function seatTurn(state: GameState, actor: string): SeatTurnEvent | null {
  const offer = state.offers[actor];
  if (!offer || !needsSeatActor(holderOf(state, actor))) return null;
  const mind: Mind = { actor, beliefs: state.beliefs[actor]!, posture: state.postures[actor]! };
  return { type: 'seat.turn', turn: state.world.turn, offer, mind };
}

/** The decision clock in milliseconds, or null when the facilitator set none. */
export function deadlineMs(state: GameState): number | null {
  const seconds = state.deadline?.seconds;
  return seconds == null ? null : seconds * 1000;
}

/** The seat actors to tell of their turn after these happenings, each with its own turn. */
export function seatTurns(
  state: GameState,
  happened: readonly Happening[],
): { actor: string; event: SeatTurnEvent }[] {
  const out: { actor: string; event: SeatTurnEvent }[] = [];
  for (const actor of seatsToTell(state, happened)) {
    const event = seatTurn(state, actor);
    if (event) out.push({ actor, event });
  }
  return out;
}

/**
 * A person's decision at their own seat, for the session: a player alone at a seat (solo, pass-and-play) picks and
 * confirms in one step, with no proposal in between. `turn` is the turn it was taken in, so a late one is refused.
 */
export function personDecision(actor: string, option: string, turn: number): SeatCommandEvent {
  return {
    type: 'command.send',
    entry: { by: { seat: actor, as: 'person' }, command: { type: 'decision.submit', actor, option, turn } },
  };
}
