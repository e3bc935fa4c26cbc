// A class in Arabic (issue 20), in real browsers: the facilitator opens the room in Arabic, the projector (on a
// device set to English) shows the room's language, and an Arabic phone and an English phone play their seats of
// the same room to the debrief, each in its own language: the scenario's texts and the server's sentences alike.
// The console, the projector (1920x1080) and the Arabic phone (390x844) are checked as every Arabic screen is (no
// text overflowing, axe-core clean) and saved to test-results/browser/arabic/ beside the solo game's screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';
import { axeViolations, clipped } from './support/arabic-checks.ts';
import { SHOTS } from './support/game-page.ts';

const AR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/present/i18n/ar-IQ.json'), 'utf8'),
) as Record<string, string>;
const EN = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/present/i18n/en.json'), 'utf8'),
) as Record<string, string>;
const ARABIC_LETTER = /[\u0621-\u064A]/;
const FOLDER = join(SHOTS, 'arabic');
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1920, height: 1080 };

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-arabic-class-', inject('distDir')));
  browser = await launchChromium();
  mkdirSync(FOLDER, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function device(
  viewport: { width: number; height: number },
  locale: string,
  path: string,
): Promise<Page> {
  // The server's pages forbid inline scripts (its CSP): the test lets itself inject axe-core all the same.
  const context = await browser.newContext({ viewport, locale, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

/** The checks every Arabic screen passes, and its screenshot. */
async function arabicScreen(page: Page, name: string, viewport: { width: number; height: number }) {
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    'ar-IQ',
    'rtl',
  ]);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(FOLDER, `${name}-${viewport.width}x${viewport.height}.png`) });
  expect({ name, clipped: await clipped(page) }).toEqual({ name, clipped: [] });
  expect({ name, axe: await axeViolations(page) }).toEqual({ name, axe: [] });
}

/** Decides for the phone's team if its seat is deciding in turn `turn`; returns once it has, or the game moved on. */
async function decide(page: Page, turn: number): Promise<void> {
  await page.waitForFunction((t) => {
    const bar = document.querySelector('.seat-bar');
    return bar && (Number(bar.getAttribute('data-turn')) >= t || bar.getAttribute('data-ended') === 'true');
  }, turn);
  const bar = page.locator('.seat-bar');
  if ((await bar.getAttribute('data-ended')) === 'true') return;
  if (Number(await bar.getAttribute('data-turn')) > turn) return;
  if ((await page.locator('[data-seat-status]').getAttribute('data-seat-status')) !== 'deciding') return;
  const option = page.locator('[data-option]:not([disabled])').first();
  const id = await option.getAttribute('data-option');
  await option.click();
  await page.locator(`[data-option="${id}"][aria-pressed="true"]`).waitFor();
  await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
  await page
    .locator(
      `[data-seat-status="submitted"], .seat-bar:not([data-turn="${turn}"]), .seat-bar[data-ended="true"]`,
    )
    .first()
    .waitFor();
}

/** A phone joins its team's seat by the link the console gives the team. */
async function seatPhone(facilitator: Page, seat: string, locale: string): Promise<Page> {
  const link = await facilitator.locator(`[data-seat-link="${seat}"]`).getAttribute('href');
  const url = new URL(link!);
  const phone = await device(PHONE, locale, url.pathname + url.hash);
  await phone.locator('#classroom form button[type="submit"]').click();
  await phone.waitForSelector('body[data-class-view="seat"]');
  return phone;
}

describe('a class in Arabic', () => {
  it('plays to the debrief with the room in Arabic, an Arabic phone and an English phone', async () => {
    const facilitator = await device(WIDE, 'ar-IQ', '/class');
    await facilitator.getByRole('button', { name: AR['start.openRoom'] }).click();
    for (const seat of ['pm', 'sadrists', 'framework', 'iran', 'us'])
      await facilitator
        .locator(`#seat-${seat}`)
        .selectOption(seat === 'pm' || seat === 'sadrists' ? 'person' : 'computer');
    await facilitator.locator('#room-seed').fill('20261207');
    // The room's language is offered, the facilitator's own by default.
    expect(await facilitator.locator('#room-language').inputValue()).toBe('ar-IQ');
    await facilitator.getByRole('button', { name: AR['openRoom.open'] }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const code = /[A-HJ-NP-Z]{6}/.exec((await facilitator.locator('h1').textContent()) ?? '')?.[0];
    expect(code).toBeDefined();

    // The projector is on a device set to English: it shows the room's language all the same.
    const projector = await device(WIDE, 'en-GB', `/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');
    await projector.waitForFunction(() => document.documentElement.lang === 'ar-IQ');

    const arPhone = await seatPhone(facilitator, 'pm', 'ar-IQ');
    const enPhone = await seatPhone(facilitator, 'sadrists', 'en-GB');
    expect(await enPhone.evaluate(() => document.documentElement.lang)).toBe('en');
    await facilitator.getByRole('button', { name: AR['console.start'] }).click();
    for (const phone of [arPhone, enPhone]) await phone.waitForSelector('[data-seat-status="deciding"]');

    // Each phone reads its own language: the server's sentences (the status line) and the scenario's texts.
    const status = (page: Page) => page.locator('[data-seat-status]').textContent();
    expect(await status(arPhone)).toBe(AR['seatStatus.deciding']);
    expect(await status(enPhone)).toBe(EN['seatStatus.deciding']);
    expect(await arPhone.locator('main h1, main h2').first().textContent()).toMatch(ARABIC_LETTER);
    expect(await enPhone.locator('#classroom main').textContent()).not.toMatch(ARABIC_LETTER);
    await arabicScreen(arPhone, 'class-seat', PHONE);
    await arabicScreen(facilitator, 'class-console', WIDE);
    await arabicScreen(projector, 'class-projector', WIDE);
    expect(await projector.locator('.projector-title').textContent()).toMatch(ARABIC_LETTER);

    for (let turn = 0; turn < 12; turn++) {
      if ((await arPhone.locator('.seat-bar').getAttribute('data-ended')) === 'true') break;
      await Promise.all([decide(arPhone, turn), decide(enPhone, turn)]);
    }
    for (const phone of [arPhone, enPhone])
      await phone.waitForSelector('.seat-bar[data-ended="true"]', { timeout: 60_000 });
    // The seat's own debrief, each in its language.
    expect(await arPhone.getByRole('heading', { name: AR['debrief.path'] }).count()).toBe(1);
    expect(await enPhone.getByRole('heading', { name: EN['debrief.path'] }).count()).toBe(1);
    expect(await enPhone.locator('#classroom main').textContent()).not.toMatch(ARABIC_LETTER);
    await arabicScreen(arPhone, 'class-debrief', PHONE);
    await projector.waitForSelector('.projector-outcome');
    expect(await projector.locator('.projector-outcome').textContent()).toMatch(ARABIC_LETTER);
    // The wall's own words are the room's language too: "and N more reports" is said in Arabic.
    const more = projector.locator('.projector-more');
    if ((await more.count()) > 0) expect(await more.textContent()).toMatch(ARABIC_LETTER);
    await arabicScreen(projector, 'class-projector-ended', WIDE);
    await arabicScreen(facilitator, 'class-console-ended', WIDE);
    expect(errors).toEqual([]);
  }, 600_000);
});
