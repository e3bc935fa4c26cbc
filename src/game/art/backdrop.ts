/**
 * The situation-room backdrop: a radial glow on night blue, and a faint plotting grid. Drawn into a
 * canvas texture because Graphics gradients are WebGL-only, and the game must look the same in the
 * canvas renderer.
 */
import type Phaser from 'phaser';
import { cssColor, PALETTE } from '../../present/palette.ts';

const TEXTURE = 'backdrop';
/** The glow is smooth, so a small texture scaled up looks the same and uploads in no time. */
const GLOW_W = 320;
const GLOW_H = 180;

function glowTexture(scene: Phaser.Scene): void {
  if (scene.textures.exists(TEXTURE)) return;
  const texture = scene.textures.createCanvas(TEXTURE, GLOW_W, GLOW_H);
  const ctx = texture?.getContext();
  if (!texture || !ctx) return;
  const glow = ctx.createRadialGradient(
    GLOW_W * 0.55,
    GLOW_H * 0.45,
    0,
    GLOW_W * 0.55,
    GLOW_H * 0.45,
    GLOW_W * 0.75,
  );
  glow.addColorStop(0, cssColor('panel'));
  glow.addColorStop(1, cssColor('night'));
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, GLOW_W, GLOW_H);
  texture.refresh();
}

export function drawBackdrop(
  scene: Phaser.Scene,
  width: number,
  height: number,
): Phaser.GameObjects.Container {
  const w = Math.max(1, Math.ceil(width));
  const hgt = Math.max(1, Math.ceil(height));
  glowTexture(scene);
  const container = scene.add.container(0, 0);
  container.add(scene.add.image(0, 0, TEXTURE).setOrigin(0, 0).setDisplaySize(w, hgt));
  const grid = scene.add.graphics();
  grid.lineStyle(1, PALETTE.grid, 0.35);
  const step = Math.max(32, Math.round(Math.min(w, hgt) / 14));
  for (let x = step / 2; x < w; x += step) grid.lineBetween(x, 0, x, hgt);
  for (let y = step / 2; y < hgt; y += step) grid.lineBetween(0, y, w, y);
  container.add(grid);
  return container;
}
