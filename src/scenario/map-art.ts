// The map of a scenario: its outline, rivers, cities, where its places are drawn, and an optional inset (a
// city drawn larger). Art, not rules: it lives beside the scenario's YAML in art/map.yaml, is no part of the
// scenario (so not of its digest: redrawing a river invalidates no record or save), and the game draws
// whatever it gives. Pure (no fs), so the browser reads it too; a problem is one line naming the file.
import { parse } from 'yaml';
import { z } from 'zod';
import type { Problem } from './load.ts';
import type { Scenario } from './types.ts';

/** Where the map of a scenario folder is, relative to the folder. */
export const MAP_ART_FILE = 'art/map.yaml';

const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A point of the inset, in its own square: 0..100 both ways, y down. */
const InsetPoint = z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]);
const Name = z.string().min(1).max(80);
const PlaceId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a place id in kebab-case');

const MapSchema = z.strictObject({
  /** what the map shows, for the canvas's alt-free drawing and the authors */
  name: Name,
  /** the part of the globe the canvas fits; by default the outline's extent */
  bounds: z
    .strictObject({ west: z.number(), east: z.number(), south: z.number(), north: z.number() })
    .refine((b) => b.west < b.east && b.south < b.north, 'west must be less than east, south less than north')
    .optional(),
  outline: z.array(LonLat).min(3).max(2000),
  rivers: z.array(z.strictObject({ name: Name, line: z.array(LonLat).min(2).max(2000) })).default([]),
  cities: z
    .array(z.strictObject({ id: PlaceId, name: Name, at: LonLat, capital: z.boolean().default(false) }))
    .default([]),
  /** where an actor's place (actors[].places[].at) is drawn on the map, when not on the inset */
  places: z.record(PlaceId, LonLat).default({}),
});

const InsetSchema = z.strictObject({
  /** the inset's caption, which says it is schematic when it is */
  title: Name,
  /** the city of the map that the inset enlarges: a line joins the two */
  city: PlaceId,
  river: z.array(InsetPoint).min(2).max(500).optional(),
  zone: z
    .strictObject({ name: Name, outline: z.array(InsetPoint).min(3).max(500), label: InsetPoint })
    .optional(),
  /** where an actor's place is drawn on the inset */
  places: z.record(PlaceId, InsetPoint).default({}),
});

/** A language of the map's words, as the scenario's locale folders name it (ar-IQ). */
const Locale = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language such as ar-IQ');

export const MapArtSchema = z.strictObject({
  map: MapSchema,
  inset: InsetSchema.optional(),
  /** the map's words in other languages: each English word (a city, a river, the inset's caption) → its translation */
  names: z.record(Locale, z.record(Name, Name)).default({}),
});

export type MapArt = z.infer<typeof MapArtSchema>;
export type LonLat = MapArt['map']['outline'][number];

export type MapArtRead = { ok: true; art: MapArt } | { ok: false; problem: Problem };

/**
 * The map file's text, parsed and checked against the scenario: every place an actor names must be drawn
 * somewhere (on the map or the inset), so that no place is left off silently. `file` names the file in the
 * refusal, as the caller knows it (the folder joined with art/map.yaml).
 */
export function readMapArt(file: string, text: string, scenario: Scenario): MapArtRead {
  const refuse = (message: string, path = ''): MapArtRead => ({
    ok: false,
    problem: { file, line: 1, column: 1, path, message },
  });
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0, uniqueKeys: true });
  } catch (e) {
    const line = (e as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    const problem = refuse(oneLine(e instanceof Error ? e.message : String(e)));
    if (line && !problem.ok) Object.assign(problem.problem, { line: line.line, column: line.col });
    return problem;
  }
  const parsed = MapArtSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(oneLine(issue.message), issue.path.map(String).join('.'));
  }
  const art = parsed.data;
  if (art.inset && !art.map.cities.some((c) => c.id === art.inset!.city)) {
    return refuse(`“${art.inset.city}” is not one of the map's cities`, 'inset.city');
  }
  for (const actor of scenario.actors) {
    for (const place of actor.places) {
      if (!placeOf(art, place.at)) {
        return refuse(`the place “${place.at}” of actor ${actor.id} is neither on the map nor on the inset`);
      }
    }
  }
  // A language the map speaks has every word of it, and no word the map no longer has (a renamed city, say).
  const words = new Set(mapWords(art));
  for (const [locale, names] of Object.entries(art.names)) {
    const missing = [...words].find((w) => !Object.hasOwn(names, w));
    if (missing !== undefined)
      return refuse(`names.${locale} has no translation of “${missing}”`, `names.${locale}`);
    const unknown = Object.keys(names).find((w) => !words.has(w));
    if (unknown !== undefined)
      return refuse(`names.${locale} translates “${unknown}”, which the map does not show`);
  }
  return { ok: true, art };
}

/** Every word the map shows: its name, its rivers and cities, the inset's caption and zone. */
export function mapWords(art: MapArt): string[] {
  return [
    art.map.name,
    ...art.map.rivers.map((r) => r.name),
    ...art.map.cities.map((c) => c.name),
    ...(art.inset ? [art.inset.title, ...(art.inset.zone ? [art.inset.zone.name] : [])] : []),
  ];
}

/** Where the art draws a place: on the inset, on the map, or nowhere. Own keys only: a place id is data. */
export function placeOf(
  art: MapArt,
  place: string,
): { inset: readonly [number, number] } | { map: LonLat } | null {
  const places = art.inset?.places;
  if (places && Object.hasOwn(places, place)) return { inset: places[place]! };
  if (Object.hasOwn(art.map.places, place)) return { map: art.map.places[place]! };
  return null;
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
