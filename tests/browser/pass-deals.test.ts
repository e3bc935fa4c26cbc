// Pass-and-play deals (issue 19): the player whose screen shows proposes an agreement to another player's seat under
// "More"; on the next player's own screen the proposal waits, and that player accepts it with a reason; the first
// player sees it stand, with that reason, on its next screen. Nothing of it shows on a hand-over.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITUATION_WORDS } from '../../src/present/reading.presenter.ts';
import { firstSight } from './support/first-sight.ts';
import { useGameBrowser } from './support/game-page.ts';

const withGame = useGameBrowser();

/** Waits for the next public screen, and returns which. */
async function publicScreen(page: Page): Promise<string> {
  const screen = await page.waitForFunction(() => {
    const s = document.body.dataset.passScreen;
    return s === 'handOver' || s === 'resolved' || s === 'ended' ? s : null;
  });
  return (await screen.jsonValue()) as string;
}

/** Shows the private screen of the player the device was passed to; returns its turn (1-based). */
async function show(page: Page): Promise<number> {
  await page.locator('[data-pass="show"]').click();
  await page.waitForSelector('body[data-pass-screen="private"]');
  return Number((await page.locator('main h1').textContent())?.match(/^Turn (\d+) of/)?.[1]);
}

async function confirm(page: Page): Promise<void> {
  await page.locator('[data-option]:not([disabled])').first().click();
  await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
  await page.waitForFunction(() => document.body.dataset.passScreen !== 'private');
}

/** Plays each player's first open option until the first player's screen of turn `turn` shows. */
async function toTurn(page: Page, turn: number): Promise<void> {
  for (let step = 0; step < 40; step++) {
    const screen = await publicScreen(page);
    if (screen === 'resolved') {
      await page.locator('[data-pass="next"]').click();
      continue;
    }
    if (screen === 'ended') throw new Error('the game ended first');
    if ((await show(page)) === turn) return;
    await confirm(page);
  }
  throw new Error(`no turn ${turn}`);
}

describe('pass-and-play deals', () => {
  it('one player proposes, the other accepts with a reason on its own screen, and the first sees the deal with that reason', async () => {
    await withGame(async (game) => {
      const { page, problems } = game;
      await game.open('class.html?pass');
      await page.locator('[data-pass-seat="sadrists"]').uncheck();
      await page.locator('[data-pass-seat="framework"]').check();
      await page.getByRole('button', { name: 'Start a new game' }).click();
      // The sit-ins (turn 3): the recount may be proposed from then on.
      await toTurn(page, 3);
      expect(await page.locator('.eyebrow').first().textContent()).toContain('Prime Minister');
      await page.locator('details.more > summary').click();
      // The talk panel too, for the player whose screen shows.
      await page.locator('[data-talk]').waitFor();
      await page.locator('[data-deal-offer="recount-for-sit-ins/framework"]').check();
      await page.locator('[data-deal-propose] button[type="submit"]').click();
      const mine = page.locator('[data-deal][data-status="pending"]');
      await mine.waitFor();
      expect(await mine.locator('.deal-head').textContent()).toContain('you proposed it to');
      expect(await mine.locator('[data-deal-withdraw]').count()).toBe(1);
      await confirm(page);

      // The hand-over shows nothing of it; the Framework's own screen has it, to answer.
      expect(await publicScreen(page)).toBe('handOver');
      expect(await page.locator('[data-deals]').count()).toBe(0);
      await show(page);
      expect(await page.locator('.eyebrow').first().textContent()).toContain('Coordination Framework');
      // Said at first sight, before "More" is opened, and counted among its words (the presenter's count is the page's).
      const alert = page.locator('[data-first-sight] [data-awaiting]');
      expect(await alert.textContent()).toMatch(
        /^A proposal from .*Prime Minister.*: .+\. It waits for your answer/,
      );
      const sight = await firstSight(page, '.view--situation');
      expect(sight.text).toContain('It waits for your answer this turn.');
      expect(sight.words).toBe(sight.declared);
      expect(sight.words).toBeLessThanOrEqual(SITUATION_WORDS);
      await page.locator('details.more > summary').click();
      const offered = page.locator('[data-deal][data-status="pending"]');
      expect(await offered.locator('.deal-head').textContent()).toContain('proposed it to you');
      await offered.locator('textarea[name="reason"]').fill('A recount is what we asked for.');
      await offered.locator('[data-deal-accept]').click();
      await page.locator('[data-deal][data-status="accepted"]').waitFor();
      // Answered: nothing waits any more.
      expect(await alert.count()).toBe(0);
      expect(await page.locator('[data-deal-standing]').textContent()).toBe('1 agreement stands.');
      await confirm(page);

      // The Prime Minister's next screen: the deal, with the Framework's reason; it stands, or says who broke it
      // (the Framework's supporters back in the street break it: the scenario's rule, by the option the player took).
      await toTurn(page, 4);
      await page.locator('details.more > summary').click();
      const deal = page.locator('[data-deal]').filter({ hasText: 'A recount is what we asked for.' });
      const status = await deal.getAttribute('data-status');
      expect(['accepted', 'broken']).toContain(status);
      expect(await deal.locator('[data-deal-status]').textContent()).toMatch(
        status === 'accepted' ? /^Accepted in turn 3\.$/ : /^Accepted, then broken by .+ in turn 3\.$/,
      );
      expect(problems).toEqual([]);
    });
  });
});
