// The classroom's word on its server, in a real browser: the join link and QR code use the address students can
// reach (not the teacher's `localhost`), the console and projector say when the server is gone and when it is
// back, and the static build's class page (no classroom server) says that rooms need `npm run serve`.
// Loopback only: the server listens on 127.0.0.1; PUBLIC_ADDRESS names the address students would use.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { freePort, type ServerProcess, spawnServer } from '../server/support.ts';

let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, locale?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...(locale ? { locale } : {}),
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await page.goto(url);
  return page;
}

describe('the static build, without the classroom server', () => {
  it('says that rooms need npm run serve, for opening a room and for joining one', async () => {
    const page = await open(new URL('class', inject('baseUrl')).href);
    await page.getByRole('button', { name: /Open a room/ }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('npm run serve');
    await page.fill('#join-code', 'KQTWMB');
    await page.getByRole('button', { name: 'Join the class' }).click();
    await expect.poll(() => alert.textContent()).toContain('npm run serve');
    expect(await page.getByText('There is no room').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says it in Arabic on an Arabic device, the command kept left to right', async () => {
    const page = await open(new URL('class', inject('baseUrl')).href, 'ar-IQ');
    await page.fill('#join-code', 'KQTWMB');
    await page.getByRole('button', { name: 'الانضمام إلى الصفّ' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('\u2068npm run serve\u2069');
    // Nothing else of the sentence is in English.
    expect((await alert.textContent())?.replace('npm run serve', '')).not.toMatch(/[A-Za-z]/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a classroom server', () => {
  let server: ServerProcess;
  let port: number;
  let dataDir: string;
  const start = () =>
    spawnServer(['--port', String(port), '--data-dir', dataDir, '--dist-dir', inject('distDir')], {
      PUBLIC_ADDRESS: `class.school.example:${port}`,
    });
  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'crisis-class-server-'));
    server = await start();
  });
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('joins at the address the server gives, and says when the server is gone and back', async () => {
    const base = `http://127.0.0.1:${port}`;
    const console_ = await open(`${base}/class`);
    await console_.getByRole('button', { name: /Open a room/ }).click();
    await console_.getByRole('button', { name: 'Open the room' }).click();
    await console_.waitForSelector('body[data-class-view="console"]');
    const code = ((await console_.locator('h1').textContent()) ?? '').replace('Room ', '');

    // The console was opened at 127.0.0.1: the link students get is the server's first address, not loopback.
    const urls = (await console_.evaluate(() => fetch('/api/address').then((r) => r.json()))) as {
      urls: string[];
    };
    expect(urls.urls[0]).toBe(`http://class.school.example:${port}`);
    const joinUrl = `${urls.urls[0]}/join/${code}`;
    await expect.poll(() => console_.locator('[data-join-url]').getAttribute('data-join-url')).toBe(joinUrl);
    expect(new URL(joinUrl).hostname).not.toMatch(/^(localhost|127\.)/);
    const warning = console_.locator('.class-loopback');
    expect(await warning.textContent()).toContain('127.0.0.1');
    expect(await warning.textContent()).toContain(urls.urls[0]);

    const projector = await open(`${base}/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');
    await expect
      .poll(() => projector.locator('.projector-url').textContent())
      .toBe(joinUrl.replace(/^http:\/\//, ''));

    for (const page of [console_, projector])
      expect(await page.locator('.class-link--lost').isVisible()).toBe(false);

    // The server stops: both pages say so, in an alert.
    server.kill('SIGKILL');
    await server.stopped;
    for (const page of [console_, projector]) {
      const lost = page.locator('.class-link--lost[role="alert"]');
      await lost.waitFor({ state: 'visible' });
      expect(await lost.textContent()).toContain('does not answer');
    }

    // It runs again: the alert goes and the pages are live again.
    server = await start();
    for (const page of [console_, projector]) {
      await page.locator('.class-link--lost').waitFor({ state: 'hidden' });
      expect(await page.locator('.class-link--lost').textContent()).toBe('');
    }
    await console_.getByRole('button', { name: 'Start the game' }).click();
    await projector.waitForSelector('.projector-turn h1:not(:text("The game starts soon"))');
    expect(errors).toEqual([]);
  });
});
