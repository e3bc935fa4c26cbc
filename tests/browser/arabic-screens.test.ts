// Every screen type in Arabic (issue 20), at a phone's 390x844 and a projector's 1920x1080: the title, the settings,
// the credits, the choice of role, the briefing, the situation room, "What happened", the debrief (a whole solo game played to
// it), pass-and-play, the replay of the game just played, the teacher's pack and the class page. On each: the page
// says ar-IQ and rtl, no text is wider than its box or beyond the window's sides, and axe-core finds nothing. The
// screenshots go to test-results/browser/arabic/ (as the other browser tests' do), for the closing note.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, clipped } from './support/arabic-checks.ts';
import type { Drawn } from './support/canvas-drawn.ts';
import { type GamePage, SHOTS, sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1920, height: 1080 };
const ARABIC = { locale: 'ar-IQ' };
const FOLDER = join(SHOTS, 'arabic');

/**
 * The canvas's texts that reach past its left or right edge: a right-to-left text placed as if it started at its
 * left edge (Phaser gives such text an origin of 1) would stand mostly outside, its start cut off.
 */
async function canvasOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const stage = document.getElementById('stage')?.getBoundingClientRect();
    const api = (window as unknown as { crisisTable?: { canvas: () => Drawn[] } }).crisisTable;
    if (!stage || !api) return [];
    return api
      .canvas()
      .filter(
        (d) => d.kind === 'text' && (d.box.x < stage.left - 1 || d.box.x + d.box.width > stage.right + 1),
      )
      .map(
        (d) => `${d.scene}: “${d.label.slice(0, 40)}” at ${Math.round(d.box.x)}+${Math.round(d.box.width)}`,
      );
  });
}

/** The checks every screen must pass, and its screenshot. */
async function screen(page: Page, name: string, viewport: { width: number; height: number }): Promise<void> {
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    'ar-IQ',
    'rtl',
  ]);
  // The fonts and the canvas have settled: what the screenshot shows is what a player sees.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(FOLDER, { recursive: true });
  await page.screenshot({ path: join(FOLDER, `${name}-${viewport.width}x${viewport.height}.png`) });
  expect({ name, clipped: await clipped(page) }).toEqual({ name, clipped: [] });
  expect({ name, canvas: await canvasOutside(page) }).toEqual({ name, canvas: [] });
  expect({ name, axe: await axeViolations(page) }).toEqual({ name, axe: [] });
}

/** The real problems: a reload cancels what the page it leaves was loading. */
const real = (game: GamePage) => game.problems.filter((p) => !p.includes('net::ERR_ABORTED'));

/** Picks the first open option and confirms; then "What happened", and on to the next turn or the debrief. */
async function playTurn(page: Page): Promise<'situation' | 'debrief'> {
  const digit = await page.evaluate(
    () => document.querySelector('button[data-option]:not([disabled]) kbd')?.textContent ?? null,
  );
  if (digit) {
    await page.keyboard.press(digit);
    await page.locator('button[data-option][aria-pressed="true"]').waitFor();
  }
  await page.keyboard.press('Enter');
  await sceneReady(page, 'resolution');
  await page.keyboard.press('Enter');
  await page.locator('body[data-scene-ready="situation"], body[data-scene-ready="debrief"]').waitFor({
    state: 'attached',
  });
  return (await page.getAttribute('body', 'data-scene-ready')) as 'situation' | 'debrief';
}

describe('every screen type in Arabic', () => {
  const withGame = useGameBrowser();

  for (const viewport of [PHONE, WIDE]) {
    it(`plays a solo game to the debrief in Arabic at ${viewport.width}x${viewport.height}, every screen clean`, async () => {
      await withGame(
        async (game) => {
          const { page } = game;
          await game.open();
          await titleLoaded(page);
          await screen(page, 'title', viewport);

          await page.getByRole('button', { name: 'الإعدادات' }).click();
          await page.locator('dialog[open]').waitFor();
          await screen(page, 'settings', viewport);
          await page.keyboard.press('Escape');
          await page.locator('dialog[open]').waitFor({ state: 'detached' });

          await page.getByRole('button', { name: 'الشكر والمصادر' }).click();
          await page.locator('#credits-dialog dd .source-list__meta').first().waitFor();
          await screen(page, 'credits', viewport);
          await page.keyboard.press('Escape');
          await page.locator('dialog[open]').waitFor({ state: 'detached' });

          await page.getByRole('button', { name: 'لعبة جديدة' }).click();
          await sceneReady(page, 'perspective');
          await page.keyboard.press('1');
          await page.locator('button[data-actor][aria-pressed="true"]').waitFor();
          await screen(page, 'perspective', viewport);
          await page.keyboard.press('Enter');
          await sceneReady(page, 'briefing');
          expect(await page.locator('main h1, #ui h1').first().textContent()).toMatch(/^إحاطة: /);
          await screen(page, 'briefing', viewport);
          await page.keyboard.press('Enter');
          await sceneReady(page, 'situation');
          // "الجولة ١ من …": the turn in Arabic-Indic digits, the date with the Iraqi month name.
          expect(await page.locator('#ui h1').textContent()).toMatch(/^الجولة ١ من [٠-٩]+: .*تشرين الأول/);
          await screen(page, 'situation', viewport);

          // The first turn's "What happened", then on to the end.
          const digit = await page.evaluate(
            () => document.querySelector('button[data-option]:not([disabled]) kbd')?.textContent ?? null,
          );
          if (digit) await page.keyboard.press(digit);
          await page.keyboard.press('Enter');
          await sceneReady(page, 'resolution');
          await screen(page, 'resolution', viewport);
          await page.keyboard.press('Enter');
          await page.locator('body[data-scene-ready="situation"], body[data-scene-ready="debrief"]').waitFor({
            state: 'attached',
          });
          let at = (await page.getAttribute('body', 'data-scene-ready')) ?? '';
          for (let turns = 0; at === 'situation' && turns < 20; turns++) at = await playTurn(page);
          expect(at).toBe('debrief');
          expect(await page.locator('#ui h1').textContent()).toMatch(/^المآل: /);
          await screen(page, 'debrief', viewport);

          // The game just played, in the replay.
          await game.open('/class.html?replay=saved');
          await page.locator('[data-replay-where]').waitFor();
          await screen(page, 'replay', viewport);

          await game.open('/class.html?pass');
          await page.locator('[data-pass-seat]').first().waitFor();
          await screen(page, 'pass-and-play', viewport);

          await game.open('/class.html?pack');
          await page.locator('#classroom h1').waitFor();
          await screen(page, 'pack', viewport);

          await game.open('/class.html');
          await page.locator('#classroom h1').waitFor();
          await screen(page, 'class-start', viewport);
          expect(real(game)).toEqual([]);
        },
        viewport,
        ARABIC,
      );
    }, 300_000);
  }

  it('downloads the Arabic font from this server, and an English player none', async () => {
    for (const [options, wants] of [
      [ARABIC, true],
      [{ locale: 'en-GB' }, false],
    ] as const) {
      await withGame(
        async (game) => {
          const fonts: string[] = [];
          game.page.on('request', (r) => {
            if (r.resourceType() === 'font' || /\.woff2?$/.test(r.url())) fonts.push(r.url());
          });
          await game.open();
          await titleLoaded(game.page);
          const base = new URL(game.page.url()).origin;
          expect(fonts.every((url) => url.startsWith(base))).toBe(true);
          expect(fonts.some((url) => /noto-sans-arabic-arabic-400-normal[\w.-]*\.woff2$/.test(url))).toBe(
            wants,
          );
          // Both weights loaded before the first screen was drawn (the canvas does not redraw when a font comes).
          const faces = await game.page.evaluate(() =>
            [...document.fonts].filter((f) => f.family.includes('Noto Sans Arabic')).map((f) => f.status),
          );
          expect(faces).toEqual(wants ? ['loaded', 'loaded'] : []);
        },
        PHONE,
        options,
      );
    }
  });
});
