// The app's PNG icons (public/icons/icon-192.png and icon-512.png), drawn from public/icons/icon.svg by Debian's
// Chromium through playwright-core, which the browser tests use already: no image library. Run it after changing
// the SVG, and commit what it writes: `tsx scripts/render-icons.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser/chromium.ts';

const DIR = fileURLToPath(new URL('../public/icons/', import.meta.url));
export const SIZES = [192, 512] as const;

async function main(): Promise<void> {
  const svg = readFileSync(`${DIR}icon.svg`, 'utf8');
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      writeFileSync(`${DIR}icon-${size}.png`, await page.screenshot({ type: 'png' }));
      await page.close();
      console.log(`render-icons: public/icons/icon-${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(`render-icons: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
