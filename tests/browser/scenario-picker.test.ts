/**
 * Scenarios as plug-ins (issue 17, item 9): a build in test mode bundles the small test scenario
 * (tests/fixtures/scenarios/harbour-test) beside Baghdad. Its title offers both by title, each starts its own game
 * and loads only when chosen, a link names one (?scenario=id), and Baghdad's game is the same as in the shipped
 * build (the one every other browser test uses), where no picker shows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { type Served, servePreview } from '../../scripts/browser/preview-server.ts';
import { type GamePage, gamePage, sceneReady, titleLoaded } from './support/game-page.ts';

const BAGHDAD = 'After the Ballot: Baghdad, October to December 2021';
const HARBOUR = 'The Harbour Bridge (a test scenario)';

let browser: Browser;
let served: Served;
let outDir: string;

beforeAll(async () => {
  const root = resolve(import.meta.dirname, '../..');
  outDir = mkdtempSync(join(tmpdir(), 'crisis-scenarios-'));
  // The same build as the shipped one, in test mode: the registry then bundles the test scenario too.
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode: 'test',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  served = await servePreview({ root, outDir });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function withPage(baseUrl: string, run: (game: GamePage) => Promise<void>): Promise<void> {
  const game = await gamePage(browser, baseUrl);
  try {
    await run(game);
    expect(game.problems).toEqual([]);
  } finally {
    await game.close();
  }
}

/** The picker's buttons: each scenario's title, and whether it is the one chosen. */
function picked(page: Page): Promise<[string, string | null][]> {
  return page
    .locator('[data-intent="pick-scenario"]')
    .evaluateAll((buttons) => buttons.map((b) => [b.textContent ?? '', b.getAttribute('aria-pressed')]));
}

/** The scenario chunks the page has asked for, by scenario id. */
function scenarioChunks(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const chunk = /\/assets\/(baghdad-2021|harbour-test)-[\w-]+\.js$/.exec(r.url());
    if (chunk) asked.push(chunk[1]!);
  });
  return asked;
}

/** The texts the canvas draws (main.ts exposes them, read-only, for tests). */
function canvasTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { crisisTable: { canvas: () => { kind: string; label: string }[] } }).crisisTable
      .canvas()
      .filter((o) => o.kind === 'text')
      .map((o) => o.label),
  );
}

/** What a player sees after two turns of Baghdad with seed 5: the panel's text and the canvas's texts and images. */
async function baghdadAfterTwoTurns(page: Page): Promise<{ panel: string; canvas: string[] }> {
  await playByKeyboard(page, { perspective: 1, turns: 2 });
  const panel = (await page.locator('#ui').textContent()) ?? '';
  const canvas = await page.evaluate(() =>
    (
      window as unknown as {
        crisisTable: { canvas: () => { kind: string; label: string; box: Record<string, number> }[] };
      }
    ).crisisTable
      .canvas()
      .map((o) => `${o.kind} ${o.label} ${Object.values(o.box).map(Math.round).join(',')}`),
  );
  return { panel, canvas };
}

describe('a build with two scenarios', () => {
  it('offers both by title, loads only the one chosen, and starts its own game', async () => {
    await withPage(served.url, async (game) => {
      const { page } = game;
      const chunks = scenarioChunks(page);
      await game.open('?renderer=canvas');
      await titleLoaded(page);
      expect(await picked(page)).toEqual([
        [BAGHDAD, 'true'],
        [HARBOUR, 'false'],
      ]);
      expect(await page.locator('.title__scenario h2').textContent()).toBe(BAGHDAD);
      expect(chunks).toEqual(['baghdad-2021']);
      await game.shot('picker-baghdad');

      await page.getByRole('button', { name: HARBOUR }).click();
      await page.locator('.title__scenario h2', { hasText: HARBOUR }).waitFor();
      expect(await picked(page)).toEqual([
        [BAGHDAD, 'false'],
        [HARBOUR, 'true'],
      ]);
      expect(new URL(page.url()).searchParams.get('scenario')).toBe('harbour-test');
      expect(chunks).toEqual(['baghdad-2021', 'harbour-test']);
      // The games on this device that the title links to play the chosen scenario too.
      expect(
        await page.getByRole('link', { name: 'Play together on this device' }).getAttribute('href'),
      ).toBe('/class.html?pass&scenario=harbour-test');
      // The focus stays on the choice, for a keyboard player.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-scenario'))).toBe(
        'harbour-test',
      );
      await game.shot('picker-harbour');

      await page.getByRole('button', { name: 'New game' }).click();
      await sceneReady(page, 'perspective');
      expect(await page.locator('button[data-actor]').allTextContents()).toEqual([
        expect.stringContaining('The mayor'),
      ]);
      await page.locator('button[data-actor]').first().click();
      await page.locator('[data-intent="start-game"]').click();
      await sceneReady(page, 'briefing');
      await page.keyboard.press('Enter');
      await sceneReady(page, 'situation');
      expect(await page.locator('h1').first().textContent()).toMatch(/^Turn 1 of 2: /);
      // The test scenario has no map: the situation room says so, and draws no country it did not give.
      const drawn = await canvasTexts(page);
      expect(drawn).toContain('This scenario has no map');
      expect(drawn.filter((t) => /Baghdad|Green Zone|Erbil/.test(t))).toEqual([]);
      await game.shot('harbour-situation');
    });
  });

  it('opens on the scenario a link names, and continues that scenario’s saved game', async () => {
    await withPage(served.url, async (game) => {
      const { page } = game;
      const chunks = scenarioChunks(page);
      await game.open('?renderer=canvas&scenario=harbour-test');
      await titleLoaded(page);
      expect(await page.locator('.title__scenario h2').textContent()).toBe(HARBOUR);
      expect(chunks).toEqual(['harbour-test']);
      await page.getByRole('button', { name: 'New game' }).click();
      await sceneReady(page, 'perspective');
      await page.locator('button[data-actor]').first().click();
      await page.locator('[data-intent="start-game"]').click();
      await sceneReady(page, 'briefing');
      // Without the link, the title opens on the scenario that has a saved game, and continues it.
      await game.open('?renderer=canvas');
      await titleLoaded(page);
      // The saves are read at an idle moment after the title is up (issue 18): the title turns to the saved game's
      // scenario a moment after it is drawn.
      await expect.poll(() => page.locator('.title__scenario h2').textContent()).toBe(HARBOUR);
      expect((await picked(page)).map(([, pressed]) => pressed)).toEqual(['false', 'true']);
      await page.getByRole('button', { name: /^Continue as the mayor, turn 1 of 2$/ }).click();
      await sceneReady(page, 'situation');
      expect(await page.locator('h1').first().textContent()).toMatch(/^Turn 1 of 2: /);
    });
  });

  it('plays Baghdad exactly as the shipped build does', async () => {
    let shipped: { panel: string; canvas: string[] } | null = null;
    await withPage(inject('baseUrl'), async (game) => {
      await game.open('?renderer=canvas&seed=5');
      await titleLoaded(game.page);
      // The shipped build bundles one scenario: no picker, the title as it always was.
      expect(await game.page.locator('[data-intent="pick-scenario"]').count()).toBe(0);
      shipped = await baghdadAfterTwoTurns(game.page);
    });
    await withPage(served.url, async (game) => {
      await game.open('?renderer=canvas&seed=5&scenario=baghdad-2021');
      await titleLoaded(game.page);
      const both = await baghdadAfterTwoTurns(game.page);
      expect(both.panel).toContain('Turn 3 of 10');
      // Its map, drawn from its data: the cities, the inset and its zone.
      for (const text of ['Baghdad', 'Baghdad (schematic)', 'Green Zone']) {
        expect(both.canvas.some((o) => o.startsWith(`text ${text} `))).toBe(true);
      }
      expect(both).toEqual(shipped);
    });
  });
});

describe('the class page of a build with two scenarios', () => {
  it('plays on this device the scenario its link names, and says so when it has none by that id', async () => {
    await withPage(served.url, async (game) => {
      const { page } = game;
      // Pass-and-play seats the test scenario's one playable actor; it has no teacher's pack, Baghdad has one.
      await page.goto(new URL('class.html?pass&scenario=harbour-test', served.url).href);
      await page.getByText('The players’ seats').waitFor();
      expect(await page.locator('main, #classroom').first().textContent()).toContain('The mayor');
      await page.goto(new URL('class.html?pack&scenario=harbour-test', served.url).href);
      await page.getByText('This scenario has no teacher’s pack yet').waitFor();
      await page.goto(new URL('class.html?pack', served.url).href);
      await page.getByRole('heading', { name: 'The teacher’s pack' }).waitFor();
      expect(await page.locator('.eyebrow.pack-noprint').first().textContent()).toBe(BAGHDAD);
      await page.goto(new URL('class.html?pack&scenario=aleppo-2012', served.url).href);
      await page.getByText('This game does not include the scenario “aleppo-2012”.').waitFor();
    });
  });
});

describe('the shipped build', () => {
  it('bundles Baghdad alone: the test scenario is in none of its files', () => {
    const assets = join(inject('distDir'), 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.some((f) => f.startsWith('baghdad-2021-'))).toBe(true);
    expect(scripts.filter((f) => readFileSync(join(assets, f), 'utf8').includes('harbour-test'))).toEqual([]);
    expect(readdirSync(join(outDir, 'assets')).some((f) => /^harbour-test-.*\.js$/.test(f))).toBe(true);
  });

  it('refuses in one sentence a save of a scenario it does not bundle, and a link to one', async () => {
    await withPage(inject('baseUrl'), async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas');
      await titleLoaded(page);
      await page.evaluate(() => localStorage.setItem('crisis-table.save.aleppo-2012', '{"format":"x"}'));
      await game.open('?renderer=canvas&scenario=aleppo-2012');
      await titleLoaded(page);
      const notice = page.locator('.notice[role=alert]');
      expect(await notice.textContent()).toBe('This game does not include the scenario “aleppo-2012”.');
      expect(await page.locator('.title__scenario h2').textContent()).toBe(BAGHDAD);
      await page.getByRole('button', { name: 'Continue the saved game' }).click();
      await page
        .locator('.notice[role=alert]', { hasText: 'The saved game is of the scenario “aleppo-2012”' })
        .waitFor();
      expect(await notice.textContent()).toBe(
        'The saved game is of the scenario “aleppo-2012”, which this game does not include.',
      );
      // Left in its slot for the build that can read it, and no longer offered here.
      expect(await page.getByRole('button', { name: /^Continue/ }).count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('crisis-table.save.aleppo-2012'))).not.toBeNull();
    });
  });
});
