// Pass-and-play ends as a solo game does: a short game of two players is played to its end through the page, and
// its end shows the solo debrief for the table (every player's goals, one player's whole debrief at a time, this
// game beside history and the model's historical path), the record to save, and the replay of that same record.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useGameBrowser } from './support/game-page.ts';

const withGame = useGameBrowser();
/** One device passed round the table: a phone. */
const PHONE = { width: 390, height: 844 };

type Picks = Record<string, { turn: number; label: string }[]>;

/** Plays to the end: each player takes the first open option; returns what each chose, turn by turn. */
async function playToEnd(page: Page): Promise<Picks> {
  const picks: Picks = { pm: [], sadrists: [] };
  for (let step = 0; step < 60; step++) {
    const screen = await page.waitForFunction(() => {
      const s = document.body.dataset.passScreen;
      return s === 'handOver' || s === 'resolved' || s === 'ended' ? s : null;
    });
    const value = await screen.jsonValue();
    if (value === 'ended') return picks;
    if (value === 'resolved') {
      await page.locator('[data-pass="next"]').click();
      continue;
    }
    const who = (await page.locator('h1').textContent())?.includes('Prime Minister') ? 'pm' : 'sadrists';
    await page.locator('[data-pass="show"]').click();
    await page.waitForSelector('body[data-pass-screen="private"]');
    const turn = Number((await page.locator('main h1').textContent())?.match(/^Turn (\d+) of/)?.[1]);
    const option = page.locator('[data-option]:not([disabled])').first();
    picks[who]!.push({ turn, label: ((await option.locator('.option__label').textContent()) ?? '').trim() });
    await option.click();
    await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
    await page.waitForFunction(() => document.body.dataset.passScreen !== 'private');
  }
  throw new Error('the game did not end in 60 screens');
}

/** The "Your choice" column of the debrief's "This game beside history", by turn (1-based). */
async function choicesBesideHistory(page: Page): Promise<string[]> {
  return page
    .locator('#debrief-path tbody tr:not(.path__context) .path__yours > span:first-child')
    .allTextContents();
}

describe('pass-and-play to its end', () => {
  it('shows the solo debrief for the table, saves the record and replays the same game', async () => {
    await withGame(
      async (game) => {
        const { page, problems } = game;
        await game.open('class.html?pass');
        await page.locator('[data-pass-seat="pm"]').check();
        await page.locator('[data-pass-seat="sadrists"]').check();
        await page.getByRole('button', { name: 'Start a new game' }).click();
        const picks = await playToEnd(page);
        expect(picks.pm!.length).toBeGreaterThan(0);
        expect(picks.sadrists!.length).toBeGreaterThan(0);

        // The solo debrief's parts, under the ending's heading, which has the focus.
        const h1 = page.locator('main h1');
        expect(await h1.count()).toBe(1);
        const title = ((await h1.textContent()) ?? '').replace(/^Outcome: /, '');
        expect(await h1.textContent()).toMatch(/^Outcome: .+/);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        const headings = await page.locator('main h2').allTextContents();
        for (const heading of [
          'The players’ goals',
          'Why this ending',
          'Your goals',
          'The indicators over the turns',
          'This game beside history',
          'The other endings',
          'Sources',
        ])
          expect(headings).toContain(heading);
        // Every player's goals together, met or missed.
        expect(await page.locator('[data-pass-goals]').count()).toBe(2);
        expect(await page.locator('[data-pass-goals="pm"] strong').textContent()).toMatch(
          /Prime Minister.*: \d+ of \d+ goals met$/,
        );

        // This game beside history, as the Prime Minister played it; and the model's historical path on the chart.
        expect(await page.locator('.pass-debrief .eyebrow').first().textContent()).toContain(
          'Prime Minister',
        );
        let choices = await choicesBesideHistory(page);
        expect(choices).toHaveLength(10);
        for (const p of picks.pm!) expect(choices[p.turn - 1]).toBe(p.label);
        expect(((await page.locator('.chart-historical').textContent()) ?? '').length).toBeGreaterThan(20);
        expect(await page.locator('#debrief-chart .row--historical').count()).toBeGreaterThan(0);

        // Play again and Back lead to this device's setup and to the page before, not to the solo title.
        expect(await page.locator('[data-intent="quit-to-title"]').textContent()).toBe('Back');
        expect(await page.locator('[data-replay-link]').count()).toBe(0);

        // The other player's debrief, chosen from the switch, which keeps the focus.
        await page.locator('[data-pass-debrief="sadrists"]').click();
        expect(await page.locator('.pass-debrief .eyebrow').first().textContent()).toContain('Sadrist');
        expect(await page.locator('[data-pass-debrief="sadrists"]').getAttribute('aria-pressed')).toBe(
          'true',
        );
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pass-debrief'))).toBe(
          'sadrists',
        );
        choices = await choicesBesideHistory(page);
        for (const p of picks.sadrists!) expect(choices[p.turn - 1]).toBe(p.label);
        await game.shot('pass-end-debrief');
        // On the phone the table passes round: nothing wider than its screen.
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.view);

        // The record, saved as a file: the game kept on this device, command for command.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-pass-record]').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^crisis-table-baghdad-2021-\d+\.json$/);
        const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
        const kept = JSON.parse(
          (await page.evaluate(() => localStorage.getItem('crisis-table.pass.baghdad-2021'))) ?? 'null',
        );
        expect(file).toEqual(kept);
        const record = file.record ?? file;
        expect(record.entries.length).toBeGreaterThan(20);

        // The replay opens on the same record, and its last step names the same ending.
        const [replay] = await Promise.all([
          page.waitForEvent('popup'),
          page.locator('[data-pass-replay]').click(),
        ]);
        await replay.locator('[data-replay-where]').waitFor();
        const main = replay.locator('main.class-replay');
        expect(await main.getAttribute('data-record-seed')).toBe(String(record.seed));
        expect(await main.getAttribute('data-record-commands')).toBe(String(record.entries.length));
        expect(await replay.locator('[data-replay-where]').textContent()).toBe(
          'Turn 1 of 10: 10 October 2021',
        );
        const last = await replay.locator('#replay-step').getAttribute('max');
        await replay.locator('#replay-step').fill(String(last));
        await expect
          .poll(() => replay.locator('[data-replay-where]').textContent())
          .toBe(`Where the game ended: ${title}`);
        await replay.close();
        expect(problems).toEqual([]);
      },
      PHONE,
      { hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
    );
  }, 180_000);
});
