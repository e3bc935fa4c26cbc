// The same game as the actor system, played as a plain loop over the same rule functions: thousands of games a
// second for balance runs and searches. A property test holds it to the actor system, game for game.
import { type CompiledScenario, decisionFor } from './compile.ts';
import { makeOffer, type Offer, policyChoice } from './offer.ts';
import { type Choice, hashTable, initialBeliefs, initialWorld, resolveTurnInPlace } from './resolve.ts';
import { SightTracker } from './sight.ts';
import type { Belief, Beliefs, World } from './world.ts';

/** A person's choice for an actor and an offer; null passes. Return undefined to let the computer choose. */
export type Chooser = (actor: string, offer: Offer) => string | null | undefined;

export interface BatchGame {
  world: World;
  beliefs: Record<string, Beliefs>;
  postures: Record<string, string>;
}

export function playBatchGame(c: CompiledScenario, seed: number, chooser?: Chooser): BatchGame {
  // The runner owns its world and beliefs, so they grow in place rather than being copied every turn.
  let world = initialWorld(c);
  world.fired = hashTable();
  const beliefs: Record<string, Beliefs> = {};
  const postures: Record<string, string> = {};
  const sights = new Map<string, SightTracker>();
  for (const a of c.actorIds) {
    beliefs[a] = Object.assign(hashTable<Belief>(), initialBeliefs(c, a));
    postures[a] = c.actorById.get(a)?.posture ?? '';
    sights.set(a, new SightTracker(c, a));
  }
  for (;;) {
    const choices: Record<string, Choice> = {};
    for (const actor of c.actorIds) {
      const decision = decisionFor(c, actor, world.turn);
      if (!decision) continue;
      const mind = { actor, beliefs: beliefs[actor]!, posture: postures[actor]! };
      const offer = makeOffer(c, decision.id, sights.get(actor)!.next(world), mind, seed);
      const human = chooser?.(actor, offer);
      if (human !== undefined && human !== null && !offer.options.includes(human)) {
        throw new Error(
          `turn ${world.turn + 1}: ${human} is not an option for ${actor} (${offer.options.join(', ')})`,
        );
      }
      const option = human === undefined ? policyChoice(c, offer, mind, seed) : human;
      if (option !== null) choices[actor] = { option, by: human === undefined ? 'computer' : 'human' };
    }
    const result = resolveTurnInPlace(c, { world, choices, beliefs, postures, seed });
    for (const actor in result.learned) {
      const into = beliefs[actor]!;
      const learned = result.learned[actor]!;
      for (const fact in learned) into[fact] = learned[fact]!;
    }
    Object.assign(postures, result.postures);
    world = result.world;
    if (world.outcome) return { world, beliefs, postures };
    world.turn++;
  }
}
