/**
 * The scenario's map, drawn from its data (art/map.yaml in its folder, read by src/scenario/map-art.ts): the
 * outline, the rivers, the cities, the capital marked. Scenes place it in a box; it returns the projection so they
 * can pin markers (actors' strength, events) on it. A scenario without a map gets a plain frame that says so, and
 * behind the other screens nothing: no country is drawn that the scenario did not give.
 */
import type Phaser from 'phaser';
import { t } from '../../present/i18n/i18n.ts';
import { PALETTE } from '../../present/palette.ts';
import type { MapArt } from '../session/scenario-bundle.ts';

export type LonLat = readonly [number, number];

export interface MapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawnMap {
  container: Phaser.GameObjects.Container;
  project: (p: LonLat) => { x: number; y: number };
  /** the city labels with their dots, so that a scene can move one clear of what it draws on the map (label-layout.ts) */
  labels: { text: Phaser.GameObjects.Text; dot: { x: number; y: number } }[];
  /** where a city of the map is drawn; null for a city the map does not have (or no map) */
  city: (id: string) => { x: number; y: number } | null;
  /** the capital, marked on the map (the title's ring sits on it); null when the map names none */
  capital: { x: number; y: number } | null;
}

export interface MapStyle {
  /** 0..1: the title uses a faint map, the situation room a clear one */
  strength: number;
  labels: boolean;
  labelStyle?: Phaser.Types.GameObjects.Text.TextStyle;
}

/** What a scenario without a map shows where the map would be, in the situation room. */

export function drawMap(scene: Phaser.Scene, art: MapArt | null, box: MapBox, style: MapStyle): DrawnMap {
  if (!art) return drawPlaceholder(scene, box, style);
  const { map } = art;
  const project = fitProjection(box, map.bounds ?? extent(map.outline));
  const container = scene.add.container(0, 0);
  const g = scene.add.graphics();
  const outline = map.outline.map(project);

  g.fillStyle(PALETTE.sand, 0.1 * style.strength);
  trace(g, outline, true);
  g.fillPath();
  g.lineStyle(2, PALETTE.sand, 0.8 * style.strength);
  trace(g, outline, true);
  g.strokePath();

  g.lineStyle(2, PALETTE.river, 0.75 * style.strength);
  for (const river of map.rivers) {
    trace(g, river.line.map(project), false);
    g.strokePath();
  }
  container.add(g);

  const labels: DrawnMap['labels'] = [];
  for (const city of map.cities) {
    const p = project(city.at);
    const dot = scene.add.graphics();
    if (city.capital) {
      dot.lineStyle(2, PALETTE.amber, style.strength);
      dot.strokeCircle(p.x, p.y, 7);
      dot.fillStyle(PALETTE.amber, style.strength);
      dot.fillCircle(p.x, p.y, 3.5);
    } else {
      dot.fillStyle(PALETTE.ink, 0.8 * style.strength);
      dot.fillCircle(p.x, p.y, 2.5);
    }
    container.add(dot);
    if (style.labels && style.labelStyle) {
      const label = scene.add.text(p.x + 8, p.y - 8, city.name, style.labelStyle).setOrigin(0, 0.5);
      label.setAlpha(style.strength);
      container.add(label);
      labels.push({ text: label, dot: p });
    }
  }
  const city = (id: string) => {
    const found = map.cities.find((c) => c.id === id);
    return found ? project(found.at) : null;
  };
  const capital = map.cities.find((c) => c.capital);
  return { container, project, labels, city, capital: capital ? project(capital.at) : null };
}

/**
 * No map in the scenario: in the situation room a plain frame that says so (the panel lists every place), and
 * nothing behind the other screens.
 */
function drawPlaceholder(scene: Phaser.Scene, box: MapBox, style: MapStyle): DrawnMap {
  const container = scene.add.container(0, 0);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  if (style.labels && style.labelStyle) {
    const g = scene.add.graphics();
    g.lineStyle(1, PALETTE.line, 0.8 * style.strength);
    g.strokeRoundedRect(box.x + 4, box.y + 4, Math.max(0, box.width - 8), Math.max(0, box.height - 8), 8);
    const text = scene.add
      .text(centre.x, centre.y, t('map.none'), {
        ...style.labelStyle,
        align: 'center',
        wordWrap: { width: Math.max(40, box.width - 24), useAdvancedWrap: true },
      })
      .setOrigin(0.5, 0.5);
    container.add([g, text]);
  }
  return { container, project: () => centre, labels: [], city: () => null, capital: null };
}

/** Where the scenario's art draws a place (an actor's `places[].at`): on the inset, on the map, or nowhere. */
export function placeOnArt(
  art: MapArt | null,
  place: string,
): { inset: readonly [number, number] } | { map: LonLat } | null {
  if (!art) return null;
  // Own properties only: a place id is scenario data, and "constructor" is no place on the map.
  const onInset = art.inset && Object.hasOwn(art.inset.places, place) ? art.inset.places[place] : undefined;
  if (onInset) return { inset: onInset };
  const onMap = Object.hasOwn(art.map.places, place) ? art.map.places[place] : undefined;
  return onMap ? { map: onMap } : null;
}

/** Traces a path (Graphics.fillPoints wants Vector2 instances; plain points are enough here). */
export function trace(
  g: Phaser.GameObjects.Graphics,
  points: readonly { x: number; y: number }[],
  close: boolean,
): void {
  g.beginPath();
  points.forEach((p, i) => {
    if (i === 0) g.moveTo(p.x, p.y);
    else g.lineTo(p.x, p.y);
  });
  if (close) g.closePath();
}

type Bounds = { west: number; east: number; south: number; north: number };

/** The outline's extent, with a little room around it. */
function extent(outline: readonly LonLat[]): Bounds {
  const lons = outline.map((p) => p[0]);
  const lats = outline.map((p) => p[1]);
  const padLon = (Math.max(...lons) - Math.min(...lons)) * 0.03;
  const padLat = (Math.max(...lats) - Math.min(...lats)) * 0.03;
  return {
    west: Math.min(...lons) - padLon,
    east: Math.max(...lons) + padLon,
    south: Math.min(...lats) - padLat,
    north: Math.max(...lats) + padLat,
  };
}

/** Equirectangular projection scaled to fit a box, with latitude correction at the bounds' centre. */
export function fitProjection(box: MapBox, bounds: Bounds): (p: LonLat) => { x: number; y: number } {
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
