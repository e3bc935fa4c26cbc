/**
 * Emblems on the canvas: the known designs come from one preloaded sheet; an emblem key that maps
 * to no known design gets its own generated texture, queued by the scene that shows it.
 */
import type Phaser from 'phaser';
import { EMBLEM_DESIGN_IDS, emblemDataUri, emblemDesign } from '../../present/emblems.ts';
import { EMBLEM_PX } from './emblem-images.ts';

export const EMBLEM_SHEET = 'emblem-sheet';

/**
 * Paints the decoded emblems into one canvas texture, a frame per design: one texture upload
 * instead of ten.
 */
export function addEmblemSheet(
  textures: Phaser.Textures.TextureManager,
  images: ReadonlyMap<string, HTMLImageElement>,
): void {
  if (textures.exists(EMBLEM_SHEET)) return;
  const texture = textures.createCanvas(EMBLEM_SHEET, EMBLEM_DESIGN_IDS.length * EMBLEM_PX, EMBLEM_PX);
  const ctx = texture?.getContext();
  if (!texture || !ctx) return;
  EMBLEM_DESIGN_IDS.forEach((id, i) => {
    const image = images.get(id);
    if (image?.complete && image.naturalWidth > 0)
      ctx.drawImage(image, i * EMBLEM_PX, 0, EMBLEM_PX, EMBLEM_PX);
    texture.add(id, 0, i * EMBLEM_PX, 0, EMBLEM_PX, EMBLEM_PX);
  });
  texture.refresh();
}

/** Queues textures for emblem keys outside the sheet (call from a scene's preload). */
export function queueMissingEmblems(scene: Phaser.Scene, keys: readonly string[]): void {
  for (const key of keys) {
    const id = emblemDesign(key).id;
    if (EMBLEM_DESIGN_IDS.includes(id) || scene.textures.exists(`emblem:${id}`)) continue;
    scene.load.svg(`emblem:${id}`, emblemDataUri(key, EMBLEM_PX), { width: EMBLEM_PX, height: EMBLEM_PX });
  }
}

/** Adds an emblem image at (x, y), `size` pixels across. */
export function addEmblem(
  scene: Phaser.Scene,
  key: string,
  x: number,
  y: number,
  size: number,
): Phaser.GameObjects.Image {
  const id = emblemDesign(key).id;
  const image = EMBLEM_DESIGN_IDS.includes(id)
    ? scene.add.image(x, y, EMBLEM_SHEET, id)
    : scene.add.image(x, y, `emblem:${id}`);
  return image.setDisplaySize(size, size);
}
