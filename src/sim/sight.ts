// What an actor can see of the shared world: the visible indicators, the events in its audience, its own
// choices and the others' announced ones. Nothing secret of another actor passes through here.
import type { CompiledScenario } from './compile.ts';
import type { Sight } from './policy.ts';
import type { World } from './world.ts';

export function sightFor(c: CompiledScenario, world: World, actor: string): Sight {
  const indicators: Record<string, number> = {};
  for (const id of c.visibleIndicators.get(actor) ?? []) indicators[id] = world.indicators[id]!;
  const fired: string[] = [];
  const choices: Sight['choices'] = [];
  for (const entry of world.journal) {
    const src = entry.source;
    if (entry.audience !== 'public' && !entry.audience.includes(actor)) continue;
    if (src.kind === 'event') fired.push(src.event);
    else if (src.actor !== actor) choices.push({ actor: src.actor, option: src.option, turn: entry.turn });
  }
  for (const d of world.log) if (d.actor === actor) choices.push({ actor, option: d.option, turn: d.turn });
  return { turn: world.turn, indicators, fired, choices };
}
