import { describe, expect, it } from 'vitest';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { sceneReady, useGameBrowser } from './support/game-page.ts';
import { storeSettings } from './support/stored-settings.ts';

describe('display', () => {
  const withGame = useGameBrowser();

  it('boots in the automatic renderer (WebGL here) as well as in canvas', async () => {
    await withGame(async (game) => {
      await game.open('');
      await sceneReady(game.page, 'title');
      await game.shot('title-auto-renderer');
      expect(game.problems).toEqual([]);
    });
  });

  it('honours the system setting for reduced motion', async () => {
    await withGame(async (game) => {
      await game.page.emulateMedia({ reducedMotion: 'reduce' });
      await game.open();
      await sceneReady(game.page, 'title');
      expect(await game.page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduced');
      expect(game.problems).toEqual([]);
    });
  });

  it('keeps the situation room readable on a phone (360x640), no sideways scrolling', async () => {
    await withGame(
      async (game) => {
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
      },
      { width: 360, height: 640 },
    );
  });

  it('is laid out for 1920x1080 with the text size at 200%', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        // Remembered settings, in place before the game starts.
        await storeSettings(game, { textScale: 2, muted: true });
        await game.open('?renderer=canvas&seed=9');
        await playByKeyboard(page, { perspective: 1, turns: 1 });
        const overflow = await page.evaluate(() => {
          const panel = document.getElementById('ui');
          return panel ? panel.scrollWidth - panel.clientWidth : -1;
        });
        expect(overflow).toBe(0);
        await game.shot('situation-1920x1080-text-200');
        expect(game.problems).toEqual([]);
      },
      { width: 1920, height: 1080 },
    );
  });
});
