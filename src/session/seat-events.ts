// What the session and the computer's seat actors say to each other.
import type { Entry } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { Offer } from '../sim/offer.ts';
import type { Mind } from '../sim/policy.ts';

export interface SeatInput {
  c: CompiledScenario;
  actor: string;
  seed: number;
}

/** A seat's actor has a decision to take: its own offer and mind, never another actor's. */
export type SeatTurnEvent = { type: 'seat.turn'; turn: number; offer: Offer; mind: Mind };

/** A command for the engine, from a seat, the facilitator or the host of a solo game. */
export type SeatCommandEvent = { type: 'command.send'; entry: Entry };
