// A what-if room opened from the replay (issue 20): the room takes the replay page's language. Opened from a replay
// read in Arabic, the room's projector, on a device set to English, turns to Arabic, and the facilitator's browser
// lands on the room's console. Opened from an English replay, a projector on an Arabic device turns to English: the
// language is the page's, not a constant. (A projector is drawn first in its device's language and turns to the
// room's once it has its strings, so the test waits for the turn rather than reading the first drawing.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { saveJson } from '../../src/sim/save.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';
import { classServer, type ServerProcess } from '../server/support.ts';

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-what-if-room-', inject('distDir')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** A page in a fresh context whose browser language is `locale`. */
async function device(path: string, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

/** Opens a finished game in the replay at `query`, forks it at turn 4 with the pm played, as a room: its code. */
async function roomFromReplay(query: string): Promise<string> {
  const c = await bundledScenario();
  const game = playTurns(new LiveGame(c, 8).start(['pm']), [0, 2, 1]);
  const page = await device(`/class.html?replay${query}`);
  await page.locator('#replay-file').setInputFiles({
    name: 'game.json',
    mimeType: 'application/json',
    buffer: Buffer.from(saveJson(game.record)),
  });
  await page.locator('#replay-step').fill('3');
  await page.locator('[data-whatif] summary').click();
  await page.locator('[data-whatif-seat="pm"]').check();
  await page.locator('[data-whatif-room]').click();
  await page.waitForURL(/\/class\/[A-Z0-9]+$/);
  const code = new URL(page.url()).pathname.split('/').pop()!;
  await page.waitForSelector('body[data-class-view]');
  await page.context().close();
  return code;
}

/** The room's projector on a device set to `locale`: its language and direction once it reads `expected`. */
async function projectorTurnsTo(code: string, locale: string, expected: string): Promise<[string, string]> {
  const projector = await device(`/class/${code}?projector`, locale);
  await projector.waitForSelector('body[data-class-view="projector"]');
  await projector.waitForFunction((lang) => document.documentElement.lang === lang, expected);
  const shown = await projector.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  await projector.context().close();
  return shown as [string, string];
}

describe('a what-if room opened from the replay', () => {
  it('reads in the replay page’s language on the projector, Arabic from an Arabic replay', async () => {
    const code = await roomFromReplay('&lang=ar-IQ');
    expect(await projectorTurnsTo(code, 'en-GB', 'ar-IQ')).toEqual(['ar-IQ', 'rtl']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('and English from an English replay, on an Arabic device too', async () => {
    const code = await roomFromReplay('&lang=en');
    expect(await projectorTurnsTo(code, 'ar-IQ', 'en')).toEqual(['en', 'ltr']);
    expect(errors).toEqual([]);
  }, 120_000);
});
