// A join refused, on the join page (issue 20): the room says why in the language the phone reads, and the page
// shows that sentence in its form's alert; so does the server's gate, which refuses before any room hears the join,
// in the language the phone's requests ask for. An Arabic phone reads each in Arabic, an English one in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';

const strings = (file: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../src/present/i18n/${file}.json`), 'utf8'),
  ) as Record<string, string>;
const AR = strings('ar-IQ');
const EN = strings('en');

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-join-refusal-', inject('distDir')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function phone(locale: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

/** Types a seat code that opens no seat of the room, and returns what the form's alert says. */
async function joinWithWrongSeatCode(page: Page): Promise<string> {
  await page.locator('#join-seat-code').fill('ABCDEFGH');
  await page.locator('#classroom form button[type="submit"]').click();
  const alert = page.locator('#classroom form [role="alert"]:not([hidden])');
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

describe('a join the room refuses', () => {
  it("is said on the join page in the phone's language", async () => {
    const facilitator = await new Client(base).create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 7,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: 'join-refusal-key-0123456789',
    });
    facilitator.onMessage('view', () => undefined);
    facilitator.onMessage('patch', () => undefined);
    const code = await new Promise<string>((resolve) =>
      facilitator.onMessage('welcome', (w) => resolve(w.code)),
    );

    const arabic = await phone('ar-IQ', `/class/${code}`);
    // The page turns to the phone's language once its strings have loaded.
    await arabic.waitForFunction(() => document.documentElement.lang === 'ar-IQ');
    expect(await joinWithWrongSeatCode(arabic)).toBe(
      AR['refusal.room.codeNoSeat']!.replace('{{room}}', `\u2068${code}\u2069`),
    );
    const english = await phone('en-GB', `/class/${code}`);
    expect(await joinWithWrongSeatCode(english)).toBe(
      EN['refusal.room.codeNoSeat']!.replace('{{room}}', code),
    );

    // Too many wrong room codes from this network: the server's gate refuses before any room hears the join, in the
    // language the phone's requests ask for.
    for (let i = 0; i < 20; i++) await fetch(`${base}/api/rooms/ZZZZZZ/ensure`, { method: 'POST' });
    const guessing = await phone('ar-IQ', '/class/ZZZZZY');
    await guessing.waitForFunction(() => document.documentElement.lang === 'ar-IQ');
    await guessing.locator('#classroom form button[type="submit"]').click();
    const alert = guessing.locator('#classroom form [role="alert"]:not([hidden])');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(AR['refusal.room.http.tooManyGuesses']);
    expect(errors).toEqual([]);
    await facilitator.leave();
  });
});
