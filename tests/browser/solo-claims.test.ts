// A statement may assert one of the claims the scenario lets its seat make (issue 19, item 1): the solo player, as
// the Coordination Framework, picks the claim from the list its panel offers; the statement's line says what it
// asserted, and the debrief lists it among the statements whose claims were heard.
import { describe, expect, it } from 'vitest';
import { playByKeyboard, playTurns, sceneReady } from '../../scripts/browser/keyboard-play.ts';
import { useGameBrowser } from './support/game-page.ts';

describe('a statement’s claim, solo', () => {
  const withGame = useGameBrowser();

  it('is chosen from what the seat may assert now, shown with the statement, and heard in the debrief', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas&seed=7');
      await playByKeyboard(page, { perspective: 3, turns: 0 });
      await page.locator('.view--situation details.more > summary').click();

      // Before the attack, the framework may assert only what it said of the election.
      const claims = page.locator('#talk-statement-claim option');
      expect(await claims.allTextContents()).toEqual([
        'Nothing the game weighs: words only',
        'The election was rigged against us',
      ]);
      await page.locator('#talk-statement-text').fill('The count must be redone.');
      await page.locator('#talk-statement-claim').selectOption('election-was-rigged');
      await page.locator('[data-talk-form="statement"] button[type="submit"]').click();
      const line = page.locator('[data-said][data-kind="statement"]').filter({ hasText: 'redone' });
      await line.waitFor();
      expect(await line.locator('[data-said-claim]').textContent()).toBe(
        'Asserts: The election was rigged against us',
      );
      // Sent: the form is empty again, its claim back at none.
      expect(await page.locator('#talk-statement-claim').inputValue()).toBe('');

      const option = page.locator('[data-option]:not([disabled])').first();
      await option.click();
      await page.locator('[data-option][aria-pressed="true"]').waitFor();
      await page.locator('[data-intent="confirm-decision"]').click();
      await sceneReady(page, 'resolution');
      await page.keyboard.press('Enter');
      await playTurns(page, {}, 1);
      const moved = page.locator('[data-debrief-moved] [data-said]').filter({ hasText: 'redone' });
      await moved.waitFor();
      expect(await moved.textContent()).toContain('The election was rigged against us');
      expect(game.problems).toEqual([]);
    });
  });
});
