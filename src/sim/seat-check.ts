// Whether the issuer of a seat's command really holds that seat now: a person's command at a person's seat, the
// computer's at the computer's. Shared by the decisions (engine.ts) and what seats say (talk.ts).
import { type Issuer, type Refusal, refusal } from './commands.ts';
import { type GameState, holderOf } from './state.ts';

/** The refusal when `by` (a seat's issuer) does not hold `actor`'s seat as it claims; `doing` says what it tried. */
export function wrongHolder(
  s: GameState,
  actor: string,
  by: Extract<Issuer, { seat: string }>,
  doing: 'act' | 'speak',
): Refusal | undefined {
  const holder = holderOf(s, actor);
  if (holder === by.as) return undefined;
  const held =
    holder === 'vacant' ? 'vacant' : `held by ${holder === 'person' ? 'a person' : 'the computer'}`;
  // `by` claims this very seat (its callers checked): the sentence names the seat once, and who may not use it.
  const who = by.as === 'person' ? 'a person' : 'the computer';
  return refusal('not-your-seat', `The seat of ${actor} is ${held}, so ${who} cannot ${doing} there.`, {
    key: doing === 'act' ? 'seat.wrong-holder-act' : 'seat.wrong-holder-speak',
    params: { seat: actor, held: holder, by: by.as },
  });
}

/**
 * How many items of a record-ordered list (proposals, requests: newest last) a seat made in the current turn. It
 * counts back from the end and stops at an older turn, so the cost is the turn's items, not the game's.
 */
export function madeThisTurn<T extends { turn: number }>(
  s: GameState,
  items: readonly T[],
  mine: (item: T) => boolean,
): number {
  let count = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.turn !== s.world.turn) break;
    if (mine(item)) count++;
  }
  return count;
}

/**
 * A seat acts only as itself, from a playable seat it holds, while the game is on (and, where `started`, once it has
 * begun): the checks shared by what seats say, propose and request, in this order. `byFacilitator` is the refusal
 * of a facilitator who tries it.
 */
export function checkSeatParty(
  s: GameState,
  actor: string,
  by: Issuer,
  doing: 'act' | 'speak',
  byFacilitator: Refusal,
  started: boolean,
): Refusal | undefined {
  if ('facilitator' in by) return byFacilitator;
  if (by.seat !== actor)
    return refusal('not-your-seat', `The seat ${by.seat} cannot ${doing} for ${actor}.`, {
      key: doing === 'act' ? 'seat.other-act' : 'seat.other-speak',
      params: { seat: by.seat, actor },
    });
  if (!Object.hasOwn(s.seats, actor)) return notPlayable(actor);
  const wrong = wrongHolder(s, actor, by, doing);
  if (wrong) return wrong;
  if (s.phase === 'ended') return GAME_ENDED;
  if (started && s.phase === 'setup') return GAME_NOT_STARTED;
  if (s.paused) return GAME_PAUSED;
  return undefined;
}

/** The refusals the engine's modules share, word for word. */
export const GAME_ENDED = refusal('wrong-phase', 'The game has ended.', { key: 'game.ended', params: {} });
export const GAME_NOT_STARTED = refusal('wrong-phase', 'The game has not started yet.', {
  key: 'game.not-started',
  params: {},
});
export const GAME_PAUSED = refusal('paused', 'The game is paused.', { key: 'game.paused', params: {} });

/** `actor` names no playable seat (an id a client sent, or an actor that is not played). */
export function notPlayable(actor: string): Refusal {
  return refusal('unknown', `${actor} is not a playable actor's seat.`, {
    key: 'seat.not-playable',
    params: { actor },
  });
}
