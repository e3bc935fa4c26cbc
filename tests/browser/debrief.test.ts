// The debrief explains the game just played, on a laptop and on a phone: why this ending, the player's goals
// met or not, a chart that switches from one indicator to another (with the model's historical path), this game
// beside history date by date, and nothing wider than the screen.
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
        const otherId = await other.getAttribute('data-indicator');
        await other.click();
        // The panel is patched in place: the button just pressed is the same element, and keeps the focus.
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-indicator'))).toBe(
          otherId,
        );
        expect(await pressed.textContent()).toBe(otherLabel);
        expect(otherLabel).not.toBe(first);
        expect(await page.locator('#debrief-chart .chart-showing').textContent()).toContain(otherLabel);
        await page.waitForTimeout(200);
        expect((await canvas.screenshot()).equals(before)).toBe(false);

        // The model's historical path: named on the panel as what the model gives, not as what happened.
        expect(await page.locator('#debrief-chart .chart-historical').textContent()).toMatch(
          /Historical path \(the model\).*not a measurement of what happened/,
        );

        // This game beside history: one row per turn date, each with the player's choice and what the real actor
        // did (cited) or "Not reported in the sources"; on 7 November, who launched the drones is unknown.
        const table = page.locator('#debrief-path table.path-table');
        await table.scrollIntoViewIfNeeded();
        expect(await table.isVisible()).toBe(true);
        const rows = table.locator('tbody tr:not(.path__context)');
        expect(await rows.count()).toBe(10);
        expect(await rows.nth(4).locator('td').nth(2).textContent()).toMatch(
          /calm and restraint from everyone/,
        );
        expect(await table.locator('tbody').textContent()).toContain('Not reported in the sources');
        expect(await table.locator('.path__context').first().textContent()).toMatch(
          /Who launched the drones is unknown/,
        );
        // Not cut: every cell of the table lies inside the panel and shows all its text.
        const cut = await page.evaluate(() => {
          const panel = document.querySelector('#ui')!.getBoundingClientRect();
          return [...document.querySelectorAll('#debrief-path .path-table th, #debrief-path .path-table td')]
            .filter((cell) => (cell as HTMLElement).offsetParent !== null)
            .filter((cell) => {
              const r = cell.getBoundingClientRect();
              // The header row is visually hidden on a phone (the cells name their columns): not a cut cell.
              if (cell.closest('thead') && getComputedStyle(cell.closest('thead')!).clipPath !== 'none')
                return false;
              return (
                r.left < panel.left - 1 ||
                r.right > panel.right + 1 ||
                r.right > window.innerWidth + 1 ||
                cell.scrollWidth > cell.clientWidth + 1
              );
            })
            .map((cell) => cell.textContent?.slice(0, 40));
        });
        expect(cut).toEqual([]);

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

        // The table beside history, for the record of this change (not committed): the panel at its heading.
        await page.evaluate(() => {
          const ui = document.querySelector('#ui');
          const heading = document.querySelector('#debrief-path-heading');
          if (ui && heading)
            ui.scrollTop += heading.getBoundingClientRect().top - ui.getBoundingClientRect().top - 8;
        });
        await page.screenshot({ path: `/tmp/debrief-${viewport.width}.png` });
        await game.shot(`debrief-history-${size}`);
        expect(game.problems).toEqual([]);
        // From the debrief, the replay of this game (the one saved on this device), turn by turn.
        if (viewport.width === 1280) {
          await page.locator('[data-replay-link]').click();
          await page.locator('[data-replay-where]').waitFor();
          expect(await page.locator('[data-replay-where]').textContent()).toBe(
            'Turn 1 of 10: 10 October 2021',
          );
          await page.locator('#replay-as').selectOption('pm');
          expect(await page.locator('[data-option][aria-pressed="true"]').count()).toBe(1);
        }
      }, viewport);
    });
  }
});
