/**
 * Twenty games back to back in one tab, by keyboard: the JS heap (after forced garbage collection,
 * through the DevTools protocol) after the second game and after the twentieth. Growth between them
 * is what a classroom machine running the game all day would feel.
 */
import type { Browser } from 'playwright-core';
import { playByKeyboard, sceneReady } from '../../scripts/browser/keyboard-play.ts';

export interface HeapReport {
  afterSecond: number;
  afterLast: number;
  games: number;
}

export async function heapOverGames(browser: Browser, url: string, games = 20): Promise<HeapReport> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usage.usedSize;
    };
    await page.goto(url);
    let afterSecond = 0;
    for (let g = 1; g <= games; g++) {
      await playByKeyboard(page, { perspective: ((g - 1) % 5) + 1 });
      await page.getByRole('button', { name: 'Back to the title' }).click();
      await sceneReady(page, 'title');
      if (g === 2) afterSecond = await heap();
    }
    return { afterSecond, afterLast: await heap(), games };
  } finally {
    await context.close();
  }
}
