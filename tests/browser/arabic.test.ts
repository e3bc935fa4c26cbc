// The Arabic edition, first step (issue 20): a browser whose language is Arabic opens the game in Iraqi Arabic,
// right to left, the menu in Arabic and nothing wider than the window; English chosen in the settings comes back
// and is remembered; the class page's start is in Arabic too, with the join code typed left to right.
// With SCREENSHOTS=dir set (as the other browser tests), it saves the title, the class start page, a student's seat
// in Arabic at 390x844, the console and the projector into that folder (screens/ is the one kept out of git).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';
import { type GamePage, sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1920, height: 1080 };
const ARABIC = { locale: 'ar-IQ' };
const SCREENS = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : null;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function langAndDir(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/**
 * Everything that scrolls sideways: the page, or any element whose content is wider than its box (less the
 * visually hidden, which are one pixel wide on purpose, and form fields, which scroll their own value).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) wide.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('#ui, #ui *, #classroom, #classroom *')) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' || el.clientWidth <= 1 || el.matches('input, select, textarea'))
        continue;
      if (el.scrollWidth > el.clientWidth + 1) wide.push(`${el.tagName}.${el.className} ${el.scrollWidth}`);
    }
    return wide;
  });
}

/** The problems a test must not leave, less the requests a reload of the page itself cancels. */
const real = (game: GamePage) => game.problems.filter((p) => !p.includes('net::ERR_ABORTED'));

describe('the game in Arabic', () => {
  const withGame = useGameBrowser();

  for (const viewport of [PHONE, WIDE]) {
    it(`opens the title in Arabic, right to left, at ${viewport.width}x${viewport.height}`, async () => {
      await withGame(
        async (game) => {
          const { page } = game;
          await game.open();
          await titleLoaded(page);
          expect(await langAndDir(page)).toEqual({ lang: 'ar-IQ', dir: 'rtl' });
          const menu = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
          for (const name of ['لعبة جديدة', 'الإعدادات', 'الشكر والمصادر'])
            expect(await menu.getByRole('button', { name }).count()).toBe(1);
          expect(
            await menu.getByRole('link', { name: 'اللعب معًا على هذا الجهاز' }).getAttribute('href'),
          ).toBe('/class.html?pass');
          // The panel mirrors: its text starts at its right edge.
          const align = await page.evaluate(
            () => getComputedStyle(document.querySelector('.title__tagline')!).direction,
          );
          expect(align).toBe('rtl');
          if (viewport === PHONE) await screenshot(page, 'title-ar-390x844');
          expect(await overflowing(page)).toEqual([]);
          expect(real(game)).toEqual([]);
        },
        viewport,
        ARABIC,
      );
    });
  }

  it('starts a new game from the Arabic menu, the choice of role mirrored and nothing wider than a phone', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open();
        await titleLoaded(page);
        await page.getByRole('button', { name: 'لعبة جديدة' }).click();
        await sceneReady(page, 'perspective');
        expect(await page.locator('button[data-actor]').count()).toBe(5);
        expect(await page.evaluate(() => getComputedStyle(document.getElementById('ui')!).direction)).toBe(
          'rtl',
        );
        expect(await overflowing(page)).toEqual([]);
        expect(real(game)).toEqual([]);
      },
      PHONE,
      ARABIC,
    );
  });

  it('switches back to English from the settings, and remembers it after a reload', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open();
        await titleLoaded(page);
        await page.getByRole('button', { name: 'الإعدادات' }).click();
        const choice = page.locator('#setting-language');
        expect(await choice.inputValue()).toBe('ar-IQ');
        // The solo game reloads the page in the chosen language.
        await Promise.all([page.waitForEvent('load'), choice.selectOption('en')]);
        await titleLoaded(page);
        expect(await langAndDir(page)).toEqual({ lang: 'en', dir: 'ltr' });
        expect(await page.getByRole('button', { name: 'New game' }).count()).toBe(1);
        await game.reload();
        await titleLoaded(page);
        expect(await langAndDir(page)).toEqual({ lang: 'en', dir: 'ltr' });
        expect(
          await page
            .getByRole('navigation', { name: 'Main menu' })
            .getByRole('button', { name: 'Settings' })
            .count(),
        ).toBe(1);
        expect(real(game)).toEqual([]);
      },
      PHONE,
      ARABIC,
    );
  });

  it('opens in Arabic from ?lang=ar-IQ on an English browser, which the address then forgets', async () => {
    await withGame(async (game) => {
      await game.open('?renderer=canvas&lang=ar-IQ');
      await titleLoaded(game.page);
      expect(await langAndDir(game.page)).toEqual({ lang: 'ar-IQ', dir: 'rtl' });
      expect(await game.page.getByRole('button', { name: 'لعبة جديدة' }).count()).toBe(1);
      expect(new URL(game.page.url()).search).toBe('?renderer=canvas');
      expect(real(game)).toEqual([]);
    });
  });

  it('offers Arabic on the English title, loading only the chosen language’s strings, and remembers it', async () => {
    await withGame(async (game) => {
      const { page } = game;
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await game.open();
      await titleLoaded(page);
      expect(scripts.some((p) => /\/en-[\w-]+\.js$/.test(p))).toBe(true);
      expect(scripts.filter((p) => /\/ar-IQ-[\w-]+\.js$/.test(p))).toEqual([]);
      const arabic = page
        .getByRole('navigation', { name: 'Main menu' })
        .getByRole('link', { name: 'العربية' });
      expect(await arabic.getAttribute('lang')).toBe('ar-IQ');
      scripts.length = 0;
      await Promise.all([page.waitForEvent('load'), arabic.click()]);
      await titleLoaded(page);
      expect(await langAndDir(page)).toEqual({ lang: 'ar-IQ', dir: 'rtl' });
      // An English player downloads no Arabic, and an Arabic player no English.
      expect(scripts.some((p) => /\/ar-IQ-[\w-]+\.js$/.test(p))).toBe(true);
      expect(scripts.filter((p) => /\/en-[\w-]+\.js$/.test(p))).toEqual([]);
      await game.reload();
      await titleLoaded(page);
      expect(await langAndDir(page)).toEqual({ lang: 'ar-IQ', dir: 'rtl' });
      expect(await page.getByRole('link', { name: 'English' }).count()).toBe(1);
      expect(real(game)).toEqual([]);
    });
  });

  it('shows the class start page in Arabic, the join code typed left to right, and goes back to English', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open('/class.html');
        await page.getByRole('heading', { level: 1, name: 'طاولة الأزمة: الانضمام إلى صفّ' }).waitFor();
        expect(await langAndDir(page)).toEqual({ lang: 'ar-IQ', dir: 'rtl' });
        const code = page.getByLabel('الرمز الظاهر على الشاشة الكبيرة');
        await code.fill('KQTWMB');
        expect(await code.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
        // The example code in the hint is isolated, so that it keeps its order in the Arabic sentence.
        expect(await page.locator('#join-hint').textContent()).toContain('\u2068KQTWMB\u2069');
        expect(await page.getByRole('button', { name: 'الانضمام إلى الصفّ' }).count()).toBe(1);
        await screenshot(page, 'class-start-ar-390x844');
        expect(await overflowing(page)).toEqual([]);
        // The typed code stays inside its field.
        const field = await code.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(field.scroll).toBeLessThanOrEqual(field.client + 1);
        // The class page draws itself again in the chosen language, keeping what was typed.
        await page.getByLabel('اللغة').selectOption('en');
        await page.getByRole('heading', { level: 1, name: 'Crisis Table: join a class' }).waitFor();
        expect(await langAndDir(page)).toEqual({ lang: 'en', dir: 'ltr' });
        expect(await page.getByLabel('The code on the big screen').inputValue()).toBe('KQTWMB');
        expect(real(game)).toEqual([]);
      },
      PHONE,
      ARABIC,
    );
  });
});

describe('a room in Arabic', () => {
  let browser: Browser;
  let server: ServerProcess;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, base } = await classServer('crisis-arabic-', inject('distDir')));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  async function device(viewport: { width: number; height: number }, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'ar-IQ' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    await page.goto(base + path);
    return page;
  }

  it('gives the console, the projector and a student’s phone in Arabic, codes and addresses left to right', async () => {
    const facilitator = await device({ width: 1280, height: 900 }, '/class');
    await facilitator.getByRole('button', { name: 'فتح غرفة لصفّ أو ورشة عمل' }).click();
    await facilitator.locator('#seat-pm').selectOption('person');
    await facilitator.getByRole('button', { name: 'فتح الغرفة' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const heading = (await facilitator.locator('h1').textContent()) ?? '';
    expect(heading.startsWith('الغرفة')).toBe(true);
    const code = /[A-Z]{6}/.exec(heading)?.[0];
    expect(code).toBeDefined();
    // The code is isolated, so that the heading reads "الغرفة CODE" right to left with the code intact.
    expect(heading).toContain(`\u2068${code}\u2069`);
    expect(await facilitator.getByRole('button', { name: 'بدء اللعبة' }).count()).toBe(1);
    expect(await overflowing(facilitator)).toEqual([]);

    const projector = await device(WIDE, `/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');
    expect(await projector.locator('h1').textContent()).toBe('تبدأ اللعبة قريبًا');
    expect(await projector.locator('.projector-code').getAttribute('dir')).toBe('ltr');
    expect(await projector.locator('.projector-url').getAttribute('dir')).toBe('ltr');
    await screenshot(projector, 'projector-ar-1920x1080');

    const link = await facilitator.locator('[data-seat-link="pm"]').getAttribute('href');
    const url = new URL(link!);
    const student = await device(PHONE, url.pathname + url.hash);
    await student.getByRole('button', { name: 'الانضمام إلى الصفّ' }).click();
    await student.waitForSelector('body[data-class-view="seat"]');
    await facilitator.getByRole('button', { name: 'بدء اللعبة' }).click();
    await student.waitForSelector('[data-seat-status="deciding"]');
    const bar = (await student.locator('.seat-bar .eyebrow').textContent()) ?? '';
    expect(bar).toContain(`الغرفة \u2068${code}\u2069 · `);
    // The projector's turn line in Arabic digits ("الجولة ١ من …").
    await projector.locator('h1', { hasText: 'الجولة ١ من' }).waitFor();
    await screenshot(student, 'seat-ar-390x844');
    await screenshot(facilitator, 'console-ar-1280x900');
    expect(await overflowing(student)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
