/**
 * Time to an interactive title screen: navigation start to the moment the page marks
 * `body[data-scene-ready=title]` (the game: title drawn and its HTML menu in place; the baseline:
 * its first frame). Each run gets a fresh browser context (empty cache), and the two pages
 * alternate so that machine load affects both alike.
 */
import type { Browser } from 'playwright-core';

const INIT = () => {
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.sceneReady === 'title') {
      (window as unknown as { __readyAt: number }).__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-scene-ready'],
    childList: true,
  });
};

export async function timeToTitle(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(INIT);
    await page.goto(url);
    await page.locator('body[data-scene-ready=title]').waitFor({ state: 'attached', timeout: 20_000 });
    return await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
  } finally {
    await context.close();
  }
}
