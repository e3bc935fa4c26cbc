/**
 * Where each actor's strength lies, for the map: a schematic drawn for the game. Places named in the
 * sources cite them; the others are marked as the game's simplification.
 */
import type { MapPlace } from './screens.ts';

const PLACES: Record<string, Omit<MapPlace, 'actor' | 'label'>[]> = {
  pm: [
    {
      where: 'green-zone',
      note: "the Prime Minister's residence and the government, in the Green Zone (004)",
    },
  ],
  us: [
    { where: 'green-zone', note: 'the embassies are in the Green Zone (004)' },
    { where: 'erbil', note: 'the US-led coalition base near Erbil airport (001)' },
  ],
  framework: [
    {
      where: 'green-zone-gate',
      note: "the factions' supporters' sit-in at the Green Zone's southern gate (001)",
    },
  ],
  sadrists: [{ where: 'baghdad', note: "the Sadrists' street power in Baghdad (schematic, game design)" }],
  iran: [{ where: 'east-border', note: "Iran's reach across the eastern border (schematic, game design)" }],
  kurdistan: [{ where: 'erbil', note: 'the Kurdistan Region, around Erbil (schematic, game design)' }],
  gulf: [{ where: 'south', note: 'the Gulf states, to the south (schematic, game design)' }],
};

export function placesFor(actors: readonly { id: string; label: string }[]): MapPlace[] {
  return actors.flatMap((a) => (PLACES[a.id] ?? []).map((p) => ({ ...p, actor: a.id, label: a.label })));
}
