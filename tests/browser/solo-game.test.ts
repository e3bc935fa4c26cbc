import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { gamePage } from './support/game-page.ts';

const PERSPECTIVES = [
  [1, 'pm'],
  [2, 'sadrists'],
  [3, 'framework'],
  [4, 'iran'],
  [5, 'us'],
] as const;

describe('a whole solo game by keyboard alone', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PERSPECTIVES)('perspective %i (%s) reaches an outcome', async (digit, actor) => {
    const game = await gamePage(browser, baseUrl);
    try {
      await game.open(`?renderer=canvas&seed=${digit * 101}`);
      const shotEveryScene = digit === 1;
      const turns = await playByKeyboard(game.page, {
        perspective: digit,
        onScene: async (scene, turn) => {
          if (scene === 'debrief' || (shotEveryScene && turn <= 1))
            await game.shot(`${actor}-${scene}-${turn}`);
        },
      });
      expect(turns).toBeGreaterThan(0);
      const heading = await game.page.locator('h1').first().textContent();
      expect(heading).toMatch(/^Outcome: /);
      // The debrief explains: the path table has a row per turn played, and the sources are listed.
      expect(await game.page.locator('#debrief-path tbody tr').count()).toBe(turns);
      expect(await game.page.locator('#debrief-sources li').count()).toBeGreaterThan(0);
      expect(await game.page.locator(`button[data-actor="${actor}"]`).count()).toBe(0);
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
    }
  });
});
