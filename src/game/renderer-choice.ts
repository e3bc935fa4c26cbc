import Phaser from 'phaser';

/**
 * `?renderer=canvas` forces Phaser's canvas renderer (headless browsers have no GPU, and software
 * WebGL there is slow); `?renderer=webgl` forces WebGL; anything else leaves Phaser to choose.
 */
export function rendererFromQuery(search: string): number {
  const wanted = new URLSearchParams(search).get('renderer');
  if (wanted === 'canvas') return Phaser.CANVAS;
  if (wanted === 'webgl') return Phaser.WEBGL;
  return Phaser.AUTO;
}
