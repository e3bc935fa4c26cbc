// What the scenario's history records for one date: which options stand for what each real actor did that day.
// The historical chooser, the announcements and the decision log all read it here, so that "as in history" means
// one thing everywhere: the option the history lists for that actor on that date.
import type { CompiledScenario } from './compile.ts';

/** turn index -> actor -> the options history lists for that actor's step on that date. */
type Dated = Map<number, Map<string, ReadonlySet<string>>>;

const cache = new WeakMap<CompiledScenario, Dated>();

function datedOf(c: CompiledScenario): Dated {
  let table = cache.get(c);
  if (!table) {
    table = new Map();
    for (const day of c.scenario.history) {
      const turn = c.turnIndexById.get(day.turn);
      if (turn === undefined) continue;
      const row = new Map<string, ReadonlySet<string>>();
      for (const [actor, entry] of Object.entries(day.actors)) row.set(actor, new Set(entry.options ?? []));
      table.set(turn, row);
    }
    cache.set(c, table);
  }
  return table;
}

/** Whether the scenario's history records this date at all (a scenario may have no history). */
export function historyRecords(c: CompiledScenario, turn: number): boolean {
  return datedOf(c).has(turn);
}

/**
 * Whether taking `option` on this turn is what the real actor did on that date. Where the history records the
 * date, only the options it lists for the actor count; an option marked `historical` taken on another day is
 * this game's act. A scenario that records no history for the date falls back on the option's `historical` mark.
 */
export function asOnThatDate(c: CompiledScenario, turn: number, actor: string, option: string): boolean {
  const day = datedOf(c).get(turn);
  if (day) return day.get(actor)?.has(option) === true;
  return c.optionById.get(actor)?.get(option)?.historical === true;
}
