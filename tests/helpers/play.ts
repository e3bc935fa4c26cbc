// Drives games through the engine with arbitrary commands and choices, for property tests on any scenario.
import type { Entry, Issuer } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyCommand, computerChoice } from '../../src/sim/engine.ts';
import { type GameRecord, newRecord } from '../../src/sim/record.ts';
import { type GameState, HOLDERS, holderOf, initialState, waitingFor } from '../../src/sim/state.ts';

export const FACILITATOR: Issuer = { facilitator: true };

/** A game played live, command by command, through the copying engine: the state and the record of it. */
export class LiveGame {
  state: GameState;
  readonly record: GameRecord;
  refused = 0;

  constructor(
    readonly c: CompiledScenario,
    seed: number,
  ) {
    this.state = initialState(c, seed);
    this.record = newRecord(c, seed);
  }

  /** Applies an entry; returns whether it was accepted. */
  run(entry: Entry): boolean {
    const result = applyCommand(this.c, this.state, entry);
    if (!result.ok) {
      this.refused++;
      return false;
    }
    this.state = result.state;
    this.record.entries.push(entry);
    return true;
  }

  start(people: readonly string[] = []): this {
    for (const actor of people)
      this.run({ by: FACILITATOR, command: { type: 'seat.set', actor, holder: 'person' } });
    this.run({ by: FACILITATOR, command: { type: 'game.start' } });
    return this;
  }

  /** Every computer seat still deciding decides, as its seat actor would. */
  computersDecide(): void {
    for (const actor of waitingFor(this.state)) {
      if (holderOf(this.state, actor) !== 'computer') continue;
      const option = computerChoice(this.c, this.state, actor);
      if (option !== null) this.run(submit(actor, option, 'computer'));
    }
  }

  get ended(): boolean {
    return this.state.phase === 'ended';
  }
}

export function submit(actor: string, option: string, as: 'person' | 'computer' = 'person'): Entry {
  return { by: { seat: actor, as }, command: { type: 'decision.submit', actor, option } };
}

export const resolveEntry: Entry = { by: FACILITATOR, command: { type: 'turn.resolve' } };

/** Plays turns: each person's seat picks the open option at picks[i] (cycling), the computers decide, it resolves. */
export function playTurns(
  game: LiveGame,
  picks: readonly number[],
  turns = Number.POSITIVE_INFINITY,
  cursor = { i: 0 },
  /** Tolerate a turn that cannot resolve (paused, not started): the chaotic games of the property tests. */
  lenient = false,
) {
  let played = 0;
  while (!game.ended && played < turns) {
    if (lenient && (game.state.paused || game.state.phase !== 'deciding')) return game;
    for (const actor of waitingFor(game.state)) {
      if (holderOf(game.state, actor) !== 'person') continue;
      const options = game.state.offers[actor]!.options;
      const pick = picks.length ? picks[cursor.i++ % picks.length]! : 0;
      game.run(submit(actor, options[pick % options.length]!));
    }
    game.computersDecide();
    if (!game.run(resolveEntry) && !lenient) throw new Error('the turn did not resolve');
    played++;
  }
  return game;
}

export function personGame(
  c: CompiledScenario,
  seed: number,
  people: readonly string[],
  picks: readonly number[],
) {
  return playTurns(new LiveGame(c, seed).start(people), picks);
}

/**
 * A command made from a move (a few numbers) and the state it meets: mostly plausible ones (a waiting seat's
 * open option, a resolve when ready), often doubtful ones (a closed option, another seat's decision, an inject
 * of a fired event, an override out of range). Many are refused; that is part of what the tests check.
 */
export function entryFor(c: CompiledScenario, s: GameState, move: readonly number[]): Entry {
  const [kind = 0, a = 0, b = 0, d = 0] = move;
  const actors = c.playableIds;
  const actor = actors[a % actors.length]!;
  const waiting = waitingFor(s);
  const holder = HOLDERS[b % HOLDERS.length]!;
  switch (kind % 14) {
    case 0:
    case 1:
    case 2: {
      const who = waiting[a % Math.max(1, waiting.length)] ?? actor;
      const options = s.offers[who]?.options ?? [];
      const as = holderOf(s, who) === 'computer' ? 'computer' : 'person';
      const option = options[b % Math.max(1, options.length)] ?? 'no-such-option';
      return submit(
        who,
        d % 5 === 0 ? c.scenario.decisions[b % c.scenario.decisions.length]!.options[0]!.id : option,
        as,
      );
    }
    case 3:
      return {
        by: { seat: actors[b % actors.length]!, as: 'person' },
        command: { type: 'decision.submit', actor, option: 'x' },
      };
    case 4:
      return {
        by: { seat: actor, as: b % 2 ? 'person' : 'computer' },
        command: { type: 'decision.withdraw', actor },
      };
    case 5:
      return { by: FACILITATOR, command: { type: 'seat.set', actor, holder } };
    case 6:
    case 7:
      return d % 3 === 0
        ? { by: { seat: actor, as: 'person' }, command: { type: 'turn.resolve' } }
        : resolveEntry;
    case 8:
      return { by: FACILITATOR, command: { type: s.paused ? 'game.resume' : 'game.pause' } };
    case 9:
      return {
        by: FACILITATOR,
        command: {
          type: 'deadline.set',
          seconds: b % 2 ? 60 : null,
          onExpiry: d % 2 ? 'default' : 'computer',
          defaults: {
            [actor]: c.scenario.decisions.find((x) => x.actor === actor)?.options[b % 2]?.id ?? 'x',
          },
        },
      };
    case 10:
      return { by: FACILITATOR, command: { type: 'deadline.expire' } };
    case 11: {
      const event = c.scenario.events[b % c.scenario.events.length]!.id;
      return {
        by: FACILITATOR,
        command: { type: 'inject.fire', event, at: d % 2 ? 'now' : 'next-resolution' },
      };
    }
    case 12: {
      const def = c.scenario.indicators[b % c.scenario.indicators.length]!;
      return {
        by: FACILITATOR,
        command: {
          type: 'indicator.override',
          indicator: def.id,
          value: def.min - 5 + (d % (def.max - def.min + 10)),
          reason: 'a test',
        },
      };
    }
    default:
      return d % 16 === 0
        ? { by: FACILITATOR, command: { type: 'game.end' } }
        : { by: FACILITATOR, command: { type: 'game.start' } };
  }
}
