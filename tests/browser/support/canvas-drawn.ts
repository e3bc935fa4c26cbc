/**
 * What the canvas draws, as the game reports it through window.crisisTable.canvas() (src/main.ts): every visible
 * text and named image of the running scenes with its box on the page, and whether two boxes overlap.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Drawn {
  scene: string;
  kind: 'text' | 'image';
  label: string;
  box: Box;
}

/** Overlap by more than half a pixel each way: anti-aliased edges that touch are not a covered label. */
export function intersects(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}
