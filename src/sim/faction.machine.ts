// One actor of the crisis: its posture, its private beliefs and its secret decision of the turn. It sees the
// shared world only through the Sight the crisis offers it, so a computer seat decides from its own knowledge.
import { assign, sendParent, setup } from 'xstate';
import type { CompiledScenario } from './compile.ts';
import { makeOffer, type Offer, policyChoice } from './offer.ts';
import type { Sight } from './policy.ts';
import { initialBeliefs } from './resolve.ts';
import type { Beliefs } from './world.ts';

export type Control = 'human' | 'computer';

export type { Offer };

export interface FactionContext {
  actor: string;
  control: Control;
  seed: number;
  posture: string;
  beliefs: Beliefs;
  offer: Offer | null;
  /** The secret choice of this turn, until the turn resolves. */
  pending: string | null;
}

export interface FactionInput {
  actor: string;
  control: Control;
  seed: number;
}

export type FactionEvent =
  | { type: 'turn.begin'; turn: number; decision: string; sight: Sight }
  | { type: 'decision.submit'; option: string }
  | { type: 'turn.end'; learned: Beliefs | undefined; posture: string | undefined }
  | { type: 'seat.assign'; control: Control }
  | { type: 'game.end' };

/** What a faction tells the crisis. */
export type FactionReport = { type: 'decision.made'; actor: string; option: string | null; by: Control };

export function createFactionMachine(c: CompiledScenario) {
  return setup({
    types: {
      context: {} as FactionContext,
      events: {} as FactionEvent,
      input: {} as FactionInput,
    },
    guards: {
      isComputer: ({ context }) => context.control === 'computer',
      becomesComputer: ({ event }) => event.type === 'seat.assign' && event.control === 'computer',
      hasNoOption: ({ context }) => context.offer === null || context.offer.options.length === 0,
      isOffered: ({ context, event }) =>
        event.type === 'decision.submit' &&
        context.offer !== null &&
        context.offer.options.includes(event.option),
    },
    actions: {
      receiveOffer: assign({
        offer: ({ context, event }) =>
          event.type === 'turn.begin'
            ? makeOffer(c, event.decision, event.sight, context, context.seed)
            : null,
        pending: null,
      }),
      decideByPolicy: assign({
        pending: ({ context }) =>
          context.offer ? policyChoice(c, context.offer, context, context.seed) : null,
      }),
      takeSubmission: assign({
        pending: ({ context, event }) => (event.type === 'decision.submit' ? event.option : context.pending),
      }),
      reportDecision: sendParent(
        ({ context }): FactionReport => ({
          type: 'decision.made',
          actor: context.actor,
          option: context.pending,
          by: context.control,
        }),
      ),
      learn: assign(({ context, event }) => {
        if (event.type !== 'turn.end') return {};
        return {
          beliefs: event.learned ? { ...context.beliefs, ...event.learned } : context.beliefs,
          posture: event.posture ?? context.posture,
          offer: null,
          pending: null,
        };
      }),
      setControl: assign({
        control: ({ context, event }) => (event.type === 'seat.assign' ? event.control : context.control),
      }),
    },
  }).createMachine({
    id: 'faction',
    context: ({ input }) => ({
      actor: input.actor,
      control: input.control,
      seed: input.seed,
      posture: c.actorById.get(input.actor)?.posture ?? '',
      beliefs: initialBeliefs(c, input.actor),
      offer: null,
      pending: null,
    }),
    initial: 'waiting',
    on: {
      'game.end': '.over',
      'turn.end': { target: '.waiting', actions: 'learn' },
      'seat.assign': { actions: 'setControl' },
    },
    states: {
      waiting: {
        on: {
          'turn.begin': { target: 'offered', actions: 'receiveOffer' },
        },
      },
      // Decides at once when the computer holds the seat or when there is nothing to choose.
      offered: {
        always: [
          { guard: 'hasNoOption', target: 'decided', actions: 'reportDecision' },
          { guard: 'isComputer', target: 'decided', actions: ['decideByPolicy', 'reportDecision'] },
          { target: 'deciding' },
        ],
      },
      deciding: {
        on: {
          // A seat left by a person mid-turn is taken over by the computer.
          'seat.assign': [
            { guard: 'becomesComputer', target: 'offered', actions: 'setControl' },
            { actions: 'setControl' },
          ],
          'decision.submit': {
            guard: 'isOffered',
            target: 'decided',
            actions: ['takeSubmission', 'reportDecision'],
          },
        },
      },
      decided: {
        on: {
          // A person may change their mind until the turn resolves.
          'decision.submit': { guard: 'isOffered', actions: ['takeSubmission', 'reportDecision'] },
        },
      },
      over: {},
    },
  });
}

export type FactionMachine = ReturnType<typeof createFactionMachine>;
