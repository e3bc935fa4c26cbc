// What is said to the session from outside.
import type { Entry } from '../sim/commands.ts';

/** A command for the engine, from a seat, the facilitator or the host of a solo game. */
export type SeatCommandEvent = { type: 'command.send'; entry: Entry };
