import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { type GamePage, sceneReady, titleLoaded, useGameBrowser } from './support/game-page.ts';

const SAVE_KEY = 'crisis-table.save.baghdad-2021';
const PM = 'the Prime Minister (Mustafa al-Kadhimi) and his government';

interface SourceYaml {
  file: string;
  title: string;
  date: string;
}

const SOURCES: SourceYaml[] = parse(readFileSync('scenarios/baghdad-2021/scenario.yaml', 'utf8')).meta
  .sources;

async function openCredits(game: GamePage) {
  await game.open();
  const { page } = game;
  await titleLoaded(page);
  await page.getByRole('button', { name: 'Credits and sources' }).click();
  const dialog = page.locator('#credits-dialog');
  await dialog.getByRole('heading', { name: 'Glossary' }).waitFor();
  return dialog;
}

describe('Credits and sources', () => {
  const withGame = useGameBrowser();

  it('lists each source by its own title and date, beside the file name the game cites', async () => {
    expect(SOURCES.length).toBe(5);
    await withGame(async (game) => {
      const dialog = await openCredits(game);
      for (const source of SOURCES) {
        const item = dialog.locator('.source-list li', { hasText: `cited in the game as ${source.file}` });
        expect(await item.count()).toBe(1);
        expect(await item.locator('cite').textContent()).toBe(source.title);
        expect(await item.textContent()).toContain(source.date);
      }
      // The outlet and the byline, where the documents give them.
      expect(await dialog.locator('.source-list').textContent()).toContain('International South Connect');
      expect(await dialog.locator('.source-list').textContent()).toContain('by Editorial Team');
      expect(game.problems).toEqual([]);
    });
  });

  for (const viewport of [
    { width: 360, height: 640 },
    { width: 1280, height: 720 },
  ]) {
    it(`keeps the glossary readable and Close reachable at ${viewport.width}x${viewport.height}`, async () => {
      await withGame(async (game) => {
        const { page } = game;
        const dialog = await openCredits(game);
        const body = dialog.locator('.dialog__body');
        // Not empty: the body takes most of the screen's height (or all its content needs).
        const sizes = await body.evaluate((el) => ({
          client: el.clientHeight,
          scroll: el.scrollHeight,
          clientWidth: el.clientWidth,
          scrollWidth: el.scrollWidth,
        }));
        expect(sizes.client).toBeGreaterThanOrEqual(Math.min(sizes.scroll, viewport.height * 0.6));
        expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
        // The first definition of the glossary, once scrolled to, lies wholly within the dialog's body.
        const definition = dialog.locator('#credits-glossary + dl dd').first();
        await definition.scrollIntoViewIfNeeded();
        const inner = await definition.boundingBox();
        const outer = await body.boundingBox();
        expect(inner).not.toBeNull();
        expect(outer).not.toBeNull();
        // The definition keeps at least half the width: the term column does not crowd it out.
        expect(inner!.width).toBeGreaterThanOrEqual(outer!.width * 0.5);
        expect(inner!.x).toBeGreaterThanOrEqual(outer!.x);
        expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width + 0.5);
        expect(inner!.y).toBeGreaterThanOrEqual(outer!.y);
        expect(inner!.y).toBeLessThan(outer!.y + outer!.height);
        // Scrolled to the bottom, Close is still on screen and works.
        await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        const close = dialog.getByRole('button', { name: 'Close' });
        const box = await close.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
        await game.shot(`credits-bottom-${viewport.width}x${viewport.height}`);
        await close.click();
        expect(await page.locator('dialog[open]').count()).toBe(0);
        expect(game.problems).toEqual([]);
      }, viewport);
    });
  }
});

/**
 * How many Continue buttons named `name` the title offers, once it offers one: the title reads the saves at an idle
 * moment after it is drawn (issue 18: no storage read on New game's way), so the button comes a moment after the
 * title. Fails if it never comes.
 */
/** A save of the previous format (2), at turn 4. */
const TURN_4 = 'tests/fixtures/saves/baghdad-2021-turn-4.json';

/** Opens the title with the save of `file` in the game's slot, as a player who comes back finds it. */
async function openWithSave(game: GamePage, file: string): Promise<void> {
  await game.open('?renderer=canvas');
  await titleLoaded(game.page);
  const json = readFileSync(file, 'utf8');
  await game.page.evaluate(([key, saved]) => localStorage.setItem(key!, saved!), [SAVE_KEY, json]);
  await game.reload();
  await titleLoaded(game.page);
}

async function continueOffered(page: Page, name: string): Promise<number> {
  const button = page.getByRole('button', { name, exact: true });
  await button.first().waitFor({ timeout: 10_000 });
  return button.count();
}

describe('Credits and sources in Arabic', () => {
  const withGame = useGameBrowser();

  it('cites each person and term as the other screens do, in Arabic', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open();
        await titleLoaded(page);
        await page.getByRole('button', { name: 'الشكر والمصادر' }).click();
        const dialog = page.locator('#credits-dialog');
        await dialog.locator('dd .source-list__meta').first().waitFor();
        const cites = await dialog.locator('dd .source-list__meta').allTextContents();
        expect(cites.length).toBeGreaterThan(5);
        // "(المصدر: …)" or invented, in Arabic: no English word, only the documents' numbers.
        for (const cite of cites) expect(cite).not.toMatch(/[A-Za-z]/);
        expect(game.problems).toEqual([]);
      },
      undefined,
      { locale: 'ar-IQ' },
    );
  });
});

describe('the title names the saved game and asks before replacing it', () => {
  const withGame = useGameBrowser();

  it('says which role and turn Continue continues, and asks before New game replaces the save', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await game.open('?renderer=canvas&seed=5');
      await playByKeyboard(page, { perspective: 1, turns: 2 });
      await game.reload();
      await titleLoaded(page);
      const label = `Continue as ${PM}, turn 3 of 10`;
      expect(await continueOffered(page, label)).toBe(1);
      const saved = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
      expect(saved).not.toBeNull();

      await page.getByRole('button', { name: 'New game' }).click();
      const ask = page.getByRole('alertdialog', { name: 'Replace the saved game?' });
      await ask.waitFor();
      expect(await ask.textContent()).toContain(
        `This replaces your saved game as ${PM}, at turn 3 of 10. Start a new game?`,
      );
      // Cancel has focus first: a hurried Enter keeps the save.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
      await game.shot('new-game-confirm');
      await ask.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.locator('dialog[open]').count()).toBe(0);
      expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBe(saved);
      expect(await page.locator('body').getAttribute('data-scene')).toBe('title');
      expect(await page.getByRole('button', { name: label, exact: true }).count()).toBe(1);

      // Confirmed, the new game starts (the save is replaced once a role is chosen).
      await page.getByRole('button', { name: 'New game' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Start a new game' }).click();
      await sceneReady(page, 'perspective');
      expect(game.problems).toEqual([]);
    });
  });

  it('names the role and turn of a save of the previous format (2), and plainly an unreadable one', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await openWithSave(game, TURN_4);
      const label = `Continue as ${PM}, turn 4 of 10`;
      expect(await continueOffered(page, label)).toBe(1);

      await page.evaluate((key) => localStorage.setItem(key, '{"format":"crisis-table/rec'), SAVE_KEY);
      await game.reload();
      await titleLoaded(page);
      expect(await continueOffered(page, 'Continue the saved game')).toBe(1);
      await page.getByRole('button', { name: 'New game' }).click();
      const ask = page.getByRole('alertdialog', { name: 'Replace the saved game?' });
      expect(await ask.textContent()).toContain('This replaces your saved game. Start a new game?');
      await page.keyboard.press('Escape');
      expect(await page.locator('dialog[open]').count()).toBe(0);
      expect(game.problems).toEqual([]);
    });
  });

  it('words the role and turn in Arabic, in its digits, on an Arabic device', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await openWithSave(game, TURN_4);
        const button = page.getByRole('button', { name: /^المتابعة بدور / });
        await button.waitFor({ timeout: 10_000 });
        const label = (await button.textContent()) ?? '';
        // (The turn is set apart by Unicode's isolates, as every value put in a sentence is.)
        expect(label).toMatch(/، الجولة \u2068٤ من ١٠\u2069$/);
        // The role is the scenario's Arabic name: no word of the label is left in English.
        expect(label).not.toMatch(/[A-Za-z]/);
        await page.getByRole('button', { name: 'لعبة جديدة' }).click();
        const ask = page.getByRole('alertdialog');
        await ask.waitFor();
        expect(await ask.textContent()).toMatch(/عند الجولة \u2068٤ من ١٠\u2069\. أتبدأ لعبة جديدة؟/);
        expect(await ask.textContent()).not.toMatch(/[A-Za-z]/);
        expect(game.problems).toEqual([]);
      },
      undefined,
      { locale: 'ar-IQ' },
    );
  });
});
