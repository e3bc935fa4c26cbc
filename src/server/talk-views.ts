// The talk panels' models, as the server builds them into each view (classroom-views.ts): a seat's from what its own
// view may read (the engine's saidFor), the console's from everything said. Kept apart from the views' memo: what
// was said is small, and built again only when the view is. Each goes in its wire form (talk-wire.ts): the device
// builds the model back, and a new line is all a patch carries of it.
import type { TalkLimits } from '../present/talk.presenter.ts';
import { type TalkWire, talkWire } from '../present/talk-wire.ts';
import { TALK_LIMITS as LIMITS } from '../session/talk-limits.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { GameState } from '../sim/state.ts';
import { saidFor } from '../sim/talk.ts';
import type { ActorView } from '../sim/view.ts';

export const TALK_LIMITS: TalkLimits = { ...LIMITS };

function seats(c: CompiledScenario): { actor: string; label: string }[] {
  return c.playableIds.map((actor) => ({ actor, label: c.actorById.get(actor)?.name.text ?? actor }));
}

/**
 * A seat's panel: what its view may read, and the claims its statements may carry now; its forms open while its
 * team holds the seat in a game going on.
 */
/** Whether a seat's panel takes what its team writes: a team holds it, and the game is on and not paused. */
export function seatTalkLive(state: GameState, actor: string): boolean {
  return state.seats[actor] === 'person' && state.phase !== 'ended' && !state.paused;
}

export function seatTalk(
  c: CompiledScenario,
  state: GameState,
  actor: string,
  view: Pick<ActorView, 'said' | 'claims'>,
): TalkWire {
  const live = seatTalkLive(state, actor);
  return talkWire({
    said: view.said ?? saidFor(state, { actor }),
    rule: state.talk,
    seats: seats(c),
    actor,
    live,
    limits: TALK_LIMITS,
    claims: view.claims ?? [],
    claimLabel: claimLabelIn(c),
  });
}

/** A claim's words in the scenario the view is built from (in the device's language). */
function claimLabelIn(c: CompiledScenario): (id: string) => string {
  return (id) => c.statementClaimById.get(id)?.label.text ?? id;
}

/** The console's list: everything said, what waits for approval and what was hidden, with why. */
export function consoleTalk(c: CompiledScenario, state: GameState): TalkWire {
  return talkWire({
    said: saidFor(state, { facilitator: true }),
    rule: state.talk,
    seats: seats(c),
    actor: null,
    live: false,
    limits: TALK_LIMITS,
    claimLabel: claimLabelIn(c),
  });
}
