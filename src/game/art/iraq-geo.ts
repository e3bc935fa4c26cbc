/**
 * Geography for the maps, as [longitude, latitude] pairs. The border is a simplified outline after
 * Natural Earth 1:110m (public domain); rivers and the Baghdad inset are schematic, traced by hand
 * through the cities they pass, and say so on screen. Accurate enough to orient a player, not to
 * navigate.
 */
export type LonLat = readonly [number, number];

// biome-ignore format: coordinate data reads best in rows
export const IRAQ_BORDER: readonly LonLat[] = [
  [45.42, 35.98], [46.08, 35.68], [46.15, 35.09], [45.65, 34.75], [45.42, 33.97], [46.11, 33.02],
  [47.33, 32.47], [47.85, 31.71], [47.69, 30.98], [48.0, 30.99], [48.01, 30.45], [48.57, 29.93],
  [47.97, 29.98], [47.3, 30.06], [46.57, 29.1], [44.71, 29.18], [41.89, 31.19], [40.4, 31.89],
  [39.2, 32.16], [38.79, 33.38], [41.01, 34.42], [41.38, 35.63], [41.29, 36.36], [41.84, 36.61],
  [42.35, 37.23], [42.78, 37.39], [43.94, 37.26], [44.29, 37.0], [44.77, 37.17], [45.42, 35.98],
];

// biome-ignore format: coordinate data reads best in rows
export const TIGRIS: readonly LonLat[] = [
  [42.38, 37.1], [42.9, 36.75], [43.13, 36.34], [43.3, 35.6], [43.68, 34.6], [43.87, 34.2],
  [44.2, 33.6], [44.38, 33.32], [44.9, 33.0], [45.8, 32.5], [47.15, 31.84], [47.43, 31.0],
  [47.8, 30.5], [48.5, 29.95],
];

// biome-ignore format: coordinate data reads best in rows
export const EUPHRATES: readonly LonLat[] = [
  [41.0, 34.42], [41.45, 34.37], [42.35, 34.13], [42.9, 33.7], [43.3, 33.42], [43.78, 33.35],
  [44.2, 32.9], [44.4, 32.5], [44.7, 32.0], [45.3, 31.3], [46.26, 31.04], [47.43, 31.0],
];

export interface City {
  id: string;
  name: string;
  at: LonLat;
  capital?: boolean;
}

/** City names are English exonyms; these are map labels, not scenario facts. */
export const CITIES: readonly City[] = [
  { id: 'baghdad', name: 'Baghdad', at: [44.37, 33.31], capital: true },
  { id: 'basra', name: 'Basra', at: [47.78, 30.51] },
  { id: 'mosul', name: 'Mosul', at: [43.13, 36.34] },
  { id: 'erbil', name: 'Erbil', at: [44.01, 36.19] },
  { id: 'kirkuk', name: 'Kirkuk', at: [44.39, 35.47] },
  { id: 'najaf', name: 'Najaf', at: [44.33, 32.0] },
  { id: 'karbala', name: 'Karbala', at: [44.02, 32.6] },
];

/**
 * The Baghdad inset, in its own schematic coordinates (0..100 both ways, y down): the Tigris loops
 * through the city, and the Green Zone (the International Zone) lies inside the western bend on the
 * Karkh bank. Drawn from the general shape, not from a survey.
 */
// biome-ignore format: coordinate data reads best in rows
export const BAGHDAD_TIGRIS: readonly (readonly [number, number])[] = [
  [30, 0], [38, 14], [34, 28], [22, 40], [24, 54], [40, 62], [58, 58], [66, 46], [80, 50], [86, 66],
  [78, 82], [70, 100],
];

// biome-ignore format: coordinate data reads best in rows
export const GREEN_ZONE: readonly (readonly [number, number])[] = [
  [28, 44], [34, 40], [44, 44], [52, 50], [48, 56], [38, 56], [30, 52],
];

/** Equirectangular projection scaled to fit a box, with latitude correction at Iraq's centre. */
export function fitProjection(
  box: { x: number; y: number; width: number; height: number },
  bounds = { west: 38.6, east: 48.8, south: 28.9, north: 37.5 },
): (p: LonLat) => { x: number; y: number } {
  const k = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const spanX = (bounds.east - bounds.west) * k;
  const spanY = bounds.north - bounds.south;
  const scale = Math.min(box.width / spanX, box.height / spanY);
  const offX = box.x + (box.width - spanX * scale) / 2;
  const offY = box.y + (box.height - spanY * scale) / 2;
  return ([lon, lat]) => ({
    x: offX + (lon - bounds.west) * k * scale,
    y: offY + (bounds.north - lat) * scale,
  });
}
