/**
 * The one palette of the game, shared by the canvas (numbers) and the DOM (CSS custom properties set
 * from it in src/ui/theme.ts), so both layers show the same colours. Colour never carries meaning
 * alone: trends also get arrows and words, unknown values the word "unknown".
 */
export const PALETTE = {
  night: 0x0a1220,
  deep: 0x101b2e,
  panel: 0x16233a,
  grid: 0x22324f,
  line: 0x3a5078,
  ink: 0xe8edf3,
  muted: 0x9fb0c8,
  amber: 0xe0a526,
  red: 0xd9534f,
  teal: 0x3fb39a,
  sand: 0xc9b27c,
  river: 0x4f8cc9,
  greenZone: 0x6cc070,
} as const;

export type PaletteName = keyof typeof PALETTE;

/** `#rrggbb` for CSS and SVG. */
export function cssColor(name: PaletteName): string {
  return `#${PALETTE[name].toString(16).padStart(6, '0')}`;
}

/**
 * The font stacks: system fonts for Latin text, so an English player downloads nothing. "Noto Sans Arabic" comes
 * first, but is defined (with a unicode-range of Arabic letters only) only once Arabic is chosen
 * (src/ui/i18n/arabic-fonts.ts): until then the name matches no font and the browser goes on down the list.
 */
export const FONT_STACK =
  '"Noto Sans Arabic", system-ui, "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
export const DISPLAY_FONT_STACK =
  '"Noto Sans Arabic", "Liberation Serif", "DejaVu Serif", Georgia, "Times New Roman", serif';
