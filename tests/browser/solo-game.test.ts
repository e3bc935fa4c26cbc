import { describe, expect, it } from 'vitest';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { useGameBrowser } from './support/game-page.ts';

const PERSPECTIVES = [
  [1, 'pm'],
  [2, 'sadrists'],
  [3, 'framework'],
  [4, 'iran'],
  [5, 'us'],
] as const;

describe('a whole solo game by keyboard alone', () => {
  const withGame = useGameBrowser();

  it.each(PERSPECTIVES)('perspective %i (%s) reaches an outcome', async (digit, actor) => {
    await withGame(async (game) => {
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
      // The debrief explains: this game beside history has a row per turn date of the scenario (10), the turns
      // played with the player's choice, the others marked as after the end; and the sources are listed.
      const rows = game.page.locator('#debrief-path tbody tr:not(.path__context)');
      expect(await rows.count()).toBe(10);
      expect(10 - (await rows.filter({ hasText: 'The game had ended' }).count())).toBe(turns);
      expect(await game.page.locator('#debrief-sources li').count()).toBeGreaterThan(0);
      expect(await game.page.locator(`button[data-actor="${actor}"]`).count()).toBe(0);
      expect(game.problems).toEqual([]);
    });
  });
});
