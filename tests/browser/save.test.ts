import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playByKeyboard, playTurns } from '../../scripts/browser/keyboard-play.ts';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

const SAVE_KEY = 'crisis-table.save.baghdad-2021';

describe('saving', () => {
  const withGame = useGameBrowser();

  it('continues after a reload in the middle of a game, at the same turn', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas&seed=5');
      await playByKeyboard(page, { perspective: 1, turns: 2 });
      const before = await page.locator('h1').first().textContent();
      expect(before).toMatch(/^Turn 3 of /);
      await game.reload();
      await titleLoaded(page);
      await page.getByRole('button', { name: /^Continue as / }).click();
      await sceneReady(page, 'situation');
      expect(await page.locator('h1').first().textContent()).toBe(before);
      await game.shot('continued-situation');
      // And the continued game plays on to its end.
      await playTurns(page, {}, 2);
      expect(await page.locator('h1').first().textContent()).toMatch(/^Outcome: /);
      expect(game.problems).toEqual([]);
    });
  });

  it('carries over a game saved by the previous version (format 2), at its turn, and saves it in the new format', async () => {
    const old = readFileSync('tests/fixtures/saves/baghdad-2021-turn-4.json', 'utf8');
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas');
      await titleLoaded(page);
      await page.evaluate(([key, json]) => localStorage.setItem(key!, json!), [SAVE_KEY, old]);
      await game.reload();
      await titleLoaded(page);
      await page.getByRole('button', { name: /^Continue as / }).click();
      await sceneReady(page, 'situation');
      expect(await page.locator('h1').first().textContent()).toMatch(/^Turn 4 of /);
      const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), SAVE_KEY);
      expect(saved.format).toBe('crisis-table/record');
      expect(saved.entries.length).toBeGreaterThan(15);
      expect(game.problems).toEqual([]);
    });
  });

  it('reports a damaged save in one sentence and offers a new game', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas');
      await titleLoaded(page);
      await page.evaluate(
        (key) => localStorage.setItem(key, '{"format":"crisis-table/save","version":2,"snap'),
        SAVE_KEY,
      );
      await game.reload();
      await titleLoaded(page);
      await page.getByRole('button', { name: 'Continue the saved game' }).click();
      const notice = page.locator('.notice[role=alert]');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(/^This save is damaged: it is not valid JSON\. Start a new game\.$/);
      expect(await page.getByRole('button', { name: 'Continue the saved game' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'New game' }).isEnabled()).toBe(true);
      await game.shot('damaged-save');
      expect(game.problems).toEqual([]);
    });
  });

  it('reports a save of an outdated format the same way', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas');
      await titleLoaded(page);
      await page.evaluate(
        (key) => localStorage.setItem(key, JSON.stringify({ format: 'crisis-table/save', version: 0 })),
        SAVE_KEY,
      );
      await game.reload();
      await titleLoaded(page);
      await page.getByRole('button', { name: 'Continue the saved game' }).click();
      const notice = page.locator('.notice[role=alert]');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(
        'This save is format version 0, which this game cannot read. Start a new game.',
      );
      expect(game.problems).toEqual([]);
    });
  });
});
