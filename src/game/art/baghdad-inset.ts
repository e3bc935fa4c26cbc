/**
 * The Baghdad inset, drawn in code: the Tigris looping through the city and the Green Zone (the
 * International Zone) in its western bend. Schematic, and labelled so on screen.
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../present/palette.ts';
import { BAGHDAD_TIGRIS, GREEN_ZONE } from './iraq-geo.ts';
import { trace } from './iraq-map.ts';

export interface Inset {
  container: Phaser.GameObjects.Container;
  /** inset coordinates (0..100) to screen */
  at: (x: number, y: number) => { x: number; y: number };
  /** the frame, on screen */
  frame: { x: number; y: number; width: number; height: number };
  /** the zone's name, above the zone: a scene may move it clear of what it draws there */
  zoneLabel: Phaser.GameObjects.Text;
  /** the inset's title, at its bottom-left, wrapped to its width */
  title: Phaser.GameObjects.Text;
}

export function drawBaghdadInset(
  scene: Phaser.Scene,
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

  g.fillStyle(PALETTE.greenZone, 0.28);
  trace(
    g,
    GREEN_ZONE.map(([x, y]) => at(x, y)),
    true,
  );
  g.fillPath();
  g.lineStyle(2, PALETTE.greenZone, 0.9);
  trace(
    g,
    GREEN_ZONE.map(([x, y]) => at(x, y)),
    true,
  );
  g.strokePath();

  g.lineStyle(Math.max(3, box.size * 0.035), PALETTE.river, 0.85);
  trace(
    g,
    BAGHDAD_TIGRIS.map(([x, y]) => at(x, y)),
    false,
  );
  g.strokePath();
  container.add(g);

  // The label sits above the zone, a little clear of it: the actors' markers sit inside it, and the rings and
  // numbered badges of the places acted on this turn reach above the zone's edge.
  const gz = at(36, 34);
  const zoneLabel = scene.add
    .text(gz.x, gz.y, 'Green Zone', { ...labelStyle, color: '#9fe0a2' })
    .setOrigin(0.5, 1);
  container.add(zoneLabel);
  // The title sits at the bottom-left, inside the frame: the top-right corner of the canvas is the sound
  // captions' (src/ui/styles.css), and the inset's top edge runs under it. It wraps inside the frame at any text size.
  const corner = at(0, 100);
  const title = scene.add
    .text(corner.x, corner.y + 2, 'Baghdad (schematic)', {
      ...labelStyle,
      wordWrap: { width: box.size, useAdvancedWrap: true },
    })
    .setOrigin(0, 1);
  container.add(title);
  const frame = { x: box.x - 6, y: box.y - 6, width: box.size + 12, height: box.size + 12 };
  return { container, at, frame, zoneLabel, title };
}
