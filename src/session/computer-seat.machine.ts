// A seat the computer holds: when its actor has a decision, it chooses by the actor's policy from that actor's own
// offer and mind (nothing of another actor reaches it) and sends the choice to the session as its seat's command.
import { assertEvent, sendParent, setup } from 'xstate';
import { policyChoice } from '../sim/offer.ts';
import type { SeatCommandEvent, SeatInput, SeatTurnEvent } from './seat-events.ts';

export const computerSeatMachine = setup({
  types: {
    context: {} as SeatInput,
    input: {} as SeatInput,
    events: {} as SeatTurnEvent,
  },
  guards: {
    hasOptions: ({ event }) => event.offer.options.length > 0,
  },
  actions: {
    decide: sendParent(({ context, event }): SeatCommandEvent => {
      assertEvent(event, 'seat.turn');
      const option = policyChoice(context.c, event.offer, event.mind, context.seed)!;
      const { actor } = context;
      return {
        type: 'command.send',
        entry: {
          by: { seat: actor, as: 'computer' },
          command: { type: 'decision.submit', actor, option, turn: event.turn },
        },
      };
    }),
  },
}).createMachine({
  id: 'computer-seat',
  context: ({ input }) => input,
  on: { 'seat.turn': { guard: 'hasOptions', actions: 'decide' } },
});
