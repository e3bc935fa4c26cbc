// Pass-and-play: one device, two to five players, the computer at the other seats. Before each player's private
// screen the device is handed over on a screen that shows only the public picture; after the last player of a
// turn has decided, the turn resolves and everyone sees what the public may see. The game itself is the session,
// invoked; this machine only says whose screen is showing. A reload comes back at a hand-over, never at a private
// screen, and neither does a page the browser restores from its back/forward cache (the page sends page.left when it
// is hidden); no screen ever holds another seat's choice before the turn resolves.
import { and, assertEvent, assign, enqueueActions, setup } from 'xstate';
import type { Refusal } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { type GameRecord, replay } from '../sim/record.ts';
import { saveJson } from '../sim/save.ts';
import type { GameState } from '../sim/state.ts';
import { nextSeat } from './pass-and-play-rules.ts';
import { isSeatTalk, type SeatTalkEvent, seatTalkEntry } from './seat-talk.ts';
import { sessionMachine } from './session.machine.ts';
import { personDecision } from './session-rules.ts';

export interface PassInput {
  c: CompiledScenario;
  /** A new game's first commands (passStart), or a saved game. */
  record: GameRecord;
}

export interface PassContext {
  c: CompiledScenario;
  /** The game's record so far, as the session reports it: what the end saves, replays and downloads. */
  record: GameRecord;
  game: GameState;
  /** The player the device is passed to, or whose screen is showing. */
  current: string | null;
  /** The option that player has selected, before confirming; forgotten when the screen is hidden. */
  selected: string | null;
  /** The turn the hand-overs are for: when the game moves past it, everyone sees the turn's outcome. */
  turn: number;
  /** How many commands the save holds. */
  saved: number;
  /** Why the game refused the current player's last statement, message or deal; null once one is taken. The screens
   * say it in the player's language (src/present/refusal-text.ts). */
  refused: Refusal | null;
}

export type PassEvent =
  | { type: 'seat.show' }
  | { type: 'seat.hide' }
  /** The page is left (pagehide) or comes back from the back/forward cache: the private screen must not stay. */
  | { type: 'page.left' }
  | { type: 'option.select'; option: string }
  | { type: 'decision.confirm'; reason?: string | undefined }
  /** The player whose screen shows speaks, or proposes, answers or withdraws an agreement (as in the solo game). */
  | SeatTalkEvent
  | { type: 'screen.next' };

export type PassEmitted = { type: 'save.write'; json: string };

export const passAndPlayMachine = setup({
  types: {
    context: {} as PassContext,
    input: {} as PassInput,
    events: {} as PassEvent,
    emitted: {} as PassEmitted,
    children: {} as { game: 'game' },
  },
  actors: { game: sessionMachine },
  guards: {
    ended: ({ context }) => context.game.phase === 'ended',
    moved: ({ context }) => context.game.world.turn !== context.turn,
    someoneNext: ({ context }) => nextSeat(context.c, context.game) !== null,
    decided: ({ context }) => context.current !== null && context.game.pending[context.current] !== undefined,
    canConfirm: ({ context }) =>
      context.current !== null &&
      context.selected !== null &&
      (context.game.offers[context.current]?.options.includes(context.selected) ?? false),
  },
  actions: {
    // The player speaks or acts on an agreement, as the seat that speaks here (seat-talk.ts).
    say: enqueueActions(({ enqueue, context, event }) => {
      if (isSeatTalk(event))
        enqueue.sendTo('game', { type: 'command.send', entry: seatTalkEntry(context.current!, event) });
    }),
    handOver: assign(({ context }) => ({
      current: nextSeat(context.c, context.game),
      selected: null,
      turn: context.game.world.turn,
      // The last player's refusal is not the next one's.
      refused: null,
    })),
    confirm: enqueueActions(({ enqueue, context, event }) => {
      const actor = context.current!;
      const reason = event.type === 'decision.confirm' ? event.reason : undefined;
      // The player's seat is a team of one: the pick is confirmed as it is made, with no proposal in between.
      enqueue.sendTo('game', personDecision(actor, context.selected!, context.game.world.turn, reason));
      enqueue.assign({ selected: null });
    }),
  },
}).createMachine({
  id: 'pass',
  context: ({ input }) => ({
    c: input.c,
    record: input.record,
    game: replay(input.c, input.record),
    current: null,
    selected: null,
    turn: -1,
    saved: input.record.entries.length,
    refused: null,
  }),
  invoke: {
    id: 'game',
    src: 'game',
    input: ({ context }) => ({ c: context.c, record: context.record, autoResolve: true }),
    onSnapshot: {
      actions: enqueueActions(({ enqueue, context, event }) => {
        const { record, state, refusal } = event.snapshot.context as {
          record: GameRecord;
          state: GameState;
          refusal: Refusal | null;
        };
        enqueue.assign({ game: state, record, refused: refusal ?? null });
        // Saved after every decision, so a reload keeps what was decided and comes back at the next hand-over.
        if (record.entries.length === context.saved) return;
        enqueue.assign({ saved: record.entries.length });
        enqueue.emit({ type: 'save.write', json: saveJson(record) });
      }),
    },
  },
  initial: 'routing',
  states: {
    routing: {
      always: [
        { guard: 'ended', target: 'ended' },
        { guard: 'someoneNext', target: 'handOver', actions: 'handOver' },
        // No player decides in this turn: everyone sees it play out.
        { target: 'resolved' },
      ],
    },
    handOver: {
      tags: ['public'],
      on: { 'seat.show': 'private' },
    },
    private: {
      tags: ['private'],
      on: {
        'option.select': {
          actions: assign({
            selected: ({ event }) => {
              assertEvent(event, 'option.select');
              return event.option;
            },
          }),
        },
        'decision.confirm': { guard: 'canConfirm', target: 'passing', actions: 'confirm' },
        // A computer seat answers a proposal in the same step (the session runs nextCommand after each command); a
        // player's seat answers on its own screen, before the turn resolves, or the proposal lapses.
        'talk.say': { actions: 'say' },
        'deal.*': { actions: 'say' },
        'seat.hide': { target: 'handOver', actions: assign({ selected: null }) },
        // Leaving the page (Back, Forward, another address, closing the tab) hides the screen as the player would:
        // a page the browser keeps in its back/forward cache, shown again, is at the same player's hand-over.
        'page.left': { target: 'handOver', actions: assign({ selected: null }) },
      },
    },
    // The decision is with the session; the next screen follows from the state it reports.
    passing: {
      tags: ['public'],
      always: [
        { guard: 'ended', target: 'ended' },
        { guard: 'moved', target: 'resolved' },
        // Once the session reports the decision taken (its snapshot comes after the event was sent).
        { guard: and(['decided', 'someoneNext']), target: 'handOver', actions: 'handOver' },
      ],
    },
    resolved: {
      tags: ['public'],
      on: { 'screen.next': 'routing' },
    },
    ended: { tags: ['public', 'ended'] },
  },
});

export type PassAndPlayMachine = typeof passAndPlayMachine;
