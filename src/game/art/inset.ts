/**
 * The inset, drawn from the scenario's map data (art/map.yaml, `inset`): a city drawn larger in its own square,
 * its river and a zone (Baghdad's Tigris and the Green Zone, say), captioned as the data says (schematic, there).
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../present/palette.ts';
import type { MapArt } from '../session/scenario-bundle.ts';
import type { Spot } from './label-layout.ts';
import { trace } from './scenario-map.ts';

type InsetArt = NonNullable<MapArt['inset']>;

export interface Inset {
  container: Phaser.GameObjects.Container;
  /** inset coordinates (0..100) to screen */
  at: (x: number, y: number) => { x: number; y: number };
  /** the frame, on screen */
  frame: { x: number; y: number; width: number; height: number };
  /** the zone's name, at its label point: a scene may move it clear of what it draws there; null without a zone */
  zoneLabel: Phaser.GameObjects.Text | null;
  /** the inset's title, at its bottom-left, wrapped to its width */
  title: Phaser.GameObjects.Text;
}

export function drawInset(
  scene: Phaser.Scene,
  inset: InsetArt,
  box: { x: number; y: number; size: number },
  labelStyle: Phaser.Types.GameObjects.Text.TextStyle,
): Inset {
  const at = (x: number, y: number) => ({ x: box.x + (x / 100) * box.size, y: box.y + (y / 100) * box.size });
  const container = scene.add.container(0, 0);
  const g = scene.add.graphics();
  g.fillStyle(PALETTE.deep, 0.92);
  g.fillRoundedRect(box.x - 6, box.y - 6, box.size + 12, box.size + 12, 8);
  g.lineStyle(1, PALETTE.line, 1);
  g.strokeRoundedRect(box.x - 6, box.y - 6, box.size + 12, box.size + 12, 8);

  const zone = inset.zone?.outline.map(([x, y]) => at(x, y));
  if (zone) {
    g.fillStyle(PALETTE.greenZone, 0.28);
    trace(g, zone, true);
    g.fillPath();
    g.lineStyle(2, PALETTE.greenZone, 0.9);
    trace(g, zone, true);
    g.strokePath();
  }
  if (inset.river) {
    g.lineStyle(Math.max(3, box.size * 0.035), PALETTE.river, 0.85);
    trace(
      g,
      inset.river.map(([x, y]) => at(x, y)),
      false,
    );
    g.strokePath();
  }
  container.add(g);

  // The label sits above the zone, a little clear of it: the actors' markers sit inside it, and the rings and
  // numbered badges of the places acted on this turn reach above the zone's edge.
  let zoneLabel: Phaser.GameObjects.Text | null = null;
  if (inset.zone) {
    const spot = at(inset.zone.label[0], inset.zone.label[1]);
    zoneLabel = scene.add
      .text(spot.x, spot.y, inset.zone.name, { ...labelStyle, color: '#9fe0a2' })
      .setOrigin(0.5, 1);
    container.add(zoneLabel);
  }
  // The title sits at the bottom-left, inside the frame: the top-right corner of the canvas is the sound
  // captions' (src/ui/styles.css), and the inset's top edge runs under it. It wraps inside the frame at any text size.
  const corner = at(0, 100);
  const title = scene.add
    .text(corner.x, corner.y + 2, inset.title, {
      ...labelStyle,
      wordWrap: { width: box.size, useAdvancedWrap: true },
    })
    .setOrigin(0, 1);
  container.add(title);
  const frame = { x: box.x - 6, y: box.y - 6, width: box.size + 12, height: box.size + 12 };
  return { container, at, frame, zoneLabel, title };
}

/**
 * Where the zone's name may go, in order: its label point (above the zone), below the zone, left of it, or the
 * inset's top-left corner.
 */
export function zoneSpots(inset: InsetArt, drawn: Inset): Spot[] {
  if (!inset.zone) return [];
  const xs = inset.zone.outline.map((p) => p[0]);
  const ys = inset.zone.outline.map((p) => p[1]);
  const midX = (Math.min(...xs) + Math.max(...xs)) / 2;
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2;
  const above = drawn.at(inset.zone.label[0], inset.zone.label[1]);
  const below = drawn.at(midX, Math.min(100, Math.max(...ys) + 18));
  const left = drawn.at(Math.max(0, Math.min(...xs) - 6), midY);
  const corner = drawn.at(2, 4);
  return [
    { x: above.x, y: above.y, originX: 0.5, originY: 1 },
    { x: below.x, y: below.y, originX: 0.5, originY: 0 },
    { x: left.x, y: left.y, originX: 1, originY: 0.5 },
    { x: corner.x, y: corner.y, originX: 0, originY: 0 },
  ];
}
