// The classroom's screens are views of the room while several devices act at once: a facilitator, a projector and
// two phones, each its own browser context. The console keeps a half-typed reason, its focus and its open lists
// while teams decide and an inject fires; an override and a pause reach every open screen without a reload; a new
// turn opens a phone at its top with the focus on the turn's heading. With SCREENSHOTS=dir set, it also saves the
// console mid-turn, a phone at the start of a new turn and the projector.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];
const SCREENS = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : null;

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-live-', inject('distDir')));
  browser = await launchChromium();
  if (SCREENS) mkdirSync(SCREENS, { recursive: true });
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

async function shot(page: Page, name: string): Promise<void> {
  if (SCREENS) await page.screenshot({ path: join(SCREENS, name) });
}

/** What the console's facilitator is in the middle of: the reason typed, the focus, which lists are open. */
function consoleState(page: Page) {
  return page.evaluate(() => ({
    reason: document.querySelector<HTMLInputElement>('#override-reason')?.value,
    value: document.querySelector<HTMLInputElement>('#override-value')?.value,
    focus: document.activeElement?.id,
    injectsOpen: document.querySelector<HTMLDetailsElement>('[data-console-injects]')?.open,
    overrideOpen: document.querySelector<HTMLDetailsElement>('[data-console-override]')?.open,
  }));
}

/** Picks the first open option and confirms it: the team's decision for this turn. */
async function decide(page: Page): Promise<void> {
  const option = page.locator('[data-option]:not([disabled])').first();
  const id = await option.getAttribute('data-option');
  await option.click();
  await page.locator(`[data-option="${id}"][aria-pressed="true"]`).waitFor();
  await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
  await page.locator('[data-seat-status="submitted"]').waitFor();
}

describe('the classroom while several devices act', () => {
  it('keeps the console’s work, and brings every change to every open screen at once', async () => {
    const facilitator = await device(1280, 900, '/class');
    await facilitator.getByRole('button', { name: /Open a room/ }).click();
    for (const seat of ['pm', 'sadrists', 'framework', 'iran', 'us'])
      await facilitator
        .locator(`#seat-${seat}`)
        .selectOption(seat === 'pm' || seat === 'sadrists' ? 'person' : 'computer');
    await facilitator.locator('#room-seed').fill('20261207');
    // The facilitator resolves each turn: the teams' decisions alone do not move the game on.
    await facilitator.locator('#room-auto').uncheck();
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const code = ((await facilitator.locator('h1').textContent()) ?? '').replace('Room ', '');

    const projector = await device(1920, 1080, `/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');
    const phones: Page[] = [];
    for (const seat of ['pm', 'sadrists']) {
      const link = await facilitator.locator(`[data-seat-link="${seat}"]`).getAttribute('href');
      const url = new URL(link!);
      const phone = await device(390, 844, url.pathname + url.hash);
      await phone.getByRole('button', { name: 'Join the class' }).click();
      await phone.waitForSelector('body[data-class-view="seat"]');
      phones.push(phone);
    }
    const [pm, sadrists] = phones as [Page, Page];
    // A teammate at the sadrists' seat, on a phone of their own.
    const teammate = await device(390, 844, `/join/${code}`);
    await teammate.getByRole('button', { name: 'Join the class' }).click();
    await teammate.locator('[data-seat="sadrists"]').click();
    await facilitator.locator('[data-admit]').click();
    await teammate.waitForSelector('body[data-class-view="seat"]');
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    for (const phone of phones) await phone.waitForSelector('[data-seat-status="deciding"]');

    // The facilitator opens the injects and the override, and starts typing a reason: the cursor stays in it.
    await facilitator.locator('[data-console-injects] summary').click();
    await facilitator.locator('[data-console-override] summary').click();
    await facilitator.locator('#override-value').fill('61');
    await facilitator.locator('#override-reason').click();
    await facilitator.keyboard.type('The minister resig');
    const typing = {
      reason: 'The minister resig',
      value: '61',
      focus: 'override-reason',
      injectsOpen: true,
      overrideOpen: true,
    };
    expect(await consoleState(facilitator)).toEqual(typing);

    // Both teams decide at once; the console sees each decision while the facilitator types on.
    await Promise.all(phones.map(decide));
    await facilitator.waitForFunction(() =>
      document.querySelector('#console-game + p')?.textContent?.includes('Every seat has decided'),
    );
    expect(await consoleState(facilitator)).toEqual(typing);
    await facilitator.keyboard.type('ned');
    await shot(facilitator, 'console-mid-turn-1280x900.png');

    // An inject fires (from the list, without taking the focus from the reason): the list stays open.
    const inject = facilitator.locator('[data-inject]').filter({ hasText: 'Fire now' }).first();
    const injectId = await inject.getAttribute('data-inject');
    await inject.getByRole('button', { name: 'Fire now' }).dispatchEvent('click');
    await facilitator.locator(`[data-inject="${injectId}"]`).filter({ hasText: 'has happened' }).waitFor();
    expect(await consoleState(facilitator)).toEqual({ ...typing, reason: 'The minister resigned' });

    // A real click on another "Fire now" keeps the list open and the focus on a button in it.
    const next = facilitator.locator('[data-inject]').filter({ hasText: 'Fire now' }).first();
    const nextId = await next.getAttribute('data-inject');
    await next.getByRole('button', { name: 'At the next resolution' }).click();
    await facilitator
      .locator(`[data-inject="${nextId}"]`)
      .filter({ hasText: 'at the next resolution' })
      .waitFor();
    expect(
      await facilitator.evaluate(() => ({
        open: document.querySelector<HTMLDetailsElement>('[data-console-injects]')?.open,
        inList: !!document.activeElement?.closest('[data-console-injects]'),
        reason: document.querySelector<HTMLInputElement>('#override-reason')?.value,
      })),
    ).toEqual({ open: true, inList: true, reason: 'The minister resigned' });

    // The phone has "More" open, on the indicators, and the focus on an option; the facilitator overrides an
    // indicator the team can see.
    await pm.locator('.view--situation details.more > summary').click();
    const focusedOption = await pm
      .locator('[data-option]:not([disabled])')
      .last()
      .evaluate((b) => {
        (b as HTMLElement).focus({ preventScroll: true });
        return b.getAttribute('data-option');
      });
    const row = pm
      .locator('[data-indicator]')
      .filter({ hasText: / of \d+/ })
      .first();
    const indicator = (await row.getAttribute('data-indicator'))!;
    const before = Number.parseInt((await row.locator('.indicator__value').textContent()) ?? '', 10);
    const after = before >= 50 ? before - 20 : before + 20;
    await facilitator.locator('#override-indicator').selectOption(indicator);
    await facilitator.locator('#override-value').fill(String(after));
    await facilitator.getByRole('button', { name: 'Set it' }).click();
    // At once, without a reload, and with "More" still open where the student had it.
    await pm
      .locator(`[data-indicator="${indicator}"] .indicator__value`)
      .filter({ hasText: new RegExp(`^${after} of`) })
      .waitFor({ timeout: 5000 });
    expect(
      await pm.locator('.view--situation details.more').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    expect(await pm.evaluate(() => document.activeElement?.getAttribute('data-option'))).toBe(focusedOption);
    expect(await facilitator.locator('#override-indicator option:checked').textContent()).toContain(
      `(now ${after})`,
    );

    // A refused command is said at the top of the console and stays while other devices act (a student joins
    // and asks for a seat), until the facilitator's next command.
    await facilitator.locator('#override-value').fill('150');
    await facilitator.getByRole('button', { name: 'Set it' }).click();
    const refusal = facilitator.locator('.class-refusal');
    await refusal.filter({ hasText: 'not 150' }).waitFor();
    const late = await device(390, 844, `/join/${code}`);
    await late.getByRole('button', { name: 'Join the class' }).click();
    await late.locator('[data-seat="pm"]').click();
    await facilitator.locator('[data-admit]').waitFor();
    expect(await refusal.textContent()).toContain('not 150');
    expect(await facilitator.locator('#override-reason').inputValue()).toBe('The minister resigned');

    // The projector's page is patched in place, never rebuilt: the same wall and QR code through every change.
    const wall = await projector.evaluateHandle(() => ({
      main: document.querySelector('main.class-projector'),
      qr: document.querySelector('.projector-qr svg'),
    }));

    // A pause reaches the projector and both phones at once; so does the resume.
    await facilitator.getByRole('button', { name: 'Pause', exact: true }).click();
    await projector.locator('.projector-paused').waitFor();
    for (const phone of phones)
      await phone.locator('[data-seat-status]').filter({ hasText: 'paused' }).waitFor();
    expect(await refusal.count()).toBe(0);
    await facilitator.getByRole('button', { name: 'Resume' }).click();
    await projector.locator('.projector-paused').waitFor({ state: 'detached' });
    for (const phone of phones)
      await expect.poll(() => phone.locator('[data-seat-status]').textContent()).not.toContain('paused');

    // The sadrists' phone had scrolled down to its options; the turn resolves: it opens at the top, on the heading.
    await sadrists.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await sadrists.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await facilitator.getByRole('button', { name: 'Resolve the turn now' }).click();
    for (const phone of phones) await phone.waitForSelector('.seat-bar[data-turn="1"]');
    const arrived = () =>
      sadrists.evaluate(() => ({
        scroll: window.scrollY,
        focus: document.activeElement?.tagName,
        heading: document.activeElement?.closest('.view--situation') !== null,
      }));
    await expect.poll(arrived).toEqual({ scroll: 0, focus: 'H1', heading: true });
    // Once per turn: a teammate's proposal, on their own phone, leaves the student where they are.
    await sadrists.evaluate(() => window.scrollTo(0, 300));
    const room = await sadrists.evaluateHandle(() => document.querySelector('.view--situation'));
    // Where the student is: the options list's place in the window, and the focus (no longer on the heading).
    const place = () =>
      sadrists.evaluate(() => ({
        options: Math.round(document.querySelector('.option-list')!.getBoundingClientRect().top),
        focus: document.activeElement?.tagName,
      }));
    await sadrists
      .locator('.option-list')
      .evaluate((list) => list.querySelector('button')?.focus({ preventScroll: true }));
    const was = await place();
    await teammate.locator('[data-option]:not([disabled])').first().click();
    await sadrists.locator('[data-option][aria-pressed="true"]').waitFor();
    // The bar above may grow by a line (the team's proposal): the browser keeps the options where they were.
    expect(await place()).toEqual(was);
    expect(await sadrists.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(300);
    // The pick updated the turn's room in place: the same element, not a new page.
    expect(await room.evaluate((r) => r === document.querySelector('.view--situation'))).toBe(true);
    await sadrists.evaluate(() => window.scrollTo(0, 0));
    await shot(pm, 'phone-new-turn-390x844.png');
    expect(
      await wall.evaluate(
        (w) =>
          w.main === document.querySelector('main.class-projector') &&
          w.qr === document.querySelector('.projector-qr svg'),
      ),
    ).toBe(true);
    await shot(projector, 'projector-1920x1080.png');
    // At 200% text the phone and the console still fit their width: nothing scrolls sideways.
    for (const page of [pm, facilitator]) {
      const overflow = await page.evaluate(async () => {
        document.documentElement.style.fontSize = '200%';
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const over = document.documentElement.scrollWidth - innerWidth;
        document.documentElement.style.fontSize = '';
        return over;
      });
      expect(overflow).toBeLessThanOrEqual(0);
    }
    // The console kept the reason through all of it.
    expect(await facilitator.locator('#override-reason').inputValue()).toBe('The minister resigned');
    expect(errors).toEqual([]);
  }, 180_000);
});
