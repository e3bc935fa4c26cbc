// A turn must fit a lesson: what the situation room shows at first sight (counted as support/first-sight.ts says:
// the panel's words with every disclosure closed) stays within its share of a decision's 350 words (the
// "What happened" screen before it has the rest: decision-reading.test.ts); the rest waits behind "More", and an
// option's full text behind its "+". And the room's keys do what they say: badges only for the digits that work,
// Enter on the option already picked confirms it.
import { describe, expect, it } from 'vitest';
import { playByKeyboard, sceneReady } from '../../scripts/browser/keyboard-play.ts';
import { SITUATION_WORDS } from '../../src/present/reading.presenter.ts';
import { firstSight } from './support/first-sight.ts';
import { useGameBrowser } from './support/game-page.ts';

const MAX_WORDS = SITUATION_WORDS;
/** 0-based turns of the situation screens counted: turns 1, 4 and 7 as the player reads them. */
const COUNTED = [0, 3, 6];

describe('the situation room at first sight', () => {
  const withGame = useGameBrowser();

  it(`holds at most ${MAX_WORDS} words on turns 1, 4 and 7 of a Prime Minister game`, async () => {
    await withGame(async (game) => {
      await game.open('?renderer=canvas&seed=5');
      const counts: Record<number, number> = {};
      await playByKeyboard(game.page, {
        perspective: 1,
        turns: Math.max(...COUNTED) + 1,
        onScene: async (scene, turn) => {
          if (scene !== 'situation' || !COUNTED.includes(turn)) return;
          const seen = {
            ...(await firstSight(game.page, '.view--situation')),
            heading: (await game.page.locator('h1').first().textContent()) ?? '',
          };
          expect(seen.closed).toBe(true);
          expect(seen.heading).toMatch(new RegExp(`^Turn ${turn + 1} of `));
          counts[turn + 1] = seen.words;
        },
      });
      console.log(`first-sight words of the situation room (pm, seed 5): ${JSON.stringify(counts)}`);
      expect(Object.keys(counts).map(Number)).toEqual(COUNTED.map((t) => t + 1));
      for (const words of Object.values(counts)) {
        expect(words).toBeGreaterThan(30);
        expect(words).toBeLessThanOrEqual(MAX_WORDS);
      }
      expect(game.problems).toEqual([]);
    });
  });

  it('shows key badges only for 1–9, says why an option is closed, and confirms on Enter on the picked option', async () => {
    await withGame(async (game) => {
      await game.open('?renderer=canvas&seed=5');
      await playByKeyboard(game.page, { perspective: 1, turns: 0 });
      const page = game.page;
      const options = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLButtonElement>('button[data-option]')].map((b) => ({
          badge: b.querySelector('kbd')?.textContent ?? null,
          disabled: b.disabled,
          closed: b.closest('li')?.querySelector('.option__closed')?.textContent ?? null,
        })),
      );
      // The Prime Minister has more than nine options: the tenth and later have no badge.
      expect(options.length).toBeGreaterThan(9);
      expect(options.map((o) => o.badge)).toEqual(options.map((_, i) => (i < 9 ? String(i + 1) : null)));
      const closed = options.filter((o) => o.disabled);
      expect(closed.length).toBeGreaterThan(0);
      for (const o of closed)
        expect(o.closed).toMatch(/^Closed — (needs|only|closed|one of|depends|not open)\b.+\.$/);
      // The full texts are behind the closed disclosure, not at first sight, and one tap away beside each option:
      // its "+" opens it in place (and says why a closed one is closed), and closes it again.
      expect(await page.locator('[data-first-sight] .option__description').count()).toBe(0);
      expect(await page.locator('details.more .option__description').count()).toBe(options.length);
      expect(await page.locator('.option__about:visible').count()).toBe(0);
      const lastItem = page.locator('.option-list > li').last();
      const toggle = lastItem.locator('.option__toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await lastItem.locator('.option__about .option__text').isVisible()).toBe(true);
      if (options.at(-1)?.disabled) expect(await lastItem.locator('.option__closed').isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await lastItem.locator('.option__about').isVisible()).toBe(false);

      const first = page.locator('button[data-option]:not([disabled])').first();
      await first.click();
      await page.locator('button[data-option][aria-pressed="true"]').waitFor();
      await first.focus();
      await page.keyboard.press('Enter');
      await sceneReady(page, 'resolution');
      expect(await page.locator('[data-intent="next"]').count()).toBe(1);
      expect(game.problems).toEqual([]);
    });
  });
});
