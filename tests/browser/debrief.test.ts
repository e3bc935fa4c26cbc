// The debrief explains the game just played, on a laptop and on a phone: why this ending, the player's goals
// met or not, a chart that switches from one indicator to another, and nothing wider than the screen.
import { describe, expect, it } from 'vitest';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { useGameBrowser } from './support/game-page.ts';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 360, height: 640 },
] as const;

describe('the debrief', () => {
  const withGame = useGameBrowser();

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    it(`explains the ending, the goals and the chart at ${size}`, async () => {
      await withGame(async (game) => {
        const { page } = game;
        await game.open('?renderer=canvas&seed=5');
        await playByKeyboard(page, { perspective: 1 });
        expect(await page.locator('h1').first().textContent()).toMatch(/^Outcome: /);

        // Why this ending: at least one deciding indicator, stated with its value against the threshold.
        const why = page.locator('#debrief-why');
        expect(await why.getByRole('heading', { name: 'Why this ending' }).count()).toBe(1);
        const deciding = await why.locator('.deciding-list li').allTextContents();
        expect(deciding.length).toBeGreaterThan(0);
        for (const line of deciding) expect(line).toMatch(/stood at \d+, (past|short of) .*threshold/);

        // The goals: one line per goal of the Prime Minister, each met, not met or unknown.
        const goals = await page.locator('#debrief-goals .goal-list li').allTextContents();
        expect(goals.length).toBeGreaterThanOrEqual(3);
        for (const goal of goals) expect(goal).toMatch(/(Met|Not met): from \d+ to \d+|Unknown to you/);

        // The chart: one indicator pressed; pressing another moves the press, says so, and redraws the canvas.
        const pressed = page.locator('#debrief-chart button[aria-pressed="true"]');
        expect(await pressed.count()).toBe(1);
        const first = await pressed.textContent();
        const canvas = page.locator('#stage canvas');
        const before = await canvas.screenshot();
        const other = page.locator('#debrief-chart button[aria-pressed="false"]').first();
        const otherLabel = (await other.textContent()) ?? '';
        await other.click();
        expect(await pressed.textContent()).toBe(otherLabel);
        expect(otherLabel).not.toBe(first);
        expect(await page.locator('#debrief-chart .chart-showing').textContent()).toContain(otherLabel);
        await page.waitForTimeout(200);
        expect((await canvas.screenshot()).equals(before)).toBe(false);

        // Nothing wider than the screen: neither the page nor the panel scrolls sideways.
        const widths = await page.evaluate(() => {
          const ui = document.querySelector('#ui');
          return {
            page: document.documentElement.scrollWidth,
            view: window.innerWidth,
            ui: ui ? ui.scrollWidth - ui.clientWidth : 0,
          };
        });
        expect(widths.page).toBeLessThanOrEqual(widths.view);
        expect(widths.ui).toBeLessThanOrEqual(0);

        // Scroll the panel alone (the page itself does not scroll) to "Why this ending" for the screenshot.
        await page.evaluate(() => {
          const ui = document.querySelector('#ui');
          const heading = document.querySelector('#debrief-why-heading');
          if (ui && heading)
            ui.scrollTop += heading.getBoundingClientRect().top - ui.getBoundingClientRect().top - 8;
        });
        // The sound captions fade after a few seconds; the screenshot shows the chart without them.
        await page.locator('.caption').first().waitFor({ state: 'detached', timeout: 10_000 });
        await game.shot(`debrief-${size}`);
        expect(game.problems).toEqual([]);
      }, viewport);
    });
  }
});
