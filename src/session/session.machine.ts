// One game being played: the session forwards every command to the engine, keeps the record of the accepted ones
// and the engine's state they lead to, and orchestrates the rest. Its states are the game's phases (tagged for
// the views), the decision deadline is an `after` delay, and each seat the computer holds is a child actor that
// decides for it. A team's proposals are commands like any other, kept in the game's state. The session holds no
// rule: it asks the engine and reads its state back.
import { enqueueActions, type SnapshotFrom, setup } from 'xstate';
import type { Entry, Issuer, Refusal } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { applyOwned } from '../sim/engine.ts';
import { type GameRecord, replay } from '../sim/record.ts';
import { type GameState, isReady } from '../sim/state.ts';
import { computerSeatMachine } from './computer-seat.machine.ts';
import type { SeatCommandEvent } from './seat-events.ts';
import { deadlineMs, needsSeatActor, seatedActors, seatId, seatTurns } from './session-rules.ts';

export interface SessionInput {
  c: CompiledScenario;
  /** The game so far: a new record, or a saved one to go on with. */
  record: GameRecord;
  /** Resolve a turn as soon as no seat is deciding (solo, pass-and-play); a facilitator may resolve by hand. */
  autoResolve: boolean;
}

export interface SessionContext {
  c: CompiledScenario;
  record: GameRecord;
  state: GameState;
  autoResolve: boolean;
  /** The last command refused, for the view that sent it. */
  refusal: Refusal | null;
}

export type SessionEvent = SeatCommandEvent | { type: 'clock.restart' };

/**
 * A refusal is told to whoever listens (the sender's view). What an accepted command changed is in the next
 * snapshot (its state and record), so it is not emitted again: an emitted event costs a seventh of a game.
 */
export type SessionEmitted = { type: 'command.refused'; entry: Entry; refusal: Refusal };

const FACILITATOR: Issuer = { facilitator: true };

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    input: {} as SessionInput,
    events: {} as SessionEvent,
    emitted: {} as SessionEmitted,
    // Each seat the computer holds is a child named after its actor.
    children: {} as Record<`seat.${string}`, 'computerSeat'>,
  },
  actors: { computerSeat: computerSeatMachine },
  delays: {
    deadline: ({ context }) => deadlineMs(context.state) ?? 0,
  },
  guards: {
    started: ({ context }) => context.state.phase !== 'setup',
    ended: ({ context }) => context.state.phase === 'ended',
    paused: ({ context }) => context.state.paused,
    running: ({ context }) => !context.state.paused,
    autoReady: ({ context }) => context.autoResolve && isReady(context.state),
    hasDeadline: ({ context }) => deadlineMs(context.state) !== null,
  },
  actions: {
    spawnSeats: enqueueActions(({ enqueue, context }) => {
      const { c, state } = context;
      for (const actor of seatedActors(c)) {
        if (!needsSeatActor(state.seats[actor] ?? 'computer')) continue;
        enqueue.spawnChild('computerSeat', { id: seatId(actor), input: { c, actor, seed: state.seed } });
      }
      if (state.paused) return;
      for (const turn of seatTurns(state, [{ kind: 'turn.opened', turn: state.world.turn }])) {
        enqueue.sendTo(seatId(turn.actor), turn.event);
      }
    }),
    /**
     * Applies one command: on acceptance the new state and record, seats replaced or told of their turn; on
     * refusal nothing but the refusal, which the sender hears of.
     */
    applyEntry: enqueueActions(({ enqueue, context }, { entry }: { entry: Entry }) => {
      // The session owns its state and its record and grows both in place: the engine's in-place form is four
      // tenths faster than copying, and the session runs thousands of games a second. A reader that keeps a
      // state or a record across commands copies it (the solo session does, for its resolution screen).
      const result = applyOwned(context.c, context.state, entry);
      // The decision the seat had already made: nothing happened, and nothing is wrong.
      if (!result.ok && result.code === 'unchanged') return;
      if (!result.ok) {
        enqueue.assign({ refusal: result });
        enqueue.emit({ type: 'command.refused', entry, refusal: result });
        return;
      }
      const { state, happened } = result;
      context.record.entries.push(entry);
      // In place, the state is the same object: there is nothing to assign unless a refusal is to be cleared.
      if (state !== context.state || context.refusal !== null) enqueue.assign({ state, refusal: null });
      for (const h of happened) {
        if (h.kind !== 'seat.changed') continue;
        enqueue.stopChild(seatId(h.actor));
        if (!needsSeatActor(h.holder)) continue;
        enqueue.spawnChild('computerSeat', {
          id: seatId(h.actor),
          input: { c: context.c, actor: h.actor, seed: state.seed },
        });
      }
      if (!state.paused) {
        for (const turn of seatTurns(state, happened)) enqueue.sendTo(seatId(turn.actor), turn.event);
      }
      // The clock restarts with each turn; without one there is nothing to restart.
      if (
        happened.some((h) => h.kind === 'deadline.changed' || (h.kind === 'turn.opened' && state.deadline))
      ) {
        enqueue.raise({ type: 'clock.restart' });
      }
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    c: input.c,
    // Its own copy of the record it was given, which it then grows.
    record: {
      ...input.record,
      scenario: { ...input.record.scenario },
      entries: input.record.entries.slice(),
    },
    state: replay(input.c, input.record),
    autoResolve: input.autoResolve,
    refusal: null,
  }),
  entry: 'spawnSeats',
  on: {
    'command.send': {
      actions: { type: 'applyEntry', params: ({ event }) => ({ entry: event.entry }) },
    },
  },
  initial: 'setup',
  states: {
    setup: {
      tags: ['setup'],
      always: [
        { guard: 'ended', target: 'ended' },
        { guard: 'started', target: 'deciding' },
      ],
    },
    deciding: {
      tags: ['deciding'],
      always: [
        { guard: 'ended', target: 'ended' },
        { guard: 'paused', target: 'paused' },
        { guard: 'autoReady', target: 'resolving' },
      ],
      initial: 'clock',
      states: {
        clock: {
          always: [{ guard: 'hasDeadline', target: 'timed' }, { target: 'untimed' }],
        },
        // The clock starts again with each turn; when it runs out, the seats still deciding get what the
        // deadline says and the turn resolves.
        timed: {
          after: {
            deadline: {
              target: '#session.resolving',
              actions: {
                type: 'applyEntry',
                params: ({ context }) => ({
                  entry: {
                    by: FACILITATOR,
                    command: { type: 'deadline.expire', turn: context.state.world.turn },
                  },
                }),
              },
            },
          },
          on: {
            'clock.restart': [
              { guard: 'hasDeadline', target: 'timed', reenter: true },
              { target: 'untimed' },
            ],
          },
        },
        // No clock: nothing is scheduled. A deadline set mid-turn starts its clock at once.
        untimed: {
          on: { 'clock.restart': { guard: 'hasDeadline', target: 'timed' } },
        },
      },
    },
    paused: {
      tags: ['paused'],
      always: [
        { guard: 'ended', target: 'ended' },
        { guard: 'running', target: 'deciding' },
      ],
    },
    resolving: {
      tags: ['resolving'],
      entry: {
        type: 'applyEntry',
        params: { entry: { by: FACILITATOR, command: { type: 'turn.resolve' } } },
      },
      always: [
        { guard: 'ended', target: 'ended' },
        { guard: 'paused', target: 'paused' },
        { target: 'deciding' },
      ],
    },
    // Not final: a finished game keeps its record and state for the debrief and the views.
    ended: { tags: ['ended'] },
  },
});

export type SessionMachine = typeof sessionMachine;
export type SessionSnapshot = SnapshotFrom<SessionMachine>;
