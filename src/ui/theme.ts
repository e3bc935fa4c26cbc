/**
 * Applies the palette and the display settings to the document: colours as CSS custom properties
 * (from the same palette the canvas uses), text size, reduced motion and captions.
 */
import { cssColor, DISPLAY_FONT_STACK, FONT_STACK, PALETTE, type PaletteName } from '../present/palette.ts';
import { prefersReducedMotion, type Settings } from './settings-store.ts';

export function applyPalette(root: HTMLElement = document.documentElement): void {
  for (const name of Object.keys(PALETTE) as PaletteName[])
    root.style.setProperty(`--c-${name}`, cssColor(name));
  root.style.setProperty('--font', FONT_STACK);
  root.style.setProperty('--font-display', DISPLAY_FONT_STACK);
}

export function applyDisplaySettings(
  settings: Readonly<Settings>,
  root: HTMLElement = document.documentElement,
): void {
  root.style.setProperty('--text-scale', String(settings.textScale));
  root.dataset.motion = prefersReducedMotion(settings) ? 'reduced' : 'full';
}
