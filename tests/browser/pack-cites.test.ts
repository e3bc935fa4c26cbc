// The teacher's pack says once that its plans, notes and questions are the game's own, instead of "(Invented for the
// game)" after every step (play-test-2 A15); a role card, handed to a team on its own, still cites every text.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("the teacher's pack, its sources", () => {
  it('names the game as the author once, and cites every text of a role card', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${inject('baseUrl')}/class.html?pack`);
    await page.getByRole('heading', { name: 'The teacher’s pack' }).waitFor();
    expect(await page.locator('.pack-own').textContent()).toMatch(
      /^The goals, plans, notes and questions below/,
    );
    const plans = (await page.locator('[data-plan]').allTextContents()).join('\n');
    expect(plans.length).toBeGreaterThan(500);
    expect(plans).not.toContain('Invented for the game');
    expect((await page.locator('[data-about]').allTextContents()).join('\n')).not.toContain(
      'Invented for the game',
    );
    // A role card: every paragraph and list item ends with its source in brackets.
    const card = page.locator('[data-role-card]').first();
    const items = await card.locator('p, li').count();
    expect(items).toBeGreaterThan(3);
    expect(await card.locator('p > .pack-cite, li > .pack-cite').count()).toBe(items);
    await page.close();
  });
});
