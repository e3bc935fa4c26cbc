// The crisis: the calendar, the shared world and the resolution of each turn. It spawns one faction actor per
// actor of the scenario, offers each its turn, collects the secret choices and resolves them together.
import { assign, enqueueActions, type SnapshotFrom, setup } from 'xstate';
import { type CompiledScenario, decisionFor } from './compile.ts';
import {
  type Control,
  createFactionMachine,
  type FactionContext,
  type FactionReport,
} from './faction.machine.ts';
import { type Choice, initialWorld, resolveTurn } from './resolve.ts';
import { sightFor } from './sight.ts';
import type { Beliefs, World } from './world.ts';

export interface CrisisContext {
  seed: number;
  seats: Record<string, Control>;
  world: World;
  /** The actors who decide this turn. */
  expected: string[];
  /** This turn's secret choices as they come in; null: the actor had no option it could take. */
  pending: Record<string, Choice | null>;
}

export interface CrisisInput {
  seed: number;
  seats?: Record<string, Control>;
}

export type CrisisEvent =
  | { type: 'decision.submit'; actor: string; option: string }
  | FactionReport
  | { type: 'turn.resolve' }
  | { type: 'seat.assign'; actor: string; control: Control };

/** A faction's own state, read from the crisis snapshot that holds it. */
export function factionContext(
  snapshot: { children: Record<string, unknown> },
  actor: string,
): FactionContext | undefined {
  const child = snapshot.children[actor] as { getSnapshot(): { context: FactionContext } } | undefined;
  return child?.getSnapshot().context;
}

const compiledByMachine = new WeakMap<object, CompiledScenario>();

/** The scenario a snapshot's game is played on. */
export function compiledOf(snapshot: { machine: object }): CompiledScenario {
  const c = compiledByMachine.get(snapshot.machine);
  if (!c) throw new Error('this snapshot does not come from a crisis machine');
  return c;
}

export function createCrisisMachine(c: CompiledScenario) {
  const faction = createFactionMachine(c);

  const machine = setup({
    types: {
      context: {} as CrisisContext,
      events: {} as CrisisEvent,
      input: {} as CrisisInput,
    },
    actors: { faction },
    guards: {
      allDecided: ({ context }) => context.expected.every((a) => context.pending[a] !== undefined),
      isHumanSeat: ({ context, event }) =>
        event.type === 'decision.submit' &&
        context.seats[event.actor] === 'human' &&
        context.expected.includes(event.actor),
      isExpected: ({ context, event }) =>
        event.type === 'decision.made' && context.expected.includes(event.actor),
      hasOutcome: ({ context }) => context.world.outcome !== null,
      isSeatChange: ({ context, event }) =>
        event.type === 'seat.assign' &&
        c.playableIds.includes(event.actor) &&
        context.seats[event.actor] !== undefined,
    },
    actions: {
      spawnFactions: enqueueActions(({ enqueue, context }) => {
        for (const actor of c.actorIds) {
          enqueue.spawnChild('faction', {
            id: actor,
            input: { actor, control: context.seats[actor] ?? 'computer', seed: context.seed },
          });
        }
      }),
      offerTurn: enqueueActions(({ enqueue, context }) => {
        const turn = context.world.turn;
        const expected = c.actorIds.filter((a) => decisionFor(c, a, turn) !== undefined);
        enqueue.assign({ expected, pending: {} });
        for (const actor of expected) {
          enqueue.sendTo(actor, {
            type: 'turn.begin',
            turn,
            decision: decisionFor(c, actor, turn)!.id,
            sight: sightFor(c, context.world, actor),
          });
        }
      }),
      forwardSubmission: enqueueActions(({ enqueue, event }) => {
        if (event.type === 'decision.submit') {
          enqueue.sendTo(event.actor, { type: 'decision.submit', option: event.option });
        }
      }),
      recordDecision: assign({
        pending: ({ context, event }) =>
          event.type === 'decision.made'
            ? {
                ...context.pending,
                [event.actor]: event.option === null ? null : { option: event.option, by: event.by },
              }
            : context.pending,
      }),
      resolve: enqueueActions(({ enqueue, context, self }) => {
        const beliefs: Record<string, Beliefs> = {};
        const postures: Record<string, string> = {};
        for (const actor of c.actorIds) {
          const f = factionContext(self.getSnapshot(), actor);
          if (f) {
            beliefs[actor] = f.beliefs;
            postures[actor] = f.posture;
          }
        }
        const choices: Record<string, Choice> = {};
        for (const [actor, choice] of Object.entries(context.pending)) if (choice) choices[actor] = choice;
        const result = resolveTurn(c, {
          world: context.world,
          choices,
          beliefs,
          postures,
          seed: context.seed,
        });
        enqueue.assign({ world: result.world, pending: {}, expected: [] });
        for (const actor of c.actorIds) {
          const learned = result.learned[actor];
          const posture = result.postures[actor];
          if (learned || posture !== undefined || context.expected.includes(actor)) {
            enqueue.sendTo(actor, { type: 'turn.end', learned, posture });
          }
        }
      }),
      advanceTurn: assign({ world: ({ context }) => ({ ...context.world, turn: context.world.turn + 1 }) }),
      endFactions: enqueueActions(({ enqueue }) => {
        for (const actor of c.actorIds) enqueue.sendTo(actor, { type: 'game.end' });
      }),
      changeSeat: enqueueActions(({ enqueue, event }) => {
        if (event.type !== 'seat.assign') return;
        enqueue.assign({ seats: ({ context }) => ({ ...context.seats, [event.actor]: event.control }) });
        enqueue.sendTo(event.actor, { type: 'seat.assign', control: event.control });
      }),
    },
  }).createMachine({
    id: 'crisis',
    context: ({ input }) => ({
      seed: input.seed,
      seats: Object.fromEntries(c.playableIds.map((a) => [a, input.seats?.[a] ?? 'computer'])),
      world: initialWorld(c),
      expected: [],
      pending: {},
    }),
    entry: 'spawnFactions',
    initial: 'deciding',
    states: {
      deciding: {
        entry: 'offerTurn',
        always: { guard: 'allDecided', target: 'ready' },
        on: {
          'decision.submit': { guard: 'isHumanSeat', actions: 'forwardSubmission' },
          'decision.made': { guard: 'isExpected', actions: 'recordDecision' },
          'seat.assign': { guard: 'isSeatChange', actions: 'changeSeat' },
        },
      },
      ready: {
        on: {
          'decision.submit': { guard: 'isHumanSeat', actions: 'forwardSubmission' },
          'decision.made': { guard: 'isExpected', actions: 'recordDecision' },
          'turn.resolve': { target: 'resolving', actions: 'resolve' },
        },
      },
      resolving: {
        always: [
          { guard: 'hasOutcome', target: 'ended' },
          { target: 'deciding', actions: 'advanceTurn' },
        ],
      },
      // Not a final state: a finished game keeps its factions, so that views and the debrief can read them.
      ended: { entry: 'endFactions' },
    },
  });
  compiledByMachine.set(machine, c);
  return machine;
}

export type CrisisMachine = ReturnType<typeof createCrisisMachine>;
export type CrisisSnapshot = SnapshotFrom<CrisisMachine>;
