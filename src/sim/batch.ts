// The bare engine loop: a whole game played through the one engine, with the computer's seats deciding by their
// policy and any other seat from a chooser. `simulate`, the validator's search and the tests play games this way;
// it owns its state, so every command goes through `applyOwned` and the state grows in place.
import type { Entry, Issuer } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { applyOwned, computerChoice } from './engine.ts';
import type { Offer } from './offer.ts';
import { type GameState, initialState } from './state.ts';
import type { World } from './world.ts';

/**
 * A person's choice for an actor's offer. Return undefined to let the computer choose. Asked for every offer,
 * an empty one too (so a search can see dead ends); the answer to an empty offer is ignored, the actor passes.
 * The loop also gives the state, read-only, for a chooser that weighs options as the computer would (its mind,
 * its seed); optional, so that a chooser that wraps another may call it with the offer alone.
 */
export type Chooser = (actor: string, offer: Offer, state?: Readonly<GameState>) => string | null | undefined;

export interface BatchGame {
  state: GameState;
  world: World;
  /** The game's commands, when asked for: a record's entries. */
  entries: Entry[] | null;
}

const FACILITATOR: Issuer = { facilitator: true };

export class BatchError extends Error {
  override name = 'BatchError';
}

export function playBatchGame(
  c: CompiledScenario,
  seed: number,
  chooser?: Chooser,
  keepEntries = false,
): BatchGame {
  const entries: Entry[] | null = keepEntries ? [] : null;
  let state = initialState(c, seed);
  const run = (entry: Entry) => {
    const result = applyOwned(c, state, entry);
    if (!result.ok) throw new BatchError(`turn ${state.world.turn + 1}: ${result.message}`);
    state = result.state;
    entries?.push(entry);
  };
  run({ by: FACILITATOR, command: { type: 'game.start' } });
  while (state.phase === 'deciding') {
    for (const actor in state.offers) {
      const offer = state.offers[actor]!;
      if (offer.options.length === 0) {
        chooser?.(actor, offer, state);
        continue;
      }
      const wanted = chooser?.(actor, offer, state);
      // The seat is the person's for a decision the chooser takes, the computer's otherwise: the record says who.
      const holder = typeof wanted === 'string' ? 'person' : 'computer';
      if (state.seats[actor] !== holder && Object.hasOwn(state.seats, actor)) {
        run({ by: FACILITATOR, command: { type: 'seat.set', actor, holder } });
      }
      const option = typeof wanted === 'string' ? wanted : computerChoice(c, state, actor);
      if (option === null) continue;
      run({ by: { seat: actor, as: holder }, command: { type: 'decision.submit', actor, option } });
    }
    run({ by: FACILITATOR, command: { type: 'turn.resolve' } });
  }
  return { state, world: state.world, entries };
}
