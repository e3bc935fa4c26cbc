// What the play-test left: the title's menu and a chosen role's goals above the fold at 1280x720, something to see
// at first paint before the script arrives, a legend for every emblem on the map (canvas and panel), and canvas
// labels that never cover each other with the text at 200% (1280x720 and 360x640). The canvas is read through
// window.crisisTable.canvas() (src/main.ts): every visible text and named image the running scenes draw, with its
// box on the page.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { type Drawn, intersects } from './support/canvas-drawn.ts';
import { sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';
import { storeSettings } from './support/stored-settings.ts';

async function drawn(page: Page, scene: string): Promise<Drawn[]> {
  const all = await page.evaluate(() =>
    (window as unknown as { crisisTable: { canvas: () => Drawn[] } }).crisisTable.canvas(),
  );
  return all.filter((d) => d.scene === scene);
}

/**
 * Opens the game at `query` with every script and stylesheet held back, so that the first paint can be looked at;
 * returns what lets them come. Not game.open(): its navigation waits for the page's load, which the held script delays.
 */
async function firstPaint(page: Page, query: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\.(js|css)(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(new URL(query, inject('baseUrl')).href, { waitUntil: 'commit' });
  return release;
}

/** Every pair of canvas texts of the scene that overlap, and every text that leaves the canvas. */
async function textProblems(page: Page, scene: string): Promise<string[]> {
  const stage = await page.evaluate(() => {
    const r = document.getElementById('stage')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const texts = (await drawn(page, scene)).filter((d) => d.kind === 'text');
  expect(texts.length, `${scene} draws texts`).toBeGreaterThan(0);
  const problems: string[] = [];
  const name = (d: Drawn) => JSON.stringify(d.label.replace(/\s+/g, ' ').slice(0, 40));
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (intersects(a.box, b.box)) problems.push(`${scene}: ${name(a)} covers ${name(b)}`);
    }
    const out =
      a.box.x < stage.x - 0.5 ||
      a.box.y < stage.y - 0.5 ||
      a.box.x + a.box.width > stage.x + stage.width + 0.5 ||
      a.box.y + a.box.height > stage.y + stage.height + 0.5;
    if (out) problems.push(`${scene}: ${name(a)} leaves the canvas`);
  });
  return problems;
}

describe('layout', () => {
  const withGame = useGameBrowser();

  it('shows the whole title menu, and a chosen role’s goals and Play, without scrolling at 1280x720', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open();
      await titleLoaded(page);
      const menu = page.getByRole('navigation', { name: 'Main menu' }).getByRole('button');
      expect(await menu.count()).toBeGreaterThanOrEqual(3);
      for (const box of await menu.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
        expect(box.bottom).toBeLessThanOrEqual(720);
        expect(box.top).toBeGreaterThanOrEqual(0);
      }
      expect(await page.evaluate(() => document.getElementById('ui')!.scrollTop)).toBe(0);

      await page.getByRole('button', { name: 'New game' }).click();
      await sceneReady(page, 'perspective');
      const actors = await page.locator('button[data-actor]').count();
      expect(actors).toBe(5);
      for (let digit = 1; digit <= actors; digit++) {
        await page.keyboard.press(String(digit));
        await page.locator(`button[data-actor][aria-pressed="true"]`).nth(0).waitFor();
        const goals = page.locator('.actor-details li');
        expect(await goals.count()).toBeGreaterThanOrEqual(3);
        const bottoms = await goals.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
        for (const bottom of bottoms)
          expect(bottom, `actor ${digit}: a goal below the fold`).toBeLessThanOrEqual(720);
        const play = await page
          .locator('[data-intent="start-game"]')
          .evaluate((e) => e.getBoundingClientRect().bottom);
        expect(play, `actor ${digit}: Play below the fold`).toBeLessThanOrEqual(720);
        expect(await page.evaluate(() => document.getElementById('ui')!.scrollTop)).toBe(0);
      }
      await game.shot('perspective-goals-1280x720');
      expect(game.problems).toEqual([]);
    });
  });

  it('paints the game’s name and a loading message before the script arrives, and replaces them when it starts', async () => {
    await withGame(async (game) => {
      const { page } = game;
      const release = await firstPaint(page, '?renderer=canvas');
      const heading = page.getByRole('heading', { level: 1, name: 'Crisis Table' });
      await heading.waitFor();
      expect(await heading.isVisible()).toBe(true);
      const status = page.getByRole('status');
      expect(await status.locator('span:visible').textContent()).toBe('Loading the game…');
      expect(await status.isVisible()).toBe(true);
      // Inside the page's main landmark, so that every part of the page is in one.
      expect(await page.locator('main#ui #splash').count()).toBe(1);
      release();
      await titleLoaded(page);
      expect(await page.locator('#splash').count()).toBe(0);
      expect(game.problems).toEqual([]);
    });
  });

  it('paints the first screen in Arabic, right to left, on a device that reads Arabic', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        const release = await firstPaint(page, '?renderer=canvas');
        await page.getByRole('heading', { level: 1, name: 'طاولة الأزمة' }).waitFor();
        expect(await page.getByRole('status').locator('span:visible').textContent()).toBe(
          'جارٍ تحميل اللعبة…',
        );
        expect(
          await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
        ).toEqual(['ar-IQ', 'rtl']);
        // The address's language wins over the browser's, as in the game.
        await page.goto(new URL('?renderer=canvas&lang=en', inject('baseUrl')).href, { waitUntil: 'commit' });
        await page.getByRole('heading', { level: 1, name: 'Crisis Table' }).waitFor();
        expect(await page.getByRole('status').locator('span:visible').textContent()).toBe(
          'Loading the game…',
        );
        release();
        await titleLoaded(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(game.problems).toEqual([]);
      },
      undefined,
      { locale: 'ar-IQ' },
    );
  });

  it('has the splash in the HTML the server sends, before any script runs', async () => {
    await withGame(async (game) => {
      await game.open();
      const response = await game.page.request.get(game.page.url());
      const html = await response.text();
      expect(html).toContain('id="splash"');
      expect(html).toMatch(/<h1[^>]*><span lang="en">Crisis Table<\/span>/);
      expect(html).toContain('role="status"><span lang="en">Loading the game…</span>');
      expect(html).toContain('<span lang="ar-IQ">جارٍ تحميل اللعبة…</span>');
    });
  });

  it('explains every emblem on the map, in a legend on the canvas and in the panel', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas&seed=3');
      await playByKeyboard(page, { perspective: 1, turns: 1 });
      const objects = await drawn(page, 'situation');
      const keys = (prefix: string) =>
        [
          ...new Set(
            objects
              .filter((d) => d.kind === 'image' && d.label.startsWith(prefix))
              .map((d) => d.label.slice(prefix.length)),
          ),
        ].sort();
      const onMap = keys('emblem:');
      expect(onMap).toEqual(expect.arrayContaining(['mountains', 'sail']));
      expect(keys('legend:')).toEqual(onMap);
      // Each legend emblem has its name beside it, and the names cover nothing.
      expect(await textProblems(page, 'situation')).toEqual([]);
      const panel = await page
        .locator('#map-legend li[data-emblem]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.emblem ?? ''));
      expect([...panel].sort()).toEqual(onMap);
      const sail = page.locator('#map-legend li[data-emblem="sail"]');
      expect(await sail.textContent()).toContain('Gulf');
      expect(await page.locator('#map-legend li[data-emblem="mountains"]').textContent()).toContain(
        'Kurdistan',
      );
      await game.shot('situation-map-legend');
      expect(game.problems).toEqual([]);
    });
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 360, height: 640 },
  ]) {
    it(`lays the canvas out with the text at 200% at ${viewport.width}x${viewport.height}: no label covers another`, async () => {
      await withGame(async (game) => {
        const { page } = game;
        await storeSettings(game, { textScale: 2, muted: true });
        await game.open('?renderer=canvas&seed=9');
        await titleLoaded(page);
        expect(
          (
            await page.evaluate(() =>
              getComputedStyle(document.documentElement).getPropertyValue('--text-scale'),
            )
          ).trim(),
        ).toBe('2');
        const problems = await textProblems(page, 'title');
        const seen: string[] = ['title'];
        await playByKeyboard(page, {
          perspective: 3,
          turns: 2,
          onScene: async (scene) => {
            seen.push(scene);
            problems.push(...(await textProblems(page, scene)));
          },
        });
        seen.push('situation');
        problems.push(...(await textProblems(page, 'situation')));
        expect(seen).toEqual(
          expect.arrayContaining(['title', 'perspective', 'briefing', 'situation', 'resolution']),
        );
        await game.shot(`situation-text-200-${viewport.width}x${viewport.height}`);
        expect(problems).toEqual([]);
        expect(game.problems).toEqual([]);
      }, viewport);
    });
  }
});
