// A seat nobody holds: its actor takes no decision and the turn does not wait for it. It is an actor all the
// same, so that every seat of a game is one child of the session, whoever holds it.
import { setup } from 'xstate';
import type { SeatInput, SeatTurnEvent } from './seat-events.ts';

export const vacantSeatMachine = setup({
  types: { context: {} as SeatInput, input: {} as SeatInput, events: {} as SeatTurnEvent },
}).createMachine({
  id: 'vacant-seat',
  context: ({ input }) => input,
});
