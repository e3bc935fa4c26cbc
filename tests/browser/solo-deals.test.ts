// The solo player negotiates (issue 19, done when): as the Prime Minister, under "More", it proposes the recount for
// an end to the sit-ins to the Coordination Framework, which declines it by its own goals; it declines the US offer
// of help with the investigation, with its own reason; a turn later it proposes that help itself, and Washington
// accepts it by its own goals. The debrief's "Deals made and broken" gives each answer and its reason.
// The game is seeded: which seat answers what is the computer's weighing in tests/sim/agreements.test.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playByKeyboard, playTurns, sceneReady } from '../../scripts/browser/keyboard-play.ts';
import { useGameBrowser } from './support/game-page.ts';

/** Opens "More", where the deals panel is (the first sight has no words to spare for it). */
async function openMore(page: Page): Promise<void> {
  await page.locator('.view--situation details.more > summary').click();
  await page.locator('[data-deals]').waitFor();
}

/** Proposes one of the agreements the panel offers, and waits for the computer's answer. */
async function propose(page: Page, key: string, status: 'accepted' | 'declined'): Promise<string> {
  await page.locator(`[data-deal-offer="${key}"]`).check();
  await page.locator('[data-deal-propose] button[type="submit"]').click();
  const [agreement] = key.split('/');
  const line = page
    .locator(`[data-deals] [data-deal][data-status="${status}"]`)
    .filter({ hasText: agreementLabels[agreement!]! });
  await line.first().waitFor();
  return (await line.first().locator('[data-deal-reason]').textContent()) ?? '';
}

const agreementLabels: Record<string, string> = {
  'recount-for-sit-ins': 'A recount for an end to the sit-ins',
  'joint-investigation': 'US help with the investigation of the attack',
};

/** Picks the first open option and confirms it by pointer (the keyboard's Enter would press a focused form button). */
async function confirmTurn(page: Page): Promise<void> {
  await page.locator('[data-option]:not([disabled])').first().click();
  await page.locator('[data-option][aria-pressed="true"]').waitFor();
  await page.locator('[data-intent="confirm-decision"]').click();
  await sceneReady(page, 'resolution');
  await page.locator('[data-intent="next"]').click();
  await sceneReady(page, 'situation');
}

describe('the solo player’s deals', () => {
  const withGame = useGameBrowser();

  it('one proposal is accepted and another declined, each for a reason the debrief gives', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas&seed=7');
      // The Prime Minister, to the sit-ins (turn 3), where the recount may be proposed.
      await playByKeyboard(page, { perspective: 1, turns: 2 });
      await openMore(page);
      expect(await page.locator('[data-deal-standing]').textContent()).toBe('0 agreements stand.');
      const declined = await propose(page, 'recount-for-sit-ins/framework', 'declined');
      expect(declined).toContain('Its reason, weighed by its own goals:');
      expect(declined).toContain('Declined: by its own goals, the terms move Street anger down');

      // Three turns on, Washington offers its help; the player declines it, with its reason.
      await confirmTurn(page);
      await confirmTurn(page);
      await confirmTurn(page);
      await openMore(page);
      const offered = page.locator('[data-deals] [data-deal][data-status="pending"]');
      await offered.filter({ hasText: 'proposed it to you' }).waitFor();
      await offered.locator('textarea[name="reason"]').fill('Not before our own inquiry reports.');
      await offered.locator('[data-deal-decline]').click();
      await page
        .locator('[data-deal][data-status="declined"] [data-deal-reason]')
        .filter({ hasText: 'Not before our own inquiry reports.' })
        .waitFor();

      // A turn later the player proposes that help itself, and Washington accepts it by its own goals.
      await confirmTurn(page);
      await openMore(page);
      const accepted = await propose(page, 'joint-investigation/us', 'accepted');
      expect(accepted).toContain('Accepted: by its own goals, the terms move International backing up');
      expect(await page.locator('[data-deal-standing]').textContent()).toBe('1 agreement stands.');
      // What stands between the two seats is no longer on offer.
      expect(await page.locator('[data-deal-offer="joint-investigation/us"]').count()).toBe(0);

      // To the end: the debrief gives each deal, where it ended, and why.
      await confirmTurn(page);
      await playTurns(page, {}, 7);
      await sceneReady(page, 'debrief');
      const deals = page.locator('#debrief-deals [data-deal]');
      const reasonOf = async (agreement: string, status: string) =>
        (await deals
          .filter({ hasText: agreementLabels[agreement]! })
          .and(page.locator(`[data-status="${status}"]`))
          .first()
          .locator('[data-deal-reason]')
          .textContent()) ?? '';
      expect(await reasonOf('recount-for-sit-ins', 'declined')).toContain(
        'Declined: by its own goals, the terms move Street anger down',
      );
      expect(await reasonOf('joint-investigation', 'accepted')).toContain(
        'Accepted: by its own goals, the terms move International backing up',
      );
      expect(
        await deals
          .filter({ hasText: 'Not before our own inquiry reports.' })
          .locator('[data-deal-status]')
          .textContent(),
      ).toMatch(/^Declined in turn 6\.$/);
      expect(game.problems).toEqual([]);
    });
  });
});
