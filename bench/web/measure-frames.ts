/**
 * Frame times: requestAnimationFrame intervals over a few seconds on a page that is already showing
 * the scene to measure (the situation room, or the empty game's only scene).
 */
import type { Page } from 'playwright-core';
import { median, quantile } from './stats.ts';

export interface FrameStats {
  frames: number;
  median: number;
  p95: number;
}

export async function frameStats(page: Page, seconds = 5): Promise<FrameStats> {
  // A string, not a function: the TypeScript loader would wrap a function's inner names in a helper
  // that does not exist in the page.
  const deltas = (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${seconds * 1000};
    const tick = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(out.slice(1));
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  return { frames: deltas.length, median: median(deltas), p95: quantile(deltas, 0.95) };
}
