// When the classroom server stops (issue 20). A request the page cannot send (no room hears it) is refused by the
// page itself, in the page's language, and the console says the link is lost. After a restart, a room whose game has
// ended is a record that only its facilitator may open again (the server answers 410 to anyone else): a phone that
// types its code is told that the game ended, in its own language, not that there is no such room. A room whose record
// this server cannot rebuild (another version of the scenario) is said so too (the server answers 409).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { SQLITE_FILE } from '../../src/server/sqlite-store.ts';
import { freePort, type ServerProcess, spawnServer } from '../server/support.ts';

const strings = (file: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../src/present/i18n/${file}.json`), 'utf8'),
  ) as Record<string, string>;
const AR = strings('ar-IQ');

let browser: Browser;
let server: ServerProcess | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** A server of its own, on a free port and a fresh data folder; `args` start it again on the same data. */
async function ownServer(prefix: string): Promise<{ base: string; args: string[]; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const args = ['--port', String(port), '--data-dir', dataDir, '--dist-dir', inject('distDir')];
  server = await spawnServer(args);
  return { base: `http://127.0.0.1:${port}`, args, dataDir };
}

async function stopServer(): Promise<void> {
  server?.kill('SIGTERM');
  await server?.stopped;
  server = null;
}

/** A room opened by a facilitator over the protocol, with one command of the facilitator's accepted. */
async function roomAfter(base: string, command: 'game.end' | 'game.start'): Promise<{ code: string }> {
  const facilitator = await new Client(base).create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed: 7,
    seats: { pm: 'person' },
    autoResolve: true,
    key: `${command}-room-key-0123456789`,
  });
  facilitator.onMessage('view', () => undefined);
  facilitator.onMessage('patch', () => undefined);
  const code = await new Promise<string>((resolve) =>
    facilitator.onMessage('welcome', (w) => resolve(w.code)),
  );
  expect(await facilitator.request('command', { command: { type: command } })).toMatchObject({ ok: true });
  return { code };
}

/** A phone in Arabic and one in English type the room's code, and each is told `key`'s sentence in its language. */
async function phonesAreTold(base: string, code: string, key: string): Promise<void> {
  for (const [locale, language] of [
    ['ar-IQ', 'ar-IQ'],
    ['en-GB', 'en'],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
    const page = await context.newPage();
    await page.goto(`${base}/class/${code}`);
    await page.waitForFunction((l) => document.documentElement.lang === l, language);
    await page.locator('#classroom form button[type="submit"]').click();
    const alert = page.locator('#classroom form [role="alert"]:not([hidden])');
    await alert.waitFor();
    const isolated = language === 'en' ? code : `\u2068${code}\u2069`;
    expect(await alert.textContent()).toBe(strings(language)[key]!.replace('{{code}}', isolated));
    await context.close();
  }
}

describe('when the classroom server stops', () => {
  it("refuses a console's request in the page's language, and says the link is lost", async () => {
    const { base } = await ownServer('crisis-link-lost-');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ar-IQ' });
    const page = await context.newPage();
    await page.goto(`${base}/class`);
    await page.waitForFunction(() => document.documentElement.lang === 'ar-IQ');
    await page.getByRole('button', { name: AR['start.openRoom']! }).click();
    await page.getByRole('button', { name: AR['openRoom.open']!, exact: true }).click();
    await page.waitForSelector('body[data-class-view="console"]');

    await stopServer();
    await page.locator('.class-link--lost:not([hidden])').waitFor();
    await page.getByRole('button', { name: AR['console.start']!, exact: true }).click();
    const refusal = page.locator('.class-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(AR['seat.reconnecting']);
    await context.close();
  });

  it("tells a phone that a room's game ended, in the phone's language, after a restart", async () => {
    const { base, args } = await ownServer('crisis-ended-room-');
    const { code } = await roomAfter(base, 'game.end');
    // The record is kept; the server stops, and starts again on the same data.
    await stopServer();
    server = await spawnServer(args);
    await phonesAreTold(base, code, 'class.roomEnded');
  });

  it("tells a phone, in its language, that a room's record cannot be brought back on this server", async () => {
    const { base, args, dataDir } = await ownServer('crisis-broken-room-');
    const { code } = await roomAfter(base, 'game.start');
    await stopServer();
    // The record now names another version of the scenario: this server cannot rebuild the game from it (409).
    const db = new Database(join(dataDir, SQLITE_FILE));
    const changed = db
      .prepare("UPDATE rooms SET header = json_set(header, '$.scenario.digest', '00000000') WHERE code = ?")
      .run(code);
    db.close();
    expect(changed.changes).toBe(1);
    server = await spawnServer(args);
    await phonesAreTold(base, code, 'class.roomBroken');
  });
});
