// A statement belongs to its speaker's choice. A playable actor's words come only when that actor's seat chose the
// option that makes them: a player's own actor never speaks unless the player chose it, and a computer seat's
// statement follows what the computer chose. The check reads each statement's condition and asks whether every
// way it can hold goes through a choice of the speaker's (directly, or through an event that itself requires one).
import type { Condition, Scenario } from './types.ts';

/** Whether `c` can hold only if `actor` chose some option: every branch of it requires such a choice. */
function requiresChoice(
  c: Condition | undefined,
  actor: string,
  events: ReadonlyMap<string, Scenario['events'][number]>,
  seen: Set<string>,
): boolean {
  if (!c) return false;
  if (c.chose) return c.chose.actor === actor;
  if (c.all) return c.all.some((x) => requiresChoice(x, actor, events, seen));
  if (c.any) return c.any.length > 0 && c.any.every((x) => requiresChoice(x, actor, events, seen));
  if (c.fired !== undefined) {
    // An event that fired only on the speaker's choice carries that choice with it; a loop proves nothing.
    if (seen.has(c.fired)) return false;
    seen.add(c.fired);
    return requiresChoice(events.get(c.fired)?.when, actor, events, seen);
  }
  return false;
}

/** Index and message for each statement of a playable actor whose condition does not require that actor's choice. */
export function statementsWithoutChoice(s: Scenario): { index: number; message: string }[] {
  const playable = new Set(s.actors.filter((a) => a.playable).map((a) => a.id));
  const events = new Map(s.events.map((e) => [e.id, e]));
  const out: { index: number; message: string }[] = [];
  s.events.forEach((ev, index) => {
    if (ev.kind !== 'statement' || ev.speaker === undefined || !playable.has(ev.speaker)) return;
    if (requiresChoice(ev.when, ev.speaker, events, new Set([ev.id]))) return;
    out.push({
      index,
      message:
        `statement "${ev.id}" speaks for the playable actor "${ev.speaker}": its when must require a choice of ` +
        `"${ev.speaker}" (chose: { actor: ${ev.speaker}, option: ... }), so that an actor speaks only as its seat chose`,
    });
  });
  return out;
}
