/**
 * Where each actor's strength lies, for the map: the scenario names the places (actor `places`) and
 * cites each note or marks it as the game's simplification; the art decides where a place is drawn.
 */
import type { Lookup } from './lookup.ts';
import type { MapPlace } from './screens.ts';

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
