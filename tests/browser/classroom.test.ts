// A whole class in real browsers: a facilitator, a projector and three students, each on their own browser
// context (device), through a whole game to its end on every screen, with one student reloading mid-turn and
// coming back to the same seat and the team's proposal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { parseDecisionCsv } from '../../src/sim/decision-log.ts';
import { classServer, type ServerProcess } from '../server/support.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
let server: ServerProcess;
let base: string;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-class-', inject('distDir')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function device(width: number, height: number, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

const STUDENTS = [
  { seat: 'pm', name: 'Ana' },
  { seat: 'sadrists', name: 'Ben' },
  { seat: 'framework', name: 'Chloé' },
];

async function turnOf(page: Page): Promise<number> {
  const bar = page.locator('.seat-bar');
  await bar.waitFor();
  return Number(await bar.getAttribute('data-turn'));
}

/** Decides for the student's team if its seat is deciding in turn `turn`; returns once the seat has decided. */
async function decide(page: Page, turn: number, reloadFirst = false): Promise<void> {
  await page.waitForFunction((t) => {
    const bar = document.querySelector('.seat-bar');
    return bar && (Number(bar.getAttribute('data-turn')) >= t || bar.getAttribute('data-ended') === 'true');
  }, turn);
  if ((await page.locator('.seat-bar').getAttribute('data-ended')) === 'true') return;
  if ((await turnOf(page)) > turn) return;
  const status = await page.locator('[data-seat-status]').getAttribute('data-seat-status');
  if (status !== 'deciding') return;
  const option = page.locator('[data-option]:not([disabled])').first();
  const id = await option.getAttribute('data-option');
  await option.click();
  await page.locator(`[data-option="${id}"][aria-pressed="true"]`).waitFor();
  if (reloadFirst) {
    // The tab reloads mid-turn (a locked phone, a lost network): it comes back to its seat, the proposal kept.
    await page.reload();
    await page.locator(`[data-option="${id}"][aria-pressed="true"]`).waitFor();
  }
  await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
  await page
    .locator(
      `[data-seat-status="submitted"], .seat-bar:not([data-turn="${turn}"]), .seat-bar[data-ended="true"]`,
    )
    .first()
    .waitFor();
}

describe('a whole class', () => {
  it('plays a game from the room opening to its end on every screen', async () => {
    const facilitator = await device(1280, 720, '/class');
    await facilitator.getByRole('button', { name: /Open a room/ }).click();
    await facilitator.locator('#seat-pm').selectOption('person');
    await facilitator.locator('#seat-sadrists').selectOption('person');
    await facilitator.locator('#seat-framework').selectOption('person');
    await facilitator.locator('#room-seed').fill('20261130');
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const code = ((await facilitator.locator('h1').textContent()) ?? '').replace('Room ', '');
    expect(code).toMatch(/^[A-HJ-NP-Z]{6}$/);

    const projector = await device(1920, 1080, `/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');
    expect(await projector.locator('.projector-code').textContent()).toBe(code);

    const students: Page[] = [];
    for (const [i, s] of STUDENTS.entries()) {
      // A seat is its team's: the first student arrives by the link the console gives its team, the second types
      // the seat code the console shows, the third picks its seat in the lobby and the facilitator admits it.
      const link = await facilitator.locator(`[data-seat-link="${s.seat}"]`).getAttribute('href');
      const url = new URL(link!);
      const page = await device(360, 640, i === 0 ? url.pathname + url.hash : `/join/${code}`);
      await page.fill('#join-name', s.name);
      if (i === 1) {
        const shown = await facilitator.locator(`[data-seat-code="${s.seat}"]`).textContent();
        await page.fill('#join-seat-code', shown!.replace('Seat code: ', '').toLowerCase());
      }
      await page.getByRole('button', { name: 'Join the class' }).click();
      if (i === 2) {
        await page.locator(`[data-seat="${s.seat}"]`).click();
        await page.waitForSelector('[data-lobby-note]');
        expect(await page.locator('body').getAttribute('data-class-view')).toBe('lobby');
        await facilitator.locator('[data-admit]').click();
      }
      await page.waitForSelector('body[data-class-view="seat"]');
      expect(await page.locator('.seat-bar').textContent()).toContain(s.name);
      students.push(page);
    }
    // Every team is complete: the facilitator locks the pm's seat.
    await facilitator.locator('[data-lock-seat="pm"]').click();
    await facilitator.waitForSelector('[data-lock-seat="pm"][aria-pressed="true"]');
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    // Every team has a decision in the first turn.
    for (const page of students) await page.waitForSelector('[data-seat-status="deciding"]');

    for (let turn = 0; turn < 10; turn++) {
      const ended = await students[0]!.locator('.seat-bar').getAttribute('data-ended');
      if (ended === 'true') break;
      await Promise.all(students.map((page, i) => decide(page, turn, turn === 1 && i === 0)));
      // The projector shows who has decided, by seat, never what and never a name.
      const shown = (await projector.locator('main').textContent()) ?? '';
      for (const s of STUDENTS) expect(shown).not.toContain(s.name);
    }
    for (const page of students) {
      await page.waitForSelector('.seat-bar[data-ended="true"]', { timeout: 60_000 });
      // The seat's own debrief, as in the solo game: the ending, the team's goals, this game beside history.
      expect(await page.getByRole('heading', { name: 'This game beside history' }).count()).toBe(1);
      // No link to the solo game's saved replay: this game is the room's, which the facilitator replays.
      expect(await page.locator('[data-replay-link]').count()).toBe(0);
    }
    await students[0]!.screenshot({ path: join(SHOTS, 'class-debrief-360.png'), fullPage: false });
    await projector.waitForSelector('.projector-outcome');
    await projector.screenshot({ path: join(SHOTS, 'class-projector-1920.png') });
    // The wall shows it all without scrolling, in letters large enough for the back row.
    const fit = await projector.evaluate(() => ({
      overflow: document.documentElement.scrollHeight - innerHeight,
      smallest: Math.min(
        ...[...document.querySelectorAll('main p, main li, main span')]
          .filter((e) => e.textContent?.trim())
          .map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
      ),
    }));
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.smallest).toBeGreaterThanOrEqual(24);
    await facilitator.screenshot({ path: join(SHOTS, 'class-console-1280.png') });
    await facilitator.waitForFunction(() => document.body.textContent?.includes('The game has ended'));
    // The facilitator downloads the decisions and the record: seats only, no student's name.
    for (const format of ['csv', 'json', 'html']) {
      const [download] = await Promise.all([
        facilitator.waitForEvent('download'),
        facilitator.locator(`[data-export="${format}"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`crisis-table-${code}.${format}`);
      const text = readFileSync((await download.path())!, 'utf8');
      for (const s of STUDENTS) expect(text).not.toContain(s.name);
      if (format === 'csv') {
        const rows = parseDecisionCsv(text);
        expect(rows.filter((r) => r.by === 'seat').map((r) => r.actor)).toEqual(
          expect.arrayContaining(STUDENTS.map((s) => s.seat)),
        );
      }
    }
    // "Replay this game" opens the room's record in a new tab, turn by turn.
    const [replay] = await Promise.all([
      facilitator.waitForEvent('popup'),
      facilitator.locator('[data-replay-room]').click(),
    ]);
    await replay.locator('[data-replay-where]').waitFor();
    expect(await replay.locator('[data-replay-where]').textContent()).toBe('Turn 1 of 10: 10 October 2021');
    expect(errors).toEqual([]);
    // The record on the server holds seats and commands only: no student name reached its log.
    for (const s of STUDENTS) expect(server.lines.join('\n')).not.toContain(s.name);
  }, 300_000);
});

describe('pass-and-play on one device', () => {
  it('hands over between players with only the public picture, and a reload never opens a private screen', async () => {
    const page = await device(390, 844, '/class');
    await page.getByRole('button', { name: /Play together on this device/ }).click();
    await page.locator('[data-pass-seat="pm"]').check();
    await page.locator('[data-pass-seat="sadrists"]').check();
    await page.getByRole('button', { name: 'Start a new game' }).click();
    await page.waitForSelector('body[data-pass-screen="handOver"]');
    expect(await page.locator('h1').textContent()).toContain('Prime Minister');

    await page.locator('[data-pass="show"]').click();
    await page.waitForSelector('body[data-pass-screen="private"]');
    const option = page.locator('[data-option]:not([disabled])').first();
    const id = (await option.getAttribute('data-option'))!;
    const label = (await option.locator('.option__label').textContent())!;
    await option.click();
    await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();

    // The next player's hand-over: the public picture says who decided, never what, in the page or its text.
    await page.waitForSelector('body[data-pass-screen="handOver"]');
    expect(await page.locator('h1').textContent()).toContain('Sadrist');
    const html = await page.content();
    expect(html).not.toContain(`data-option="${id}"`);
    expect(await page.locator('main').textContent()).not.toContain(label);

    // A reload comes back at the same hand-over; Back does not reach the private screen either.
    await page.reload();
    await page.getByRole('button', { name: 'Continue the game on this device' }).click();
    await page.waitForSelector('body[data-pass-screen="handOver"]');
    expect(await page.locator('h1').textContent()).toContain('Sadrist');
    // Back and Forward leave the page and come back to it: it starts from the setup, never at a private screen.
    await page.goBack();
    await page.goForward();
    await page.getByRole('button', { name: 'Continue the game on this device' }).click();
    await page.waitForSelector('body[data-pass-screen="handOver"]');
    expect(await page.locator('[data-option]').count()).toBe(0);

    await page.locator('[data-pass="show"]').click();
    await page.locator('[data-option]:not([disabled])').first().click();
    await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
    await page.waitForSelector('body[data-pass-screen="resolved"]');
    expect(await page.locator('[data-option]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('groups side by side', () => {
  it('compares the rooms a facilitator runs from one browser, while they play', async () => {
    const page = await device(1280, 720, '/class');
    const codes: string[] = [];
    for (const seed of ['41', '42']) {
      await page.goto(`${base}/class`);
      await page.getByRole('button', { name: /Open a room/ }).click();
      for (const seat of ['pm', 'sadrists', 'framework', 'iran', 'us']) {
        await page.locator(`#seat-${seat}`).selectOption('computer');
      }
      await page.locator('#room-seed').fill(seed);
      await page.getByRole('button', { name: 'Open the room' }).click();
      await page.waitForSelector('body[data-class-view="console"]');
      codes.push(((await page.locator('h1').textContent()) ?? '').replace('Room ', ''));
      // The computer holds every seat: the game plays itself once started.
      await page.getByRole('button', { name: 'Start the game' }).click();
    }
    const [compared] = await Promise.all([
      page.waitForEvent('popup'),
      page.locator('[data-compare-rooms]').click(),
    ]);
    await compared.waitForLoadState();
    const text = (await compared.locator('body').textContent()) ?? '';
    expect(text).toContain('Groups side by side');
    for (const code of codes) expect(text).toContain(`Room ${code}`);
    expect(await compared.locator('svg').count()).toBeGreaterThan(3);
    await compared.screenshot({ path: join(SHOTS, 'groups-side-by-side.png'), fullPage: false });
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('what if, as a room', () => {
  it('opens a room at turn 4 of a replayed game, ready for a class to play on', async () => {
    const { bundledScenario } = await import('../helpers/bundled.ts');
    const { LiveGame, playTurns } = await import('../helpers/play.ts');
    const { saveJson } = await import('../../src/sim/save.ts');
    const c = await bundledScenario();
    const origin = playTurns(new LiveGame(c, 23).start(['pm']), [0, 1]);
    const page = await device(1280, 720, '/class.html?replay');
    await page.locator('#replay-file').setInputFiles({
      name: 'game.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saveJson(origin.record)),
    });
    await page.locator('#replay-step').fill('3');
    await page.locator('[data-whatif] summary').click();
    await page.locator('[data-whatif-seat="pm"]').check();
    await page.locator('[data-whatif-seat="sadrists"]').check();
    await page.locator('[data-whatif-room]').click();
    await page.waitForSelector('body[data-class-view="console"]');
    expect(await page.locator('#console-game').textContent()).toMatch(/^Turn 4 of 10/);
    const seats = await page.locator('[data-seat="sadrists"] td').first().textContent();
    expect(seats).toContain('a team');
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the console in one click, and a phone at a seat the computer holds', () => {
  it('resolves a turn with one click and one command; the phone says the computer plays its seat', async () => {
    const facilitator = await device(1280, 720, '/class');
    await facilitator.getByRole('button', { name: /Open a room/ }).click();
    for (const seat of ['pm', 'sadrists', 'framework', 'iran', 'us']) {
      await facilitator
        .locator(`#seat-${seat}`)
        .selectOption(seat === 'pm' || seat === 'framework' ? 'person' : 'computer');
    }
    await facilitator.locator('#room-seed').fill('20261207');
    // No automatic resolution: the facilitator resolves each turn, as "Resolve now" is for.
    await facilitator.locator('#room-auto').uncheck();
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const phones: Record<string, Page> = {};
    for (const seat of ['pm', 'framework']) {
      const link = await facilitator.locator(`[data-seat-link="${seat}"]`).getAttribute('href');
      const url = new URL(link!);
      const page = await device(390, 844, url.pathname + url.hash);
      await page.getByRole('button', { name: 'Join the class' }).click();
      await page.waitForSelector('body[data-class-view="seat"]');
      phones[seat] = page;
    }
    const pm = phones.pm!;
    const framework = phones.framework!;
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    await decide(pm, 0);
    // Decided: "Confirm" has nothing left to do until the team picks another option.
    expect(await pm.locator('[data-intent="confirm-decision"]').isDisabled()).toBe(true);
    await framework.waitForSelector('[data-seat-status="deciding"]');

    // One click: the framework's team gets the clock's choice and the turn resolves, with no second step.
    await facilitator.getByRole('button', { name: 'Resolve the turn now' }).click();
    await facilitator.waitForFunction(() =>
      document.querySelector('#console-game')?.textContent?.startsWith('Turn 2 of 10'),
    );
    await framework.waitForSelector('.seat-bar[data-turn="1"]');

    // The framework's seat goes to the computer: its phone says so, and offers nothing to confirm.
    await facilitator
      .locator('[data-seat="framework"]')
      .getByRole('button', { name: 'Give to the computer' })
      .click();
    await framework.waitForSelector('[data-seat-holder="computer"]');
    const bar = (await framework.locator('[data-seat-holder]').textContent()) ?? '';
    expect(bar).toContain('The computer plays this seat now');
    expect(bar).not.toContain('Your team decided');
    expect(await framework.locator('[data-intent="confirm-decision"]').isDisabled()).toBe(true);
    // And back to the team: the phone is the team's again.
    await facilitator
      .locator('[data-seat="framework"]')
      .getByRole('button', { name: 'Give to a team' })
      .click();
    await framework.waitForSelector('[data-seat-holder="person"]');
    expect(await framework.locator('[data-seat-holder]').textContent()).not.toContain('computer');
    expect(errors).toEqual([]);
  }, 120_000);
});
