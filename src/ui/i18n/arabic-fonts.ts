/// <reference types="vite/client" />
/**
 * The Arabic fonts (issue 20): Noto Sans Arabic from its npm package (@fontsource/noto-sans-arabic, OFL), the arabic
 * subset only, woff2, bundled with the game so that nothing is fetched from elsewhere. This module is imported only
 * when Arabic is chosen (src/ui/i18n/language.ts), so an English player downloads neither it nor the fonts. A page that
 * reads Arabic has asked for both already, from index.html (scripts/arabic-preload-plugin.ts): the faces below load
 * the preloaded files rather than fetch them again.
 *
 * FontFace rather than a stylesheet: the canvas draws text once and does not redraw when a font arrives, so the
 * scenes must wait until the faces have loaded; the FontFace promises say when. The unicode-range keeps the faces to
 * Arabic letters, so Latin text in an Arabic page (names, codes, URLs) stays in the system font.
 */

import regular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import bold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';

export const ARABIC_FONT = 'Noto Sans Arabic';

/** The Arabic blocks: letters, presentation forms, and the marks and joiners that Arabic text uses. */
const ARABIC_RANGE =
  'U+0600-06FF, U+0750-077F, U+0870-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FEFC';

let loading: Promise<void> | undefined;

/** Adds the two weights to the document and resolves when both have loaded (once; later calls share it). */
export function loadArabicFonts(): Promise<void> {
  loading ??= Promise.all(
    [
      { url: regular, weight: '400' },
      { url: bold, weight: '700' },
    ].map(async ({ url, weight }) => {
      const face = new FontFace(ARABIC_FONT, `url(${url}) format('woff2')`, {
        weight,
        style: 'normal',
        display: 'swap',
        unicodeRange: ARABIC_RANGE,
      });
      document.fonts.add(face);
      await face.load();
    }),
  ).then(() => undefined);
  return loading;
}
