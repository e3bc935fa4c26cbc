// The classroom server stops while a facilitator works in Arabic (issue 20): a request the page cannot send (no room
// hears it) is refused by the page itself, in the page's language, and the console says the link is lost.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { freePort, type ServerProcess, spawnServer } from '../server/support.ts';

const AR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/present/i18n/ar-IQ.json'), 'utf8'),
) as Record<string, string>;

let browser: Browser;
let server: ServerProcess | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

describe('a console whose server has stopped', () => {
  it("refuses a request in the page's language, and says the link is lost", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-link-lost-'));
    server = await spawnServer([
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--dist-dir',
      inject('distDir'),
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ar-IQ' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/class`);
    await page.waitForFunction(() => document.documentElement.lang === 'ar-IQ');
    await page.getByRole('button', { name: AR['start.openRoom']! }).click();
    await page.getByRole('button', { name: AR['openRoom.open']!, exact: true }).click();
    await page.waitForSelector('body[data-class-view="console"]');

    server.kill('SIGTERM');
    await server.stopped;
    server = null;
    await page.locator('.class-link--lost:not([hidden])').waitFor();
    await page.getByRole('button', { name: AR['console.start']!, exact: true }).click();
    const refusal = page.locator('.class-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(AR['seat.reconnecting']);
    await context.close();
  });
});
