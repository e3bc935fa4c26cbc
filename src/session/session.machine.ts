// One game being played: the session forwards every command to the engine, keeps the record of the accepted ones
// and the engine's state they lead to, and orchestrates the rest. Its states are the game's phases (tagged for
// the views) and the decision deadline is an `after` delay. What the game does by itself after a command (a seat
// the computer holds decides, a ready turn resolves) follows in the same step, by a pure rule (session-rules.ts
// nextCommand): no seat is an actor of its own. A team's proposals are commands like any other, in the game's
// state. The session holds no rule: it asks the engine and reads its state back. Its context is never changed in
// place: each step's state is a new one (the engine's applyRun), and its record a new list.
import { enqueueActions, type SnapshotFrom, setup } from 'xstate';
import type { Entry, Issuer, Refusal } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { applyRun } from '../sim/engine.ts';
import { type GameRecord, replay } from '../sim/record.ts';
import { type GameState, isReady } from '../sim/state.ts';
import type { SeatCommandEvent } from './seat-events.ts';
import { deadlineMs, nextCommand } from './session-rules.ts';

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
const RESOLVE: Entry = { by: FACILITATOR, command: { type: 'turn.resolve' } };

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    input: {} as SessionInput,
    events: {} as SessionEvent,
    emitted: {} as SessionEmitted,
  },
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
    /**
     * Applies one command and what the game then does by itself (with no command, only that: a session that starts
     * mid-turn lets its computer seats decide). On acceptance a new state and record; on refusal nothing but the
     * refusal, which the sender hears of.
     */
    applyEntry: enqueueActions(({ enqueue, context }, { entry }: { entry: Entry | null }) => {
      const { c, autoResolve } = context;
      const result = applyRun(c, context.state, entry, (s) => nextCommand(c, s, autoResolve));
      // The decision the seat had already made: nothing happened, and nothing is wrong.
      if (!result.ok && result.code === 'unchanged') return;
      if (!result.ok) {
        enqueue.assign({ refusal: result });
        enqueue.emit({ type: 'command.refused', entry: entry!, refusal: result });
        return;
      }
      if (result.stopped) enqueue.emit({ type: 'command.refused', ...result.stopped });
      if (result.entries.length === 0) return;
      const { state, happened } = result;
      enqueue.assign({
        state,
        record: { ...context.record, entries: context.record.entries.concat(result.entries) },
        refusal: null,
      });
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
    // Its own copy of the record it was given: a caller that goes on changing its own cannot change the game's.
    record: {
      ...input.record,
      scenario: { ...input.record.scenario },
      entries: input.record.entries.slice(),
    },
    state: replay(input.c, input.record),
    autoResolve: input.autoResolve,
    refusal: null,
  }),
  entry: { type: 'applyEntry', params: { entry: null } },
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
      // A turn the deadline's step already resolved (the session resolving by itself) is not resolved again.
      entry: {
        type: 'applyEntry',
        params: ({ context }) => ({ entry: isReady(context.state) ? RESOLVE : null }),
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
