/**
 * Where the places that scenarios name (an actor's `places`) are drawn: on the Baghdad inset (x, y in
 * 0..100) or on the map of Iraq (lon, lat). Art, not data of the game: a place the art does not know
 * is left off the map, and its note is still in the model.
 */
import type { LonLat } from './iraq-geo.ts';

export const ON_INSET: Readonly<Record<string, readonly [number, number]>> = {
  'green-zone': [40, 50],
  'green-zone-gate': [44, 62],
  baghdad: [74, 38],
};

export const ON_MAP: Readonly<Record<string, LonLat>> = {
  erbil: [44.01, 36.19],
  'east-border': [46.3, 33.4],
  south: [46.6, 29.6],
};
