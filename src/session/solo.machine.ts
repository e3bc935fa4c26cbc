// A solo game from the title to the debrief: which screen the player is on, the perspective they picked, the
// option they have selected, and the game itself, a session invoked for as long as it is played. The views
// render what this machine's state says and send its events; what belongs to the page comes in as an actor
// (loading the scenario's files) or goes out as emitted events (writing and removing the save slot).
import { assertEvent, assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { Scenario } from '../scenario/types.ts';
import type { Entry, Refusal } from '../sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../sim/compile.ts';
import { type HistoricalPath, historicalPath } from '../sim/history.ts';
import { type GameRecord, newRecord, replay } from '../sim/record.ts';
import { saveJson } from '../sim/save.ts';
import type { GameState } from '../sim/state.ts';
import { isSeatTalk, type SeatTalkEvent, seatTalkEntry } from './seat-talk.ts';
import { sessionMachine } from './session.machine.ts';
import { personDecision } from './session-rules.ts';
import { restoreSolo, type SoloRefusal, soloStart } from './solo-rules.ts';

export type SoloEvent =
  | { type: 'game.new' }
  | { type: 'game.continue'; json: string | null }
  | { type: 'perspective.pick'; actor: string }
  /** `seed`: the page draws one, or takes it from the address (tests, workshops replay a game exactly). */
  | { type: 'game.begin'; seed: number }
  | { type: 'option.select'; option: string }
  | { type: 'decision.confirm'; reason?: string | undefined }
  /**
   * The player speaks (a statement, or a private message to computer actors), or proposes an agreement, answers a
   * proposal made to it, or withdraws its own (seat-talk.ts).
   */
  | SeatTalkEvent
  | { type: 'screen.next' }
  | { type: 'title.show'; notice?: string | undefined };

export interface SoloContext {
  c: CompiledScenario | null;
  /** Why the scenario could not be loaded, in one sentence. */
  loadProblem: string | null;
  /** What the player asked for while the scenario was still loading. */
  wanted: { type: 'new' } | { type: 'continue'; json: string | null } | null;
  actor: string | null;
  /** The record the game session starts from: a new game's first commands, or a saved game. */
  record: GameRecord | null;
  /** How far the saved record had come (see momentOf): the slot is written once a turn, as the game moves on. */
  saved: number;
  /** The option the player has selected this turn, before confirming. */
  selected: string | null;
  /** The game session's state as it last reported it. */
  game: GameState | null;
  /** The game's state when the player confirmed: the resolution screen tells what changed since. */
  before: GameState | null;
  /** One sentence for the title, such as why a save could not be continued. */
  notice: string | null;
  /** Why the save could not be continued, as data: the title says it in the device's language (issue 20). */
  refusal: SoloRefusal | null;
  /**
   * For the debrief: the same scenario and seed replayed with the historical choices (what the model gives for
   * them), computed once the game has ended.
   */
  historical: HistoricalPath | null;
  /** Why the game refused the player's last command (a statement or message); null once one is taken. The screens say
   * it in the player's language (src/present/refusal-text.ts). */
  refused: Refusal | null;
}

/** What the page is asked to do: keep the game's record in the save slot, or remove a save that cannot go on. */
export type SoloEmitted = { type: 'save.write'; json: string } | { type: 'save.drop' };

const HOST = { facilitator: true } as const;

/**
 * How far a game's record has come, as far as saving goes: the turns it has resolved, and its end. A save is
 * written when this grows. It is read from the record, which says it in so many commands.
 */
function momentOf(record: GameRecord): number {
  let moment = 0;
  for (const e of record.entries)
    if (e.command.type === 'turn.resolve' || e.command.type === 'game.end') moment++;
  return moment;
}

export const soloMachine = setup({
  types: {
    context: {} as SoloContext,
    events: {} as SoloEvent,
    emitted: {} as SoloEmitted,
    children: {} as { game: 'game'; loadScenario: 'loadScenario' },
  },
  actors: {
    game: sessionMachine,
    /** Provided by the page: the scenario's files, parsed and validated; rejects with one sentence. */
    loadScenario: fromPromise<Scenario>(async () => {
      throw new Error('no scenario loader was provided');
    }),
  },
  actions: {
    // The player speaks or acts on an agreement, as the seat that speaks here (seat-talk.ts).
    say: enqueueActions(({ enqueue, context, event }) => {
      if (isSeatTalk(event))
        enqueue.sendTo('game', { type: 'command.send', entry: seatTalkEntry(context.actor!, event) });
    }),
    newGame: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'game.begin');
      const record = newRecord(context.c!, event.seed);
      record.entries = soloStart(context.actor!);
      const game = replay(context.c!, record);
      enqueue.assign({
        record,
        saved: momentOf(record),
        selected: null,
        game,
        before: null,
        historical: null,
      });
      enqueue.emit({ type: 'save.write', json: saveJson(record) });
    }),
    restore: enqueueActions(({ enqueue, context }) => {
      const json = context.wanted?.type === 'continue' ? context.wanted.json : null;
      const restored = restoreSolo(json, context.c!);
      enqueue.assign({ wanted: null });
      if (!restored.ok) {
        enqueue.assign({ notice: restored.notice, refusal: restored.refusal, actor: null, record: null });
        if (json !== null) enqueue.emit({ type: 'save.drop' });
        return;
      }
      const { record, actor } = restored;
      enqueue.assign({
        notice: null,
        refusal: null,
        actor,
        record,
        saved: momentOf(record),
        selected: null,
        game: restored.state,
        before: null,
        historical: null,
      });
      // A save of the previous format is written again in this one.
      if (restored.migrated) enqueue.emit({ type: 'save.write', json: saveJson(record) });
    }),
    confirm: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'decision.confirm');
      const state = context.game;
      if (!state) return;
      const game = 'game';
      const actor = context.actor!;
      // Kept as it is: the session never changes a state it has shown, it makes a new one.
      enqueue.assign({ before: state, selected: null });
      if (context.selected !== null && state.offers[actor]?.options.includes(context.selected)) {
        // The player's seat is a team of one: the pick is confirmed as it is made, with no proposal in between.
        enqueue.sendTo(game, personDecision(actor, context.selected, state.world.turn, event.reason));
      }
      const resolve: Entry = { by: HOST, command: { type: 'turn.resolve', turn: state.world.turn } };
      enqueue.sendTo(game, { type: 'command.send', entry: resolve });
    }),
  },
  guards: {
    loaded: ({ context }) => context.c !== null,
    picked: ({ context }) => context.actor !== null,
    restored: ({ context }) => context.record !== null && context.notice === null,
    wantsNew: ({ context }) => context.wanted?.type === 'new',
    wantsContinue: ({ context }) => context.wanted?.type === 'continue',
    canConfirm: ({ context }) => {
      const open = context.game?.offers[context.actor ?? '']?.options ?? [];
      return open.length === 0 || (context.selected !== null && open.includes(context.selected));
    },
    ended: ({ context }) => context.game?.phase === 'ended',
  },
}).createMachine({
  id: 'solo',
  context: {
    c: null,
    loadProblem: null,
    wanted: null,
    actor: null,
    record: null,
    saved: 0,
    selected: null,
    game: null,
    before: null,
    notice: null,
    refusal: null,
    historical: null,
    refused: null,
  },
  initial: 'title',
  on: {
    'title.show': {
      target: '.title',
      actions: assign({ notice: ({ event }) => event.notice ?? null, refusal: null, wanted: null }),
    },
  },
  states: {
    title: {
      tags: ['title'],
      initial: 'loading',
      states: {
        loading: {
          always: { guard: 'loaded', target: 'ready' },
          invoke: {
            id: 'loadScenario',
            src: 'loadScenario',
            onDone: {
              target: 'routing',
              actions: assign({ c: ({ event }) => compileScenario(event.output) }),
            },
            onError: {
              target: 'failed',
              actions: assign({
                loadProblem: ({ event }) =>
                  event.error instanceof Error ? event.error.message : String(event.error),
              }),
            },
          },
          // The title's buttons work while the scenario loads: what was asked for waits for it.
          on: {
            'game.new': { actions: assign({ wanted: { type: 'new' } }) },
            'game.continue': {
              actions: assign({ wanted: ({ event }) => ({ type: 'continue', json: event.json }) }),
            },
          },
        },
        routing: {
          always: [
            { guard: 'wantsNew', target: '#solo.perspective' },
            { guard: 'wantsContinue', target: 'restoring' },
            { target: 'ready' },
          ],
        },
        ready: {
          on: {
            'game.new': '#solo.perspective',
            'game.continue': {
              target: 'restoring',
              actions: assign({ wanted: ({ event }) => ({ type: 'continue', json: event.json }) }),
            },
          },
        },
        restoring: {
          entry: 'restore',
          always: [{ guard: 'restored', target: '#solo.game.routing' }, { target: 'ready' }],
        },
        failed: { tags: ['failed'] },
      },
    },
    perspective: {
      tags: ['perspective'],
      entry: assign({ actor: null, wanted: null, notice: null, refusal: null }),
      on: {
        'perspective.pick': { actions: assign({ actor: ({ event }) => event.actor }) },
        'game.begin': { guard: 'picked', target: 'game', actions: 'newGame' },
      },
    },
    game: {
      invoke: {
        id: 'game',
        src: 'game',
        input: ({ context }) => ({ c: context.c!, record: context.record!, autoResolve: false }),
        onSnapshot: {
          actions: enqueueActions(({ enqueue, context, event }) => {
            const { record, state, refusal } = event.snapshot.context as {
              record: GameRecord;
              state: GameState;
              refusal: Refusal | null;
            };
            enqueue.assign({ game: state, refused: refusal ?? null });
            const moment = momentOf(record);
            if (moment === context.saved) return;
            enqueue.assign({ saved: moment });
            enqueue.emit({ type: 'save.write', json: saveJson(record) });
          }),
        },
      },
      initial: 'briefing',
      states: {
        briefing: {
          tags: ['briefing'],
          on: { 'screen.next': 'situation' },
        },
        routing: {
          always: [{ guard: 'ended', target: 'debrief' }, { target: 'situation' }],
        },
        situation: {
          tags: ['situation'],
          on: {
            'option.select': { actions: assign({ selected: ({ event }) => event.option }) },
            'decision.confirm': { guard: 'canConfirm', target: 'resolution', actions: 'confirm' },
            'talk.say': { actions: 'say' },
            // The computer's answer follows in the same step: the session runs nextCommand after each command.
            'deal.*': { actions: 'say' },
          },
        },
        resolution: {
          tags: ['resolution'],
          on: { 'screen.next': [{ guard: 'ended', target: 'debrief' }, { target: 'situation' }] },
        },
        debrief: {
          tags: ['debrief'],
          entry: assign({
            historical: ({ context }) =>
              context.c && context.game ? historicalPath(context.c, context.game.seed) : null,
          }),
        },
      },
    },
  },
});

export type SoloMachine = typeof soloMachine;
