// Pass-and-play never shows a private screen to the wrong player: a page restored from the back/forward cache
// (Back, Forward), a reload or a new tab of the same address opens on a screen that holds only the public
// picture. Playwright turns the back/forward cache off by default (--disable-back-forward-cache), which would
// make Back and Forward reload the page and this test vacuous: here Chromium runs with the cache on, and the
// test asserts that the page really came back from it (pageshow with persisted).
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browser/chromium.ts';
import { gamePage } from './support/game-page.ts';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
});

afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    /** every pageshow's persisted, in the order they came, for the document's whole life */
    passShows?: boolean[];
  }
}

/** Records, in every document of the page, whether each pageshow came from the back/forward cache. */
async function recordPageShows(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.passShows = [];
    window.addEventListener('pageshow', (e) => window.passShows?.push(e.persisted));
  });
}

// A page restored from the cache fires no load event: Back and Forward wait for the commit, then for the pageshow.
const lastShowPersisted = async (page: Page) => {
  await page.waitForFunction(() => (window.passShows?.length ?? 0) > 0);
  return page.evaluate(() => window.passShows?.at(-1) ?? null);
};

/** What of a private screen is in the page: none of it may be there after leaving and coming back. */
async function privateTraces(page: Page, pick: string) {
  const html = await page.content();
  return {
    screen: await page.evaluate(() => document.body.dataset.passScreen ?? null),
    options: await page.locator('[data-option]').count(),
    pressed: await page.locator('[aria-pressed="true"]').count(),
    // The private screen: its room, and the player's name above its heading.
    seat: await page.locator('.class-seat, [data-first-sight], [data-intent="confirm-decision"]').count(),
    name: await page.locator('.eyebrow', { hasText: 'Prime Minister' }).count(),
    // The option picked, by its label and by its id.
    pick: html.includes(pick),
  };
}

const NONE = { options: 0, pressed: 0, seat: 0, name: 0, pick: false };

/** Shows the Prime Minister's private screen and presses a pick; returns the pick's label. */
async function pickOnPrivateScreen(page: Page): Promise<string> {
  await page.locator('[data-pass="show"]').click();
  await page.waitForSelector('body[data-pass-screen="private"]');
  expect(await page.locator('.class-seat .eyebrow').textContent()).toContain('Prime Minister');
  const option = page.locator('[data-option]:not([disabled])').first();
  await option.click();
  expect(await option.getAttribute('aria-pressed')).toBe('true');
  const label = ((await option.locator('.option__label').textContent()) ?? '').trim();
  expect(label.length).toBeGreaterThan(0);
  return label;
}

describe('pass-and-play with the back/forward cache on', () => {
  it('opens on a hand-over after Back, Forward, a reload and in a new tab, never on the private screen', async () => {
    const game = await gamePage(browser, baseUrl, { width: 390, height: 844 });
    const { page, context, problems } = game;
    try {
      await recordPageShows(page);
      // A page before the game, for Back to reach and Forward to come back from.
      await game.open('class.html?pack');
      await game.open('class.html?pass');
      await page.locator('[data-pass-seat="pm"]').check();
      await page.locator('[data-pass-seat="sadrists"]').check();
      await page.getByRole('button', { name: 'Start a new game' }).click();
      await page.waitForSelector('body[data-pass-screen="handOver"]');
      expect(await page.locator('h1').textContent()).toContain('Prime Minister');
      const gameUrl = page.url();

      // Away and Back: the page comes from the cache on the Prime Minister's hand-over.
      let pick = await pickOnPrivateScreen(page);
      await game.open('class.html?pack');
      await game.history('back');
      await page.waitForSelector('body[data-pass-screen]');
      expect(await lastShowPersisted(page)).toBe(true);
      expect(await privateTraces(page, pick)).toEqual({ screen: 'handOver', ...NONE });
      expect(await page.locator('h1').textContent()).toMatch(/^Pass the device to: .*Prime Minister/);

      // Back to the page before, then Forward: from the cache again, on the hand-over.
      pick = await pickOnPrivateScreen(page);
      await game.history('back');
      await page.waitForURL((u) => u.search === '?pack', { waitUntil: 'commit' });
      await game.history('forward');
      await page.waitForSelector('body[data-pass-screen]');
      expect(await lastShowPersisted(page)).toBe(true);
      expect(await privateTraces(page, pick)).toEqual({ screen: 'handOver', ...NONE });
      expect(await page.locator('h1').textContent()).toMatch(/^Pass the device to: .*Prime Minister/);

      // A reload: the setup, holding nothing private; the game goes on at the same player's hand-over.
      pick = await pickOnPrivateScreen(page);
      await game.reload();
      await page.getByRole('button', { name: 'Continue the game on this device' }).waitFor();
      expect(await privateTraces(page, pick)).toEqual({ screen: null, ...NONE });
      await page.getByRole('button', { name: 'Continue the game on this device' }).click();
      await page.waitForSelector('body[data-pass-screen="handOver"]');
      expect(await page.locator('h1').textContent()).toMatch(/^Pass the device to: .*Prime Minister/);

      // A new tab of the same address while the first shows a private screen: nothing private either.
      pick = await pickOnPrivateScreen(page);
      const second = await context.newPage();
      second.on('pageerror', (e) => problems.push(`uncaught (new tab): ${e.message}`));
      await second.goto(gameUrl);
      await second.getByRole('button', { name: 'Continue the game on this device' }).waitFor();
      expect(await privateTraces(second, pick)).toEqual({ screen: null, ...NONE });
      await second.getByRole('button', { name: 'Continue the game on this device' }).click();
      await second.waitForSelector('body[data-pass-screen="handOver"]');
      expect(await privateTraces(second, pick)).toEqual({ screen: 'handOver', ...NONE });
      expect(await second.locator('h1').textContent()).toMatch(/^Pass the device to: .*Prime Minister/);
      await second.close();

      // The game still plays on after all this: the pick is made again and confirmed.
      await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
      await page.waitForSelector('body[data-pass-screen="handOver"]');
      expect(await page.locator('h1').textContent()).toContain('Sadrist');
      expect(problems).toEqual([]);
    } finally {
      await game.close();
    }
  }, 120_000);
});
