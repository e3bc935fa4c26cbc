import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { gamePage, sceneReady } from './support/game-page.ts';

describe('display', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('boots in the automatic renderer (WebGL here) as well as in canvas', async () => {
    const game = await gamePage(browser, baseUrl);
    try {
      await game.open('');
      await sceneReady(game.page, 'title');
      await game.shot('title-auto-renderer');
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
    }
  });

  it('honours the system setting for reduced motion', async () => {
    const game = await gamePage(browser, baseUrl);
    try {
      await game.page.emulateMedia({ reducedMotion: 'reduce' });
      await game.open();
      await sceneReady(game.page, 'title');
      expect(await game.page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduced');
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
    }
  });

  it('keeps the situation room readable on a phone (360x640), no sideways scrolling', async () => {
    const game = await gamePage(browser, baseUrl, { width: 360, height: 640 });
    try {
      const { page } = game;
      await game.open('?renderer=canvas&seed=9');
      await playByKeyboard(page, { perspective: 2, turns: 1 });
      const overflow = await page.evaluate(() => {
        const panel = document.getElementById('ui');
        return panel ? panel.scrollWidth - panel.clientWidth : -1;
      });
      expect(overflow).toBe(0);
      await game.shot('situation-360x640');
      await page.locator('#decision').scrollIntoViewIfNeeded();
      await game.shot('situation-360x640-decision');
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
    }
  });

  it('is laid out for 1920x1080 with the text size at 200%', async () => {
    const game = await gamePage(browser, baseUrl, { width: 1920, height: 1080 });
    try {
      const { page } = game;
      // Remembered settings, in place before the game starts (a reload mid-load would abort requests).
      await page.addInitScript(() =>
        localStorage.setItem('crisis-table.settings.v1', JSON.stringify({ textScale: 2, muted: true })),
      );
      await game.open('?renderer=canvas&seed=9');
      await playByKeyboard(page, { perspective: 1, turns: 1 });
      const overflow = await page.evaluate(() => {
        const panel = document.getElementById('ui');
        return panel ? panel.scrollWidth - panel.clientWidth : -1;
      });
      expect(overflow).toBe(0);
      await game.shot('situation-1920x1080-text-200');
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
    }
  });
});
