// The game world as a condition judge, for what texts take for granted and for the agreements' conditions: what
// happened in this game, not what one actor believes. Nothing private to an actor (beliefs, stances) is judged: a
// text everyone sees would give it away, and the validator refuses such presuppositions. No chance: the validator
// refuses it too, and a draw here would make a screen differ from one drawing to the next.
import type { CompiledScenario } from './compile.ts';
import type { ConditionContext } from './conditions.ts';
import type { AgreementItem, World } from './world.ts';

/** `agreements`: the game's (state.agreements), for the `agreed` condition; omitted: none stands. */
export function worldContext(
  c: CompiledScenario,
  world: World,
  agreements?: readonly AgreementItem[],
): ConditionContext {
  return {
    turn: world.turn,
    turnIndex: (id) => c.turnIndexById.get(id) ?? -1,
    indicator: (id) => world.indicators[id],
    fact: (id) => world.facts[id],
    belief: () => undefined,
    chose: (actor, option, turn) =>
      world.log.some(
        (d) => d.actor === actor && d.option === option && (turn === undefined || d.turn === turn),
      ),
    fired: (event) => Object.hasOwn(world.fired, event),
    posture: () => undefined,
    random: () => 1,
    agreed: (id) => agreements?.some((a) => a.agreement === id && a.status === 'accepted') === true,
  };
}
