/**
 * Laying out canvas labels by their measured boxes, so that no two overlap at any text size: each label takes the
 * first of its candidate places that is inside the area and clear of everything placed before it, and is hidden
 * when none is (its text is in the HTML panel in any case).
 */
import type Phaser from 'phaser';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function intersects(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

export function inside(a: Rect, area: Rect): boolean {
  return (
    a.x >= area.x &&
    a.y >= area.y &&
    a.x + a.width <= area.x + area.width &&
    a.y + a.height <= area.y + area.height
  );
}

/** A square around a point: an emblem, a ring, a badge. */
export function around(p: { x: number; y: number }, radius: number): Rect {
  return { x: p.x - radius, y: p.y - radius, width: radius * 2, height: radius * 2 };
}

export function boundsOf(object: { getBounds: () => Phaser.Geom.Rectangle }): Rect {
  const b = object.getBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}

/** Where a label may go: its position and origin. */
export interface Spot {
  x: number;
  y: number;
  originX: number;
  originY: number;
}

/**
 * Places the labels in order (the first have the first choice), each at its first free spot; a label with no free
 * spot is hidden. The boxes placed are added to `taken`, so that what is drawn next can keep clear of them too.
 */
export function placeLabels(
  labels: readonly { text: Phaser.GameObjects.Text; spots: readonly Spot[] }[],
  taken: Rect[],
  area: Rect,
  gap = 2,
): void {
  for (const { text, spots } of labels) {
    let placed = false;
    for (const spot of spots) {
      text.setOrigin(spot.originX, spot.originY).setPosition(spot.x, spot.y);
      const box = boundsOf(text);
      if (!inside(box, area) || taken.some((t) => intersects(box, t, gap))) continue;
      taken.push(box);
      placed = true;
      break;
    }
    text.setVisible(placed);
  }
}

/** The four spots around a point at `distance`: right, left, above, below. */
export function spotsAround(p: { x: number; y: number }, distance: number): Spot[] {
  return [
    { x: p.x + distance, y: p.y, originX: 0, originY: 0.5 },
    { x: p.x - distance, y: p.y, originX: 1, originY: 0.5 },
    { x: p.x, y: p.y - distance, originX: 0.5, originY: 1 },
    { x: p.x, y: p.y + distance, originX: 0.5, originY: 0 },
  ];
}
