/**
 * Where each actor's strength lies, for the map: the scenario names the places (actor `places`) and
 * cites each note or marks it as the game's simplification; the art decides where a place is drawn.
 */
import type { ActorView } from '../sim/view.ts';
import type { Lookup } from './lookup.ts';
import type { MapActed, MapPlace } from './screens.ts';

export function placesFor(lookup: Lookup): MapPlace[] {
  return lookup.scenario.actors.flatMap((actor) =>
    actor.places.map((p) => ({
      actor: actor.id,
      label: actor.name.text,
      emblem: lookup.emblem(actor.id),
      place: p.at,
      note: lookup.cite(p.what),
    })),
  );
}

/**
 * Where actors acted in the last resolved turn, for the map: every journal entry of that turn the actor saw
 * that has an actor (an announced choice, a statement) marks that actor's places. Entries without an actor
 * (news, rumours) have no place in the scenario and mark nothing: the map shows only what the data places.
 */
export function actedThisTurn(view: ActorView, lookup: Lookup): MapActed[] {
  const last = view.turn.index - 1;
  if (last < 0) return [];
  const byPlace = new Map<string, { actors: string[]; count: number; where: string[] }>();
  for (const entry of view.journal) {
    if (entry.turn !== last || entry.actor === null) continue;
    const actor = lookup.scenario.actors.find((a) => a.id === entry.actor);
    for (const p of actor?.places ?? []) {
      const at = byPlace.get(p.at) ?? { actors: [], count: 0, where: [] };
      const name = actor?.name.text ?? '';
      if (name && !at.actors.includes(name)) at.actors.push(name);
      // Each actor's own note on the place: the embassies and the government's residence share the Green Zone.
      if (!at.where.includes(p.what.text)) at.where.push(p.what.text);
      at.count += 1;
      byPlace.set(p.at, at);
    }
  }
  return [...byPlace].map(([place, at]) => ({
    place,
    label: at.actors.join(', '),
    count: at.count,
    where: at.where.join('; '),
  }));
}
