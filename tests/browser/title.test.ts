import { describe, expect, it } from 'vitest';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

describe('title screen', () => {
  const withGame = useGameBrowser();

  it('loads with no console error or warning and no failed request, menu in HTML', async () => {
    await withGame(async (game) => {
      // No warning either: a development build of a package (lit's dev mode) says so in one, and is not what ships.
      const warnings: string[] = [];
      game.page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await game.open();
      await sceneReady(game.page, 'title');
      const { page } = game;
      expect(await page.getByRole('heading', { level: 1, name: 'Crisis Table' }).count()).toBe(1);
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      for (const name of ['New game', 'Settings', 'Credits and sources']) {
        expect(await menu.getByRole('button', { name }).count()).toBe(1);
      }
      // Playing with others starts from the title too: on this device, or in a class's room.
      expect(
        await menu.getByRole('link', { name: 'Play together on this device' }).getAttribute('href'),
      ).toBe('/class.html?pass');
      expect(await menu.getByRole('link', { name: /A class or a workshop/ }).getAttribute('href')).toBe(
        '/class.html',
      );
      // The scenario loads after the title; its title replaces the placeholder.
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      // Let the sounds and the music load too: a missing file would show as a failed request.
      await page.locator('[data-cue="music-calm"]').waitFor({ state: 'attached', timeout: 10_000 });
      await game.shot('title-1280x720');
      // Every part of the page is inside a landmark (axe's region rule), the sound captions too.
      const outside = await page.evaluate(() => {
        const landmark =
          'main, nav, header, footer, aside, section[aria-label], [role=region][aria-label], [role=main], [role=dialog]';
        return [...document.body.querySelectorAll('body > *:not(script):not(#live)')]
          .filter((el) => !el.closest(landmark) && !el.querySelector(landmark))
          .map((el) => el.id || el.tagName);
      });
      expect(outside).toEqual([]);
      expect(await page.getByRole('region', { name: 'Sound captions' }).count()).toBe(1);
      expect(game.problems).toEqual([]);
      expect(warnings).toEqual([]);
    });
  });

  it('shows the sources, the who’s who and the glossary under Credits and sources', async () => {
    await withGame(async (game) => {
      await game.open();
      await titleLoaded(game.page);
      await game.page.getByRole('button', { name: 'Credits and sources' }).click();
      const dialog = game.page.locator('#credits-dialog');
      await dialog.getByRole('heading', { name: 'Glossary' }).waitFor();
      expect(await dialog.getByRole('heading', { name: "Who's who" }).count()).toBe(1);
      expect(await dialog.locator('dt', { hasText: 'Green Zone' }).count()).toBeGreaterThanOrEqual(1);
      expect(await dialog.locator('dt', { hasText: 'Muqtada al-Sadr' }).count()).toBeGreaterThanOrEqual(1);
      expect(await dialog.locator('cite').count()).toBe(5);
      await game.shot('credits');
      expect(game.problems).toEqual([]);
    });
  });

  it('is readable on a phone (360x640) and keeps the menu reachable', async () => {
    await withGame(
      async (game) => {
        await game.open();
        await titleLoaded(game.page);
        const button = game.page.getByRole('button', { name: 'New game' });
        const box = await button.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
        expect(box!.height).toBeGreaterThanOrEqual(44); // a touch target
        await game.shot('title-360x640');
        expect(game.problems).toEqual([]);
      },
      { width: 360, height: 640 },
    );
  });

  it('creates no WebGL context with the canvas renderer, and with the automatic choice draws the title all the same', async () => {
    // Phaser's device check created one at load in every renderer, to choose the renderer (issue 18: 250 ms before
    // the title under load); it now runs when the choice is made, which the canvas renderer never asks for.
    const COUNT = `(() => {
      window.__webgl = 0;
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        if (String(kind).includes('webgl')) window.__webgl++;
        return get.call(this, kind, ...rest);
      };
    })();`;
    const webgl = (page: import('playwright-core').Page) =>
      page.evaluate(() => (window as unknown as { __webgl: number }).__webgl);
    await withGame(async (game) => {
      const { page } = game;
      await page.addInitScript(COUNT);
      await game.open();
      await titleLoaded(page);
      expect(await webgl(page)).toBe(0);
      // The automatic choice asks (WebGL where the browser has it, here a software one): it is asked at least once.
      await game.open('?renderer=auto');
      await titleLoaded(page);
      expect(await webgl(page)).toBeGreaterThan(0);
      expect(game.problems).toEqual([]);
    });
  });

  it('remembers settings and opens the menu with Esc', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open();
      await titleLoaded(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Text size').selectOption('1.5');
      await page.getByLabel('Mute all sound').check();
      await game.shot('settings');
      await page.keyboard.press('Escape'); // closes the dialog
      expect(await page.locator('dialog[open]').count()).toBe(0);
      await game.reload();
      await titleLoaded(page);
      const scale = await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--text-scale'),
      );
      expect(scale.trim()).toBe('1.5');
      await page.keyboard.press('Escape');
      const menu = page.getByRole('dialog', { name: 'Menu' });
      await menu.getByRole('button', { name: 'Settings' }).click();
      expect(await page.getByLabel('Mute all sound').isChecked()).toBe(true);
      expect(game.problems).toEqual([]);
    });
  });
});
