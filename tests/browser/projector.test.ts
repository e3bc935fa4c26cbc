// The projector at 1920×1080, as the back row of a 9-metre room reads it on a 100-inch screen: every text at least
// 48 px (the code and the ending larger), nothing to scroll, the whole wall used, and "N more" when the news does
// not fit. A room with one team, several injects fired from the console, then played to its end.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-projector-', inject('distDir')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function device(width: number, height: number, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

interface Wall {
  scroll: number;
  small: { text: string; size: number }[];
  code: number;
  body: number;
  ending: number | null;
  bottom: number;
  /** Pixels of the news list hidden below its box (a headline cut off). */
  cut: number;
}

/** Every visible element with its own text: its computed font size; and how the page fills the viewport. */
function measure(page: Page): Promise<Wall> {
  return page.evaluate(() => {
    const main = document.querySelector('main.class-projector')!;
    const texts = [...main.querySelectorAll<HTMLElement>('*')].filter((e) => {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const r = e.getBoundingClientRect();
      return own && r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
    });
    const size = (e: Element | null) => (e ? Number.parseFloat(getComputedStyle(e).fontSize) : 0);
    const ending = main.querySelector('.projector-outcome strong');
    return {
      scroll: Math.max(
        document.documentElement.scrollHeight - innerHeight,
        document.documentElement.scrollWidth - innerWidth,
      ),
      small: texts
        .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), size: size(e) }))
        .filter((t) => t.size < 48),
      code: size(main.querySelector('.projector-code')),
      body: size(main.querySelector('.projector-news li span')),
      ending: ending ? size(ending) : null,
      bottom: Math.max(...texts.map((e) => e.getBoundingClientRect().bottom)),
      cut: (() => {
        const list = main.querySelector('.projector-news ul');
        return list ? list.scrollHeight - list.clientHeight : 0;
      })(),
    };
  });
}

describe('the projector at 1920×1080', () => {
  it('reads from the back of the room, fills the wall and says how many more reports there are', async () => {
    const facilitator = await device(1280, 900, '/class');
    await facilitator.getByRole('button', { name: /Open a room/ }).click();
    await facilitator.locator('#seat-pm').selectOption('person');
    await facilitator.locator('#seat-sadrists').selectOption('computer');
    await facilitator.locator('#seat-framework').selectOption('computer');
    await facilitator.locator('#room-seed').fill('20211107');
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const code = ((await facilitator.locator('h1').textContent()) ?? '').replace('Room ', '');

    const projector = await device(1920, 1080, `/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');

    const link = await facilitator.locator('[data-seat-link="pm"]').getAttribute('href');
    const url = new URL(link!);
    const student = await device(360, 640, url.pathname + url.hash);
    await student.fill('#join-name', 'Zainab');
    await student.getByRole('button', { name: 'Join the class' }).click();
    await student.waitForSelector('body[data-class-view="seat"]');
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    await student.waitForSelector('[data-seat-status="deciding"]');

    // The facilitator fires eight of the scenario's events now: more headlines than the wall holds.
    for (let i = 0; i < 8; i++) {
      const summary = facilitator.locator('summary', { hasText: 'Injects' });
      if ((await facilitator.locator('details:has(.inject-list)').getAttribute('open')) === null)
        await summary.click();
      await facilitator.locator('.inject-list button', { hasText: 'Fire now' }).first().click();
      await facilitator.waitForFunction(
        (n) => document.querySelectorAll('.inject-list li:has(.hint)').length >= n,
        i + 1,
      );
    }
    await projector.waitForSelector('.projector-more');
    const more = Number(await projector.locator('.projector-more').getAttribute('data-more'));
    const shown = await projector.locator('.projector-news li').count();
    expect(more).toBeGreaterThan(0);
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(await projector.locator('.projector-more').textContent()).toBe(
      `and ${more} more report${more === 1 ? '' : 's'}`,
    );

    await projector.screenshot({ path: join(SHOTS, 'projector-1920x1080.png') });
    const wall = await measure(projector);
    expect(wall.small).toEqual([]);
    expect(wall.scroll).toBeLessThanOrEqual(0);
    expect(wall.cut).toBeLessThanOrEqual(0);
    expect(wall.body).toBeGreaterThanOrEqual(48);
    expect(wall.code).toBeGreaterThan(wall.body);
    expect(wall.bottom).toBeGreaterThan(0.85 * 1080);
    // No student's name on the wall.
    expect(await projector.locator('main').textContent()).not.toContain('Zainab');

    // Played to the end: the ending is larger than the body, and the wall still fits.
    for (let turn = 0; turn < 12; turn++) {
      if ((await student.locator('.seat-bar').getAttribute('data-ended')) === 'true') break;
      const status = await student.locator('[data-seat-status]').getAttribute('data-seat-status');
      if (status === 'deciding') {
        const before = await student.locator('.seat-bar').getAttribute('data-turn');
        const option = student.locator('[data-option]:not([disabled])').first();
        const id = await option.getAttribute('data-option');
        await option.click();
        await student.locator(`[data-option="${id}"][aria-pressed="true"]`).waitFor();
        await student.locator('[data-intent="confirm-decision"]:not([disabled])').click();
        await student
          .locator(`.seat-bar:not([data-turn="${before}"]), .seat-bar[data-ended="true"]`)
          .first()
          .waitFor();
      } else {
        await student.waitForTimeout(200);
      }
    }
    await projector.waitForSelector('.projector-outcome');
    await projector.screenshot({ path: join(SHOTS, 'projector-1920x1080-ended.png') });
    const end = await measure(projector);
    expect(end.small).toEqual([]);
    expect(end.scroll).toBeLessThanOrEqual(0);
    expect(end.cut).toBeLessThanOrEqual(0);
    expect(end.ending).toBeGreaterThan(end.body);
    expect(end.bottom).toBeGreaterThan(0.85 * 1080);
    expect(errors).toEqual([]);
  }, 120_000);
});
