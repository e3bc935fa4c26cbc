// The credits, sources and glossary dialog scrolls by keyboard (play-test-2 A11, axe scrollable-region-focusable):
// with focus where the dialog puts it (Close), the page keys scroll its body; Tab reaches the body itself, a named
// region that the browser scrolls; Esc closes it and gives focus back.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { titleLoaded, useGameBrowser } from './support/game-page.ts';

const scrollTop = (body: Locator) => body.evaluate((el) => el.scrollTop);

describe('the glossary dialog by keyboard', () => {
  const withGame = useGameBrowser();

  for (const viewport of [
    { width: 360, height: 640 },
    { width: 1280, height: 720 },
  ]) {
    it(`scrolls with PageDown, the arrows, End and Home at ${viewport.width}x${viewport.height}`, async () => {
      await withGame(async (game) => {
        const { page } = game;
        await game.open();
        await titleLoaded(page);
        await page.getByRole('button', { name: 'Credits and sources' }).focus();
        await page.keyboard.press('Enter');
        const dialog = page.locator('#credits-dialog');
        await dialog.getByRole('heading', { name: 'Glossary' }).waitFor();
        const body = dialog.locator('.dialog__body');
        expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

        // Focus inside the dialog, on Close: the keys scroll the body, not the page behind.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
        expect(await scrollTop(body)).toBe(0);
        await page.keyboard.press('PageDown');
        const paged = await scrollTop(body);
        expect(paged).toBeGreaterThan(0);
        await page.keyboard.press('ArrowDown');
        expect(await scrollTop(body)).toBeGreaterThan(paged);
        await page.keyboard.press('End');
        const end = await body.evaluate((el) => el.scrollHeight - el.clientHeight);
        expect(await scrollTop(body)).toBeGreaterThanOrEqual(end - 1);
        // The glossary's last entries are then in view.
        const last = dialog.locator('#credits-glossary + dl dd').last();
        await expect.poll(() => last.isVisible()).toBe(true);
        await page.keyboard.press('Home');
        expect(await scrollTop(body)).toBe(0);

        // Tab reaches the body, a region named by the dialog's title, which the browser scrolls itself.
        await page.keyboard.press('Tab');
        expect(
          await page.evaluate(() => [
            document.activeElement?.className,
            document.activeElement?.getAttribute('role'),
          ]),
        ).toEqual(['dialog__body', 'region']);
        expect(await dialog.getByRole('region', { name: 'Credits and sources' }).count()).toBe(1);
        await page.keyboard.press('PageDown');
        await expect.poll(() => scrollTop(body)).toBeGreaterThan(0);

        // Esc closes it, and focus is back on the button that opened it.
        await page.keyboard.press('Escape');
        expect(await page.locator('dialog[open]').count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Credits and sources');
        expect(game.problems).toEqual([]);
      }, viewport);
    });
  }
});
