// The deals and rulings panels' models, as the server builds them into each view (classroom-views.ts): a seat's from
// what its own view may see (the engine's agreementsFor, mayPropose and rulingsFor, as viewFor gives them), the
// console's from everything, with the scenario's menu of ruling effects, the projector's from the public view.
import {
  type DealLine,
  type DealsModel,
  dealsModel,
  dealTexts,
  wallDeals,
} from '../present/room-deals.presenter.ts';
import { DEAL_LIMITS } from '../session/talk-limits.ts';
import { agreementsFor } from '../sim/agreements.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { rulingsFor } from '../sim/rulings.ts';
import type { GameState } from '../sim/state.ts';
import type { ActorView, PublicView } from '../sim/view.ts';

const LIMITS = DEAL_LIMITS;

/** A seat's panel: what its view may see; its forms open while its team holds the seat in a game going on. */
export function seatDeals(c: CompiledScenario, state: GameState, actor: string, view: ActorView): DealsModel {
  const live = state.seats[actor] === 'person' && state.phase === 'deciding' && !state.paused;
  return dealsModel(
    {
      agreements: view.agreements ?? [],
      mayPropose: view.mayPropose ?? [],
      rulings: view.rulings ?? [],
      effects: [],
      actor,
      live,
      limits: LIMITS,
    },
    dealTexts(c),
  );
}

/** The console's panel: every proposal and request, and the effects the facilitator may grant. */
export function consoleDeals(c: CompiledScenario, state: GameState): DealsModel {
  return dealsModel(
    {
      agreements: agreementsFor(c, state, { facilitator: true }),
      mayPropose: [],
      rulings: rulingsFor(state, { facilitator: true }),
      effects: (c.scenario.rulingEffects ?? []).map((e) => ({
        id: e.id,
        label: e.label.text,
        actors: e.actors ? [...e.actors] : null,
      })),
      actor: null,
      live: state.phase === 'deciding',
      limits: LIMITS,
    },
    dealTexts(c),
  );
}

/** The projector's wall: the public agreements accepted or broken, with the scenario's words. */
export function projectorDeals(c: CompiledScenario, view: PublicView): DealLine[] {
  return wallDeals(view.agreements, dealTexts(c));
}
