/**
 * What the canvas draws, read-only, for the browser tests and the play-test (window.crisisTable.canvas(), src/main.ts):
 * every visible text and named image of the running scenes, with its box on the page. The canvas is aria-hidden; this
 * reads it, it changes nothing.
 */
import type Phaser from 'phaser';

/** A canvas object as drawn: its kind, its name or text, and its box in page pixels. */
export interface DrawnObject {
  scene: string;
  kind: 'text' | 'image';
  /** the text, or the name the scene gave the object (emblems: `emblem:KEY`, legend entries: `legend:KEY`) */
  label: string;
  box: { x: number; y: number; width: number; height: number };
}

/** The running scenes' visible texts and named images, boxed in page pixels (`page`: the canvas's parent). */
export function drawnObjects(game: Phaser.Game, page: HTMLElement): DrawnObject[] {
  const stage = page.getBoundingClientRect();
  const found: DrawnObject[] = [];
  const visit = (scene: string, list: readonly Phaser.GameObjects.GameObject[]) => {
    for (const o of list) {
      const shown = o as Phaser.GameObjects.GameObject & { visible?: boolean; alpha?: number };
      if (shown.visible === false || shown.alpha === 0) continue;
      if (o.type === 'Container') {
        visit(scene, (o as Phaser.GameObjects.Container).list);
        continue;
      }
      const isText = o.type === 'Text';
      if (!isText && !(o.type === 'Image' && o.name)) continue;
      const b = (o as Phaser.GameObjects.Text | Phaser.GameObjects.Image).getBounds();
      if (isText && (o as Phaser.GameObjects.Text).text.trim() === '') continue;
      found.push({
        scene,
        kind: isText ? 'text' : 'image',
        label: isText ? (o as Phaser.GameObjects.Text).text : o.name,
        box: { x: stage.x + b.x, y: stage.y + b.y, width: b.width, height: b.height },
      });
    }
  };
  for (const scene of game.scene.getScenes(true)) visit(scene.scene.key, scene.children.list);
  return found;
}
