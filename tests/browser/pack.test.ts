// The teacher's pack in the game, printed as a browser's "Save as PDF" prints it: a role card a page, nothing cut.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("the teacher's pack", () => {
  it('shows the plans, the questions and a role card per actor, and prints them with no text cut', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${inject('baseUrl')}/class.html?pack`);
    await page.getByRole('heading', { name: 'The teacher’s pack' }).waitFor();
    expect(await page.locator('[data-role-card]').count()).toBe(5);
    expect(await page.locator('[data-plan]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-about="perpetrator"]').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'pack-1280x720.png') });
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, p, li')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 1)
        .map((e) => e.textContent?.slice(0, 40)),
    );
    expect(cut).toEqual([]);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // The plans and questions, then one page (or more) per role card.
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
