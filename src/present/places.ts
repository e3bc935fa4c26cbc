/**
 * Where each actor's strength lies, for the map: the scenario names the places (actor `places`) and
 * cites each note or marks it as the game's simplification; its map data (art/map.yaml) says where a place is
 * drawn, and the scenes draw it there.
 */
import type { ActorView } from '../sim/view.ts';
import type { Cited } from './cite.ts';
import { t } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';
import { type MadeOnce, madeOnce } from './made-once.ts';
import type { MapActed, MapPlace } from './screens.ts';

/**
 * The places, made once per lookup and language: the same for every seat at every turn (a classroom builds every
 * seat's situation again at every turn: issue 18). Frozen, as the views' other shared parts: a reader cannot change
 * another's.
 */
export function placesFor(lookup: Lookup): MapPlace[] {
  return madeOnce(
    placesMade,
    lookup,
    lookup.scenario,
    '',
    () => Object.freeze(makePlaces(lookup).map((p) => Object.freeze(p))) as MapPlace[],
  );
}

const placesMade: MadeOnce<Lookup['scenario'], MapPlace[]> = new WeakMap();

function makePlaces(lookup: Lookup): MapPlace[] {
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
    label: at.actors.join(t('debrief.comma')),
    count: at.count,
    where: at.where.join(t('debrief.semicolon')),
  }));
}

/** One emblem of the map and whom it stands for: the legend under the map and its text in the panel. */
export interface MapLegendEntry {
  /** emblem key, as in MapPlace */
  emblem: string;
  /** the actor's full name */
  label: string;
  /**
   * the name cut short for the canvas's narrow legend: without its parenthesis, its article, and what follows
   * " and " ("The Gulf states and the Arab League": "Gulf states"); the panel gives the full name
   */
  short: string;
  /** each place the emblem marks, with its note */
  notes: Cited[];
}

/**
 * The map's legend: every emblem the places put on the map, once, in the order they are first drawn, with its
 * actor and notes. The canvas and the panel both read it, so that no emblem (a mountain, a sail) goes unexplained.
 * `shown` keeps the places the map can draw: a scenario without a map (or without that place) puts no emblem on it.
 */
export function mapLegend(
  places: readonly MapPlace[],
  shown: (place: string) => boolean = () => true,
): MapLegendEntry[] {
  const byEmblem = new Map<string, MapLegendEntry>();
  for (const p of places) {
    if (!shown(p.place)) continue;
    const entry = byEmblem.get(p.emblem);
    if (entry) entry.notes.push(p.note);
    else
      byEmblem.set(p.emblem, {
        emblem: p.emblem,
        label: p.label,
        short: shortName(p.label),
        notes: [p.note],
      });
  }
  return [...byEmblem.values()];
}

function shortName(name: string): string {
  const short = name
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/^the\s+/i, '')
    .split(/\s+and\s+/)[0]!
    .trim();
  return short || name;
}
