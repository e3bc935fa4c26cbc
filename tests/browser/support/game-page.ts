/**
 * Opens the game in a fresh browser context and records everything that must not happen: console
 * errors, uncaught exceptions, failed requests and HTTP errors. Screenshots go to
 * test-results/browser/ as artifacts.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../../scripts/browser/chromium.ts';
import { sceneReady } from '../../../scripts/browser/keyboard-play.ts';

export const SHOTS = resolve(import.meta.dirname, '../../../test-results/browser');

export interface GamePage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /** navigates (again) to the game, canvas renderer unless told otherwise */
  open: (query?: string) => Promise<void>;
  /** reloads the page, as a player pressing F5 */
  reload: () => Promise<void>;
  /** Back or Forward in the history, as a player's browser buttons (a navigation like the others) */
  history: (way: 'back' | 'forward') => Promise<void>;
  shot: (name: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function gamePage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 720 },
  options: BrowserContextOptions = {},
): Promise<GamePage> {
  const context = await browser.newContext({ ...options, viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  // A navigation cancels what the page it leaves was still loading (music, say): expected, not a fault. Each
  // navigation starts a generation; a request belongs to the document shown when it started
  // (the old one until the new one commits), so an abort of a request of a page that has been left is ignored,
  // whether it comes before or after the new document commits.
  let generation = 0;
  let shown = 0;
  const startedIn = new WeakMap<Request, number>();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) shown = generation;
  });
  page.on('request', (r) => {
    // Any navigation of the page, the helper's or the game's own (a link, a location change), leaves the document
    // shown: what that document was still loading may be aborted, whether or not the helper made the move.
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) generation++;
    startedIn.set(r, r.isNavigationRequest() ? generation : shown);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error === 'net::ERR_ABORTED' && (startedIn.get(r) ?? generation) < generation) return;
    problems.push(`request failed: ${r.url()} (${error})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    page,
    context,
    problems,
    open: async (query = '?renderer=canvas') => {
      generation++;
      await page.goto(new URL(query, baseUrl).href);
    },
    reload: async () => {
      generation++;
      await page.reload();
    },
    history: async (way) => {
      generation++;
      const go = () =>
        way === 'back' ? page.goBack({ waitUntil: 'commit' }) : page.goForward({ waitUntil: 'commit' });
      // While Chromium swaps a page in from the back/forward cache, the driver can briefly find no page to ask
      // for the history ("Not attached to an active page"): the browser's state, not the game's; asked again. But
      // the move may have been made all the same (the swap is what detached the driver): asked again then, the page
      // went one more step, off the game (a loaded machine made it so, with two Chromiums at once). So a move is
      // asked again only when the page is still where it was.
      const from = page.url();
      for (let tries = 1; ; tries++) {
        try {
          await go();
          return;
        } catch (e) {
          if (tries >= 5 || !String(e).includes('Not attached to an active page')) throw e;
          const moved = await page
            .waitForURL((url) => url.href !== from, { timeout: 500 * tries, waitUntil: 'commit' })
            .then(() => true)
            .catch(() => false);
          if (moved) return;
        }
      }
    },
    shot: async (name) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    },
    close: () => context.close(),
  };
}

/**
 * One Chromium for a test file's tests. The function it returns opens a fresh game page for one test and closes it
 * whatever the test does, so that no test leaves a page or a browser behind.
 */
export function useGameBrowser(): (
  run: (game: GamePage) => Promise<void>,
  viewport?: { width: number; height: number },
  /** e.g. { hasTouch: true, isMobile: true } for a phone held in the hand */
  options?: BrowserContextOptions,
) => Promise<void> {
  let browser: Browser | undefined;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (run, viewport, options) => {
    if (!browser) throw new Error('the browser did not start');
    const game = await gamePage(browser, baseUrl, viewport, options);
    try {
      await run(game);
    } finally {
      await game.close();
    }
  };
}

export { sceneReady } from '../../../scripts/browser/keyboard-play.ts';

/** The title is drawn and the scenario (loaded after it) has filled it in. */
export async function titleLoaded(page: Page): Promise<void> {
  await sceneReady(page, 'title');
  await page.locator('.title__scenario h2').waitFor({ timeout: 20_000 });
}
