// The replay on a 390x844 phone (play-test-2 A12): stepped to turn 6 and watched as a seat, the page does not
// scroll sideways, every control lies on the screen and is big enough to tap, and the text is as large as the game's.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { saveJson } from '../../src/sim/save.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the replay on a phone', () => {
  it('fits 390 px at turn 6 as a seat, as the public and as the facilitator, with every control on screen', async () => {
    const c = await bundledScenario();
    const game = playTurns(new LiveGame(c, 8).start(['pm']), [0, 2, 1]);
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${inject('baseUrl')}/class.html?replay`);
    await page.locator('#replay-file').setInputFiles({
      name: 'game.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saveJson(game.record)),
    });
    await page.locator('#replay-step').fill('5');
    await expect.poll(() => page.locator('[data-replay-where]').textContent()).toMatch(/^Turn 6 of 10/);
    for (const as of ['pm', 'public', 'facilitator', 'sadrists']) {
      await page.locator('#replay-as').selectOption(as);
      const fit = await page.evaluate(() => {
        const root = document.documentElement;
        const off = [...document.querySelectorAll('main *')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < -0.5 || r.right > root.clientWidth + 0.5);
          })
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`,
          );
        const controls = ['#replay-as', '[data-replay="prev"]', '#replay-step', '[data-replay="next"]'].map(
          (s) => {
            const r = document.querySelector(s)!.getBoundingClientRect();
            return { s, left: r.left, right: r.right, height: r.height };
          },
        );
        const sizes = [...document.querySelectorAll('main p, main li, main label, main select, main button')]
          .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent?.trim())
          .map(
            (el) =>
              [Number.parseFloat(getComputedStyle(el).fontSize), `${el.tagName}.${el.className}`] as const,
          );
        return {
          // A page wider than the phone is shown zoomed out, every letter smaller: the layout stays at 390.
          inner: window.innerWidth,
          scale: window.visualViewport?.scale ?? 1,
          scroll: root.scrollWidth,
          width: root.clientWidth,
          body: document.body.scrollWidth,
          off: off.slice(0, 8),
          controls,
          smallest: Math.min(...sizes.map((x) => x[0])),
          // The body text: paragraphs without a class of their own (small print has one), labels and controls.
          small: sizes
            .filter(([px, name]) => px < 14 && /^(P\.$|LABEL|SELECT|BUTTON)/.test(name))
            .map((x) => x.join(' ')),
        };
      });
      expect(fit.off, as).toEqual([]);
      expect(fit.inner, as).toBe(390);
      expect(fit.scale, as).toBe(1);
      expect(fit.scroll, as).toBeLessThanOrEqual(fit.width);
      expect(fit.body, as).toBeLessThanOrEqual(fit.width);
      for (const control of fit.controls) {
        expect(control.left, `${as} ${control.s}`).toBeGreaterThanOrEqual(0);
        expect(control.right, `${as} ${control.s}`).toBeLessThanOrEqual(fit.width);
        // Big enough to tap: 44 CSS pixels tall (WCAG 2.5.5), the range's track included.
        expect(control.height, `${as} ${control.s}`).toBeGreaterThanOrEqual(44);
      }
      // Body text at 14 px or more; the small print (eyebrows, datelines, statuses) at 12 px or more, as in the game.
      expect(fit.small, as).toEqual([]);
      expect(fit.smallest, as).toBeGreaterThanOrEqual(12);
    }
    await page.locator('#replay-as').selectOption('pm');
    await page.screenshot({ path: `${SHOTS}/replay-phone-turn-6-pm.png`, fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
