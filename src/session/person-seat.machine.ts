// A seat a person (or a team) holds. Any member may propose an option; one confirmation submits it as the seat's
// decision, and a withdrawal takes it back before the turn resolves. The engine checks every submission.
import { assertEvent, assign, sendParent, setup } from 'xstate';
import type { ProposalEvent, SeatCommandEvent, SeatInput, SeatTurnEvent } from './seat-events.ts';

interface PersonSeatContext extends SeatInput {
  turn: number | null;
  /** The team's current proposal: shown to every member of the seat, never to another seat. */
  proposal: string | null;
}

export const personSeatMachine = setup({
  types: {
    context: {} as PersonSeatContext,
    input: {} as SeatInput,
    events: {} as SeatTurnEvent | ProposalEvent,
  },
  guards: {
    hasProposal: ({ context }) => context.proposal !== null,
  },
  actions: {
    open: assign(({ event }) => {
      assertEvent(event, 'seat.turn');
      return { turn: event.turn, proposal: null };
    }),
    propose: assign({
      proposal: ({ event }) => {
        assertEvent(event, 'proposal.set');
        return event.option;
      },
    }),
    submit: sendParent(({ context }): SeatCommandEvent => {
      const { actor, proposal, turn } = context;
      return {
        type: 'command.send',
        entry: {
          by: { seat: actor, as: 'person' },
          command: { type: 'decision.submit', actor, option: proposal!, turn: turn ?? undefined },
        },
      };
    }),
    withdraw: sendParent(
      ({ context }): SeatCommandEvent => ({
        type: 'command.send',
        entry: {
          by: { seat: context.actor, as: 'person' },
          command: { type: 'decision.withdraw', actor: context.actor, turn: context.turn ?? undefined },
        },
      }),
    ),
  },
}).createMachine({
  id: 'person-seat',
  context: ({ input }) => ({ ...input, turn: null, proposal: null }),
  initial: 'proposing',
  on: { 'seat.turn': { target: '.proposing', actions: 'open' } },
  states: {
    proposing: {
      on: {
        'proposal.set': { actions: 'propose' },
        'proposal.confirm': { guard: 'hasProposal', target: 'submitted', actions: 'submit' },
      },
    },
    submitted: {
      on: {
        // A member may still change the seat's mind until the turn resolves: a new proposal, confirmed again.
        'proposal.set': { target: 'proposing', actions: 'propose' },
        'proposal.withdraw': { target: 'proposing', actions: 'withdraw' },
      },
    },
  },
});
