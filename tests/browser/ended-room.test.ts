// A room whose game has ended, after the server restarted (issue 20): the room is a record that only its facilitator
// may open again (the server answers 410 to anyone else). A phone that types its code is told that the game ended,
// in its own language, not that there is no such room.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { freePort, type ServerProcess, spawnServer } from '../server/support.ts';

const strings = (file: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../src/present/i18n/${file}.json`), 'utf8'),
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

describe('a room whose game has ended', () => {
  it("tells a phone that the game ended, in the phone's language", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-ended-room-'));
    const args = ['--port', String(port), '--data-dir', dataDir, '--dist-dir', inject('distDir')];
    server = await spawnServer(args);
    const facilitator = await new Client(base).create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 7,
      seats: { pm: 'person' },
      autoResolve: true,
      key: 'ended-room-key-0123456789',
    });
    facilitator.onMessage('view', () => undefined);
    facilitator.onMessage('patch', () => undefined);
    const code = await new Promise<string>((resolve) =>
      facilitator.onMessage('welcome', (w) => resolve(w.code)),
    );
    expect(await facilitator.request('command', { command: { type: 'game.end' } })).toMatchObject({
      ok: true,
    });
    // The record is kept; the server stops, and starts again on the same data.
    server.kill('SIGTERM');
    await server.stopped;
    server = await spawnServer(args);

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
      expect(await alert.textContent()).toBe(
        strings(language)['class.roomEnded']!.replace('{{code}}', isolated),
      );
      await context.close();
    }
  });
});
