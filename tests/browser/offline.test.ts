// Play without a network (issue 20, item 5): after one visit the service worker holds the whole build, so with the
// network cut a reload still starts the game, a solo game plays to its debrief, and the classroom page's
// pass-and-play and teacher's pack open; the class page says that a room needs the server. A new build is offered,
// not forced, and taken on the player's word. Each test has its own browser context, so no worker outlives it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { servePreview } from '../../scripts/browser/preview-server.ts';
import {
  filesUnder,
  precacheList,
  workerVersion,
  writeServiceWorker,
} from '../../scripts/service-worker-plugin.ts';
import { cacheName } from '../../src/offline/offline-routes.ts';
import EN from '../../src/present/i18n/en.json' with { type: 'json' };
import { gamePage, titleLoaded } from './support/game-page.ts';

let browser: Browser;
const temps: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

declare global {
  interface Window {
    /** whether the page's load event had fired when the page registered its service worker */
    registeredAfterLoad?: boolean[];
  }
}

/** Records, in every document, whether the worker's registration waited for the page's load. */
async function recordRegistration(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.registeredAfterLoad = [];
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args: Parameters<typeof register>) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      window.registeredAfterLoad?.push((nav?.loadEventEnd ?? 0) > 0);
      return register(...args);
    };
  });
}

/** Waits until this build's worker is active and controls the page; returns the caches and what each holds. */
async function workerReady(page: Page): Promise<Record<string, string[]>> {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker || worker.state === 'activated') return;
    await new Promise<void>((resolve) =>
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') resolve();
      }),
    );
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return cacheContents(page);
}

function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys())
        .map((r) => new URL(r.url).pathname.slice(1))
        .sort();
    return out;
  });
}

/** A copy of the build, served apart, so that changing it touches no other test. */
async function servedCopy(): Promise<{ dir: string; url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-offline-'));
  temps.push(dir);
  cpSync(inject('distDir'), dir, { recursive: true });
  const served = await servePreview({ root: process.cwd(), outDir: dir });
  return { dir, ...served };
}

/** Makes the copy a new build: a changed game page, and the worker that goes with it; returns its version. */
async function newBuild(dir: string): Promise<string> {
  const index = join(dir, 'index.html');
  writeFileSync(
    index,
    readFileSync(index, 'utf8').replace('<head>', '<head>\n    <meta name="crisis-build" content="2" />'),
  );
  rmSync(`${index}.br`, { force: true });
  rmSync(`${index}.gz`, { force: true });
  return writeServiceWorker(dir);
}

/**
 * How long a new build may take to be offered. The browser fetches the new worker at a moment of its own choosing, or
 * when the page asks; on a loaded 2-core machine it began 20-30 s after the reload in some runs (no installing worker
 * at all until then, with the page quiet and the server answering at once; the cause was not found), so the default
 * 30 s made the verdict depend on the machine's load. A build that is never offered still fails.
 */
const OFFERED_WITHIN = { timeout: 90_000 };

const builtVersion = (dir: string) => workerVersion(readFileSync(join(dir, 'sw.js'), 'utf8'));

describe('play without a network', () => {
  it('after one visit, plays a solo game to the debrief offline, and opens pass-and-play and the pack', async () => {
    const distDir = inject('distDir');
    const expected = precacheList(filesUnder(distDir)).map((e) => e.path);
    const version = workerVersion(readFileSync(join(distDir, 'sw.js'), 'utf8'));
    const game = await gamePage(browser, inject('baseUrl'));
    try {
      const { page, context } = game;
      await recordRegistration(page);
      await game.open('?renderer=canvas&seed=101');
      await titleLoaded(page);
      // The whole build, in this build's cache alone; registered only once the page had loaded.
      expect(await workerReady(page)).toEqual({ [cacheName(version)]: expected });
      expect(expected).toEqual(expect.arrayContaining(['index.html', 'class.html', 'manifest.webmanifest']));
      expect(await page.evaluate(() => window.registeredAfterLoad)).toEqual([true]);

      await context.setOffline(true);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      await game.reload();
      const turns = await playByKeyboard(page, { perspective: 1 });
      expect(turns).toBeGreaterThan(0);
      expect(await page.locator('h1').first().textContent()).toMatch(/^Outcome: /);
      await game.shot('offline-debrief');

      // The classroom page: its start says a room needs the server; the games of this device open.
      await page.goto(new URL('class.html', inject('baseUrl')).href);
      const note = page.getByRole('region', { name: 'Offline' });
      await note.waitFor();
      expect(await note.textContent()).toBe(EN['offline.roomNeedsServer']);
      await game.shot('offline-class-start');
      await page.goto(new URL('class.html?pass', inject('baseUrl')).href);
      await page.getByRole('heading', { name: 'Play together on this device' }).waitFor();
      await page.locator('[data-pass-seat="pm"]').check();
      await page.locator('[data-pass-seat="sadrists"]').check();
      await page.getByRole('button', { name: 'Start a new game' }).click();
      await page.locator('body[data-pass-screen="handOver"]').waitFor({ state: 'attached' });
      expect(await page.locator('h1').textContent()).toMatch(/^Pass the device to: .*Prime Minister/);
      await game.shot('offline-pass');
      await page.goto(new URL('class.html?pack', inject('baseUrl')).href);
      await page.getByRole('heading', { name: 'The teacher’s pack' }).waitFor();
      expect(await page.locator('[data-role-card]').count()).toBe(5);

      // The app can be installed: its manifest parses without error, and only the test's private profile
      // (incognito) keeps Chromium from offering to install it.
      const cdp = await context.newCDPSession(page);
      expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
      const installability = await cdp.send('Page.getInstallabilityErrors');
      expect(installability.installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
    }
  });

  it('registers nothing, and says nothing is wrong, when the network is gone before the worker could come', async () => {
    const game = await gamePage(browser, inject('baseUrl'));
    try {
      const { page } = game;
      // The registration's chunk, asked for once the page has loaded and gone idle, finds no server.
      await page.route(/worker-registration-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
      const asked = page.waitForEvent('requestfailed', (r) => /worker-registration-/.test(r.url()));
      await game.open();
      await titleLoaded(page);
      await asked;
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(
        0,
      );
      // The browser's own lines about the refused request, and nothing from the page (no uncaught rejection).
      const refused =
        /^(request failed: .*worker-registration-|console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$)/;
      expect(game.problems.filter((p) => !refused.test(p))).toEqual([]);
    } finally {
      await game.close();
    }
  });

  it('offers a new build when one is served, and reloads onto it on the player’s word', async () => {
    const { dir, url, close } = await servedCopy();
    const game = await gamePage(browser, url);
    try {
      const { page } = game;
      await game.open();
      await titleLoaded(page);
      const first = builtVersion(dir);
      expect(Object.keys(await workerReady(page))).toEqual([cacheName(first)]);
      const second = await newBuild(dir);
      expect(second).not.toBe(first);

      // A reload is still the old build, whole (cache first), while the new one installs beside it and is offered.
      await game.reload();
      await titleLoaded(page);
      const notice = page.getByRole('region', { name: 'New version' });
      await notice.waitFor(OFFERED_WITHIN);
      expect(await notice.getByRole('status').textContent()).toBe('A new version is ready.');
      expect(await page.locator('meta[name="crisis-build"]').count()).toBe(0);
      await game.shot('offline-update-notice');
      expect(Object.keys(await cacheContents(page)).sort()).toEqual(
        [cacheName(first), cacheName(second)].sort(),
      );

      // Taken by the keyboard: the page reloads once, onto the new build, and the old build's cache is gone.
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: 'Reload' }).focus();
      await page.keyboard.press('Enter');
      await reloaded;
      await titleLoaded(page);
      expect(await page.locator('meta[name="crisis-build"]').count()).toBe(1);
      expect(Object.keys(await workerReady(page))).toEqual([cacheName(second)]);
      expect(await page.getByRole('region', { name: 'New version' }).count()).toBe(0);
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
      await close();
    }
  }, 240_000);

  it('offers the reload to a second tab when the first takes the new build', async () => {
    const { dir, url, close } = await servedCopy();
    const game = await gamePage(browser, url);
    try {
      const { page: first, context } = game;
      await game.open();
      await titleLoaded(first);
      await workerReady(first);
      const second = await context.newPage();
      second.on('pageerror', (e) => game.problems.push(`uncaught (second tab): ${e.message}`));
      await second.goto(new URL('?renderer=canvas', url).href);
      await titleLoaded(second);
      const version = await newBuild(dir);

      // The first tab asks (as it does when it comes back into view): both tabs are offered the new build.
      await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notices = [first, second].map((p) => p.getByRole('region', { name: 'New version' }));
      for (const notice of notices) await notice.waitFor(OFFERED_WITHIN);

      // The second tab takes it and reloads onto it; the first, still on the old build, keeps its offer.
      const reloaded = second.waitForEvent('load');
      await notices[1]!.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await titleLoaded(second);
      expect(await second.locator('meta[name="crisis-build"]').count()).toBe(1);
      expect(Object.keys(await workerReady(second))).toEqual([cacheName(version)]);
      await first.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
      expect(await notices[0]!.getByRole('button', { name: 'Reload' }).isEnabled()).toBe(true);
      expect(await first.locator('meta[name="crisis-build"]').count()).toBe(0);

      // Its Reload brings it onto the new build too.
      const firstReloaded = first.waitForEvent('load');
      await notices[0]!.getByRole('button', { name: 'Reload' }).click();
      await firstReloaded;
      await titleLoaded(first);
      expect(await first.locator('meta[name="crisis-build"]').count()).toBe(1);
      expect(game.problems).toEqual([]);
    } finally {
      await game.close();
      await close();
    }
  }, 240_000);
});
