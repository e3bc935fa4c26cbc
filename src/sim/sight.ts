// What an actor can see of the shared world: the visible indicators, the events in its audience, its own
// choices and the others' announced ones. Nothing secret of another actor passes through here.
import { type CompiledScenario, canSeeIndicator, inAudience } from './compile.ts';
import type { Sight } from './policy.ts';
import type { World } from './world.ts';

export function sightFor(c: CompiledScenario, world: World, actor: string): Sight {
  const indicators: Record<string, number> = {};
  for (const id in world.indicators) if (canSeeIndicator(c, id, actor)) indicators[id] = world.indicators[id]!;
  const fired: string[] = [];
  const choices: Sight['choices'] = [];
  for (const entry of world.journal) {
    if (!inAudience(entry.audience, actor)) continue;
    if (entry.source.kind === 'event') fired.push(entry.source.event);
    else if (entry.source.actor !== actor) choices.push({ ...entry.source, turn: entry.turn });
  }
  for (const d of world.log) if (d.actor === actor) choices.push({ actor, option: d.option, turn: d.turn });
  return { turn: world.turn, indicators, fired, choices };
}
