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
  /** the city labels with their dots, so that a scene can move one clear of what it draws on the map */
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

/**
 * Moves a city label to the left of its dot when a marker drawn on the map (a circle at `points`, of `radius`)
 * would cover it on the right: the markers sit at places near cities (Erbil by Mosul, the eastern border by
 * Baghdad), and a covered name is a lost one.
 */
export function clearLabels(
  map: DrawnMap,
  points: readonly { x: number; y: number }[],
  radius: number,
): void {
  for (const { text, dot } of map.labels) {
    const covered = (t: Phaser.GameObjects.Text) => {
      const b = t.getBounds();
      return points.some(
        (p) =>
          p.x + radius > b.x &&
          p.x - radius < b.x + b.width &&
          p.y + radius > b.y &&
          p.y - radius < b.y + b.height,
      );
    };
    if (!covered(text)) continue;
    text.setOrigin(1, 0.5).setX(dot.x - 8);
    // Neither side is clear: the right, as every other label, rather than a move that helps nothing.
    if (covered(text)) text.setOrigin(0, 0.5).setX(dot.x + 8);
  }
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
