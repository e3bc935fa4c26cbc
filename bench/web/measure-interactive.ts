/**
 * Time to interactive, meaning the same for both pages (issue 18, item 4): from navigation start until the page
 * has acted on an input given as early as it could take one. The game: "New game" is clicked as soon as it is
 * on the page (and again on every change of the page, and every 10 ms) until the screen it leads to is shown; the empty game: its canvas is clicked until
 * its first pointer handler has run. Each run gets a fresh browser context (empty cache).
 */
import type { Browser } from 'playwright-core';

type Marked = Window & { __actedAt?: number; __titleAt?: number; __canvasAt?: number };

// The page scripts are plain text: a function compiled by tsx would carry its helpers (__name) into the page.
/**
 * Marks when the title is up (\`title\`: a test in the page's terms) and when the canvas has drawn its first frame
 * (body[data-scene-ready], of any scene), and calls \`act\` until it says done: every 10 ms, and at once on every change
 * of the page (a MutationObserver), so that a timer delayed by a busy main thread does not delay the first click.
 * \`act\` sets __actedAt itself, at the moment it sees the page act. It ends once the page has acted and the canvas has
 * drawn: the game's title is HTML first (its canvas may come after New game has acted, and then draws that screen).
 */
const loop = (title: string, act: string) => `(() => {
  const poke = () => {
    if (window.__titleAt === undefined && (${title})) window.__titleAt = performance.now();
    if (window.__canvasAt === undefined && document.body?.dataset.sceneReady) window.__canvasAt = performance.now();
    if (window.__actedAt !== undefined && window.__canvasAt !== undefined) return;
    if (window.__actedAt === undefined) { ${act} }
    setTimeout(poke, 10);
  };
  new MutationObserver(() => {
    if (window.__actedAt === undefined || window.__canvasAt === undefined) poke();
  }).observe(document, { subtree: true, childList: true, attributes: true });
  poke();
})();`;

/**
 * Clicks New game until the flow acts on it: the screen it leads to (the choice of perspective) is shown. Not merely
 * "no longer the title": the loading screen (data-scene=preload) comes before the title and is no action. The
 * MutationObserver sees that change in the same task as it happens, as the empty game's handler sees its input.
 */
/** The game's title is up once its menu (HTML, over the canvas) offers New game; before, the splash or loading. */
const GAME_TITLE = `document.body?.dataset.scene === 'title' && !!document.querySelector('button[data-intent="new-game"]:not([disabled])')`;
const GAME = loop(
  GAME_TITLE,
  `
    if (document.body?.dataset.scene === 'perspective') { window.__actedAt = performance.now(); return; }
    document.querySelector('button[data-intent="new-game"]:not([disabled])')?.click();`,
);

/** Clicks the empty game's canvas until Phaser's input handler has run (the empty game sets __actedAt). */
const EMPTY = loop(
  `document.body?.dataset.sceneReady === 'title'`,
  `
    const canvas = document.querySelector('canvas');
    if (canvas) {
      const box = canvas.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, pointerId: 1 };
      canvas.dispatchEvent(new PointerEvent('pointerdown', at));
      canvas.dispatchEvent(new MouseEvent('mousedown', at));
      canvas.dispatchEvent(new PointerEvent('pointerup', at));
      canvas.dispatchEvent(new MouseEvent('mouseup', at));
    }`,
);

export interface Interactive {
  /** the game's title menu up (New game enabled), or the empty game's first frame */
  title: number;
  /** the canvas's first frame (of whichever scene is current) */
  canvas: number;
  /** the first input acted on */
  acted: number;
}

export async function timeToInteractive(browser: Browser, url: string, empty: boolean): Promise<Interactive> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(empty ? EMPTY : GAME);
    await page.goto(url);
    await page.waitForFunction(
      () => (window as Marked).__actedAt !== undefined && (window as Marked).__canvasAt !== undefined,
      undefined,
      {
        timeout: 30_000,
        polling: 20,
      },
    );
    return await page.evaluate(() => {
      const w = window as Marked;
      return {
        title: w.__titleAt ?? Number.NaN,
        canvas: w.__canvasAt ?? Number.NaN,
        acted: w.__actedAt ?? Number.NaN,
      };
    });
  } finally {
    await context.close();
  }
}
