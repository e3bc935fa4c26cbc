// A teacher who opens /class again is offered the rooms this browser runs, the one used last first, each a link to
// its console; a room the server does not know is not offered. A phone at the seat of a room shows "Closed" beside a
// closed option as one word on one line, at 390 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';
import { expectClosedBadgesOnOneLine } from './support/closed-badges.ts';

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-rooms-', inject('distDir')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function page(context: BrowserContext, path: string): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await p.goto(base + path);
  return p;
}

/** Opens a room from /class with the Prime Minister's seat for a person; returns its code. */
async function openRoom(facilitator: Page): Promise<string> {
  await facilitator.goto(`${base}/class`);
  await facilitator.getByRole('button', { name: /Open a room/ }).click();
  await facilitator.locator('#seat-pm').selectOption('person');
  await facilitator.getByRole('button', { name: 'Open the room' }).click();
  await facilitator.waitForSelector('body[data-class-view="console"]');
  return ((await facilitator.locator('h1').textContent()) ?? '').replace('Room ', '');
}

describe('the class page for a teacher who comes back', () => {
  it('offers the rooms this browser runs, newest first, and opens the console of the one clicked', async () => {
    const teacher = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const facilitator = await page(teacher, '/class');
    // A fresh browser runs no room: nothing is offered.
    await facilitator.locator('#join-code').waitFor();
    expect(await facilitator.locator('[data-room-offered]').count()).toBe(0);

    const first = await openRoom(facilitator);
    const second = await openRoom(facilitator);
    expect(second).not.toBe(first);
    // A key kept for a room this server never had: the room is not offered.
    await facilitator.evaluate(() =>
      localStorage.setItem(
        'crisis-table.class.facilitator.ZZZZZZ',
        JSON.stringify({ code: 'ZZZZZZ', role: 'facilitator', key: 'unknown', keptAt: Date.now() + 1000 }),
      ),
    );

    await facilitator.goto(`${base}/class`);
    await facilitator.locator(`[data-room-offered="${first}"]`).waitFor();
    const offered = await facilitator
      .locator('[data-room-offered]')
      .evaluateAll((links) => links.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    expect(offered).toEqual([
      { text: `Room ${second} — Open the console`, href: `/class/${second}` },
      { text: `Room ${first} — Open the console`, href: `/class/${first}` },
    ]);
    expect(await facilitator.getByRole('heading', { name: 'Your open rooms' }).count()).toBe(1);

    await facilitator.locator(`[data-room-offered="${first}"]`).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    expect(await facilitator.locator('h1').textContent()).toBe(`Room ${first}`);
    expect(new URL(facilitator.url()).pathname).toBe(`/class/${first}`);

    // A phone takes the Prime Minister's seat of that room; once the game starts, "Closed" stays one word.
    const link = await facilitator.locator('[data-seat-link="pm"]').getAttribute('href');
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const url = new URL(link!);
    const phone = await page(phoneContext, url.pathname + url.hash);
    await phone.getByRole('button', { name: 'Join the class' }).click();
    await phone.waitForSelector('body[data-class-view="seat"]');
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    await phone.waitForSelector('[data-seat-status="deciding"]');
    await expectClosedBadgesOnOneLine(phone);
    expect(errors).toEqual([]);
    await phoneContext.close();
    await teacher.close();
  }, 180_000);
});
