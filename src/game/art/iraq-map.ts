/**
 * Iraq drawn in code: the border, the two rivers, the cities, Baghdad marked. Scenes place it in a
 * box; it returns the projection so they can pin markers (actors' strength, events) on it.
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../present/palette.ts';
import { CITIES, EUPHRATES, fitProjection, IRAQ_BORDER, type LonLat, TIGRIS } from './iraq-geo.ts';

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
}

export interface MapStyle {
  /** 0..1: the title uses a faint map, the situation room a clear one */
  strength: number;
  labels: boolean;
  labelStyle?: Phaser.Types.GameObjects.Text.TextStyle;
}

export function drawIraqMap(scene: Phaser.Scene, box: MapBox, style: MapStyle): DrawnMap {
  const project = fitProjection(box);
  const container = scene.add.container(0, 0);
  const g = scene.add.graphics();
  const border = IRAQ_BORDER.map(project);

  g.fillStyle(PALETTE.sand, 0.1 * style.strength);
  trace(g, border, true);
  g.fillPath();
  g.lineStyle(2, PALETTE.sand, 0.8 * style.strength);
  trace(g, border, true);
  g.strokePath();

  g.lineStyle(2, PALETTE.river, 0.75 * style.strength);
  for (const river of [TIGRIS, EUPHRATES]) {
    trace(g, river.map(project), false);
    g.strokePath();
  }
  container.add(g);

  const labels: DrawnMap['labels'] = [];
  for (const city of CITIES) {
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
  return { container, project, labels };
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

export function baghdadOn(map: DrawnMap): { x: number; y: number } {
  const baghdad = CITIES.find((c) => c.capital);
  return map.project(baghdad ? baghdad.at : [44.37, 33.31]);
}
