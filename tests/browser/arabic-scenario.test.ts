// The scenario in Arabic (issue 20): a solo game started in Arabic reads the scenario's own words in Arabic, a
// translated quotation says that it is the game's translation and keeps the English original one tap away; an
// English player downloads none of the Arabic texts.
//
// WAITS FOR THE TRANSLATIONS: it needs scenarios/baghdad-2021/locale/ar-IQ translated (the first turn's news, in
// events-1-october.yaml, quotes its sources with « »).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { playTurns } from '../../scripts/browser/keyboard-play.ts';
import { classServer, type ServerProcess } from '../server/support.ts';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

const ARABIC_LETTER = /[\u0620-\u064A]/;
/** The chunk of the Baghdad scenario's Arabic texts (src/game/session/bundled/baghdad-2021.ar-IQ.ts). */
const LOCALE_CHUNK = /\/assets\/baghdad-2021\.ar-IQ-[\w-]+\.js$/;

/** From the title to the second turn's situation (the first turn's news in), as the Prime Minister. */
async function toSecondSituation(page: Page, newGame: string): Promise<void> {
  await titleLoaded(page);
  await page.getByRole('button', { name: newGame }).click();
  await sceneReady(page, 'perspective');
  await page.keyboard.press('1');
  await page.locator('button[data-actor][aria-pressed="true"]').waitFor();
  await page.keyboard.press('Enter');
  await sceneReady(page, 'briefing');
  await page.keyboard.press('Enter');
  await playTurns(page, { turns: 1 }, 0);
}

describe('the scenario in Arabic', () => {
  const withGame = useGameBrowser();

  it('shows the scenario in Arabic, a translated quotation with its note and its English original', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        const chunks: string[] = [];
        page.on('request', (r) => {
          if (LOCALE_CHUNK.test(r.url())) chunks.push(r.url());
        });
        await game.open('?renderer=canvas&seed=7');
        await toSecondSituation(page, 'لعبة جديدة');
        expect(chunks).toHaveLength(1);

        // The turn's own words, at first sight, and the news behind "More".
        expect(await page.locator('.turn-summary').textContent()).toMatch(ARABIC_LETTER);
        await page.locator('details.more > summary').click();
        const news = page.locator('#news');
        expect(await news.textContent()).toMatch(ARABIC_LETTER);
        // A text that quotes its source: the note, and the English it translates behind a disclosure.
        const note = news.locator('.translation-note').first();
        await note.waitFor();
        expect(await note.textContent()).toBe('ترجمة اللعبة للمصدر الإنجليزي المذكور');
        const disclosure = news.locator('details.cited-original').first();
        const original = disclosure.locator('p[lang="en"]');
        expect(await original.isVisible()).toBe(false);
        await disclosure.locator('summary').click();
        expect(await original.isVisible()).toBe(true);
        const english = (await original.textContent()) ?? '';
        expect(english).toMatch(/[A-Za-z]{3}/);
        expect(english).not.toMatch(ARABIC_LETTER);
        expect(await disclosure.locator('summary').textContent()).toBe('النص الإنجليزي الأصلي');
        await game.shot('arabic-scenario-situation');
        expect(game.problems).toEqual([]);
      },
      { width: 1280, height: 720 },
      { locale: 'ar-IQ' },
    );
  });

  it('downloads none of the Arabic texts for an English player, and shows no translation note', async () => {
    await withGame(async (game) => {
      const { page } = game;
      const chunks: string[] = [];
      page.on('request', (r) => {
        if (LOCALE_CHUNK.test(r.url())) chunks.push(r.url());
      });
      await game.open('?renderer=canvas&seed=7');
      await toSecondSituation(page, 'New game');
      expect(await page.locator('#news').textContent()).not.toMatch(ARABIC_LETTER);
      expect(await page.locator('.translation-note').count()).toBe(0);
      expect(chunks).toEqual([]);
      expect(game.problems).toEqual([]);
    });
  });
});

describe('a room, each phone in its own language', () => {
  let browser: Browser;
  let server: ServerProcess;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, base } = await classServer('crisis-arabic-scenario-', inject('distDir')));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  async function device(path: string, locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    await page.goto(base + path);
    return page;
  }

  it('shows an Arabic phone the scenario in Arabic, and an English one in English, at the same seat', async () => {
    const facilitator = await device('/class', 'en-GB');
    await facilitator.getByRole('button', { name: /Open a room/ }).click();
    await facilitator.locator('#seat-pm').selectOption('person');
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const link = new URL((await facilitator.locator('[data-seat-link="pm"]').getAttribute('href'))!);
    const arabic = await device(link.pathname + link.hash, 'ar-IQ');
    await arabic.getByRole('button', { name: 'الانضمام إلى الصفّ' }).click();
    await arabic.waitForSelector('body[data-class-view="seat"]');
    const english = await device(link.pathname + link.hash, 'en-GB');
    await english.getByRole('button', { name: 'Join the class' }).click();
    await english.waitForSelector('body[data-class-view="seat"]');
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    for (const phone of [arabic, english]) await phone.waitForSelector('[data-seat-status="deciding"]');
    await arabic.locator('.turn-summary').filter({ hasText: ARABIC_LETTER }).waitFor();
    expect(await english.locator('.turn-summary').textContent()).not.toMatch(ARABIC_LETTER);
    expect(errors).toEqual([]);
  }, 120_000);
});
