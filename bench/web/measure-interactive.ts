/**
 * Time to interactive, meaning the same for both pages (issue 18, item 4): from navigation start until the page
 * has acted on an input given as early as it could take one. The game: "New game" is clicked as soon as it is
 * on the page (and again on every change of the page, and every 10 ms) until the screen it leads to is shown; the empty game: its canvas is clicked until
 * its first pointer handler has run. Each run gets a fresh browser context (empty cache).
 */
import type { Browser } from 'playwright-core';

type Marked = Window & { __actedAt?: number; __titleAt?: number };

// The page scripts are plain text: a function compiled by tsx would carry its helpers (__name) into the page.
/**
 * Marks when the title is drawn (body[data-scene-ready=title]) and calls `act` until it says done: every 10 ms, and
 * at once on every change of the page (a MutationObserver), so that a timer delayed by a busy main thread does not
 * delay the first click. `act` sets __actedAt itself, at the moment it sees the page act.
 */
const loop = (act: string) => `(() => {
  const poke = () => {
    if (window.__titleAt === undefined && document.body?.dataset.sceneReady === 'title')
      window.__titleAt = performance.now();
    if (window.__actedAt !== undefined && window.__titleAt !== undefined) return;
    if (window.__actedAt === undefined) { ${act} }
    setTimeout(poke, 10);
  };
  new MutationObserver(() => {
    if (window.__actedAt === undefined || window.__titleAt === undefined) poke();
  }).observe(document, { subtree: true, childList: true, attributes: true });
  poke();
})();`;

/**
 * Clicks New game until the flow acts on it: the screen it leads to (the choice of perspective) is shown. Not merely
 * "no longer the title": the loading screen (data-scene=preload) comes before the title and is no action. The
 * MutationObserver sees that change in the same task as it happens, as the empty game's handler sees its input.
 */
const GAME = loop(`
    if (document.body?.dataset.scene === 'perspective') { window.__actedAt = performance.now(); return; }
    document.querySelector('button[data-intent="new-game"]:not([disabled])')?.click();`);

/** Clicks the empty game's canvas until Phaser's input handler has run (the empty game sets __actedAt). */
const EMPTY = loop(`
    const canvas = document.querySelector('canvas');
    if (canvas) {
      const box = canvas.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, pointerId: 1 };
      canvas.dispatchEvent(new PointerEvent('pointerdown', at));
      canvas.dispatchEvent(new MouseEvent('mousedown', at));
      canvas.dispatchEvent(new PointerEvent('pointerup', at));
      canvas.dispatchEvent(new MouseEvent('mouseup', at));
    }`);

export interface Interactive {
  /** the title (or the empty game's first frame) marked ready */
  title: number;
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
      () => (window as Marked).__actedAt !== undefined && (window as Marked).__titleAt !== undefined,
      undefined,
      {
        timeout: 30_000,
        polling: 20,
      },
    );
    return await page.evaluate(() => {
      const w = window as Marked;
      return { title: w.__titleAt ?? Number.NaN, acted: w.__actedAt ?? Number.NaN };
    });
  } finally {
    await context.close();
  }
}
