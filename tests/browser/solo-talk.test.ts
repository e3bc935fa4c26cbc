// The solo player speaks (issue 19): in the situation room, under "More", it writes a private message to a computer actor and a
// statement to the public, and reads both in its list, who and when; a refusal is said in one sentence; its reason
// goes with its decision, and the debrief shows it beside that choice.
import { describe, expect, it } from 'vitest';
import { playByKeyboard, playTurns, sceneReady } from '../../scripts/browser/keyboard-play.ts';
import { useGameBrowser } from './support/game-page.ts';

describe('the solo player’s talk and reason', () => {
  const withGame = useGameBrowser();

  it('writes to a computer actor and to the public, and its reason reaches the debrief', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas&seed=7');
      await playByKeyboard(page, { perspective: 1, turns: 0 });
      // Both are under "More": the first sight has no words to spare (decision-reading.test.ts).
      await page.locator('.view--situation details.more > summary').click();

      await page.locator('#talk-message-text').fill('Rein in the factions and we talk.');
      await page.locator('#talk-message-to-iran').check();
      await page.locator('[data-talk-form="message"] button[type="submit"]').click();
      await page.locator('.said-text').filter({ hasText: 'Rein in the factions' }).waitFor();
      expect(await page.locator('[data-said] .said-head').first().textContent()).toContain(
        'Turn 1 · The Prime Minister (Mustafa al-Kadhimi) and his government, privately to Iran',
      );
      await page.locator('#talk-statement-text').fill('The count will be honest.');
      await page.locator('[data-talk-form="statement"] button[type="submit"]').click();
      await page.locator('[data-said][data-kind="statement"]').filter({ hasText: 'honest' }).waitFor();
      // Nothing to read: the engine refuses it, said once, in one sentence.
      await page.locator('#talk-statement-text').fill('   ');
      await page.locator('[data-talk-form="statement"] button[type="submit"]').click();
      const refusal = page.locator('[data-talk] [role="alert"]:not([hidden])');
      await refusal.filter({ hasText: 'There is nothing to read in this statement.' }).waitFor();
      expect(await refusal.count()).toBe(1);
      // No seat ticked: a message is refused before it is sent, in one sentence, and what was typed stays.
      await page.locator('#talk-message-text').fill('To nobody.');
      await page.locator('[data-talk-form="message"] button[type="submit"]').click();
      await page
        .locator('[data-talk-form="message"] [role="alert"]')
        .filter({ hasText: 'Tick at least' })
        .waitFor();
      expect(await page.locator('#talk-message-text').inputValue()).toBe('To nobody.');

      // The decision, with its reason.
      const option = page.locator('[data-option]:not([disabled])').first();
      await option.click();
      await page.locator('[data-option][aria-pressed="true"]').waitFor();
      await page.locator('#decision-reason').fill('Calm buys time for the count.');
      expect(await page.locator('#decision-reason-count').textContent()).toBe('29 of 300 characters');
      await page.locator('[data-intent="confirm-decision"]').click();
      await sceneReady(page, 'resolution');
      await page.keyboard.press('Enter');
      await playTurns(page, {}, 1);
      await page.locator('[data-reason]').filter({ hasText: 'Calm buys time for the count.' }).waitFor();
      expect(game.problems).toEqual([]);
    });
  });
});
