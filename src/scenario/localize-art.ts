/**
 * The map's words in another language, apart from map-art.ts: the browser localizes a scenario's map when the game is
 * read in Arabic (src/game/session/scenario-registry.ts), and map-art.ts carries the YAML parser and the map's schema,
 * 99 kB that the Arabic start fetched and compiled for this one function (issue 18).
 */
import type { MapArt } from './map-art.ts';

/** The map with its words in a language it has them in; the map as it is otherwise (its words stay English). */
export function localizeArt(art: MapArt, language: string): MapArt {
  const names = Object.hasOwn(art.names, language) ? art.names[language]! : null;
  if (!names) return art;
  const say = (w: string) => (Object.hasOwn(names, w) ? names[w]! : w);
  return {
    ...art,
    map: {
      ...art.map,
      name: say(art.map.name),
      rivers: art.map.rivers.map((r) => ({ ...r, name: say(r.name) })),
      cities: art.map.cities.map((c) => ({ ...c, name: say(c.name) })),
    },
    ...(art.inset
      ? {
          inset: {
            ...art.inset,
            title: say(art.inset.title),
            ...(art.inset.zone ? { zone: { ...art.inset.zone, name: say(art.inset.zone.name) } } : {}),
          },
        }
      : {}),
  };
}
