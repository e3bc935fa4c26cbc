// The solo situation room is a view of its model: a new model of the same screen (here the player's pick, by its
// digit) patches the page in place, so "More" stays open, an option's opened text stays open, the focus stays on the
// same option and the panel does not scroll. A new turn is a new screen: it opens at its top, with the focus on its
// heading, and an update of that screen leaves the focus there. On a 390-px phone the "Closed" badge stays one word.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playByKeyboard, sceneReady } from '../../scripts/browser/keyboard-play.ts';
import { expectClosedBadgesOnOneLine } from './support/closed-badges.ts';
import { useGameBrowser } from './support/game-page.ts';

/** The panel's scroll, what is open, and where the focus is (kept as `window.focusedBefore` to compare nodes). */
function roomState(page: Page) {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    return {
      scroll: document.getElementById('ui')?.scrollTop ?? -1,
      moreOpen: document.querySelector<HTMLDetailsElement>('details.more')?.open ?? null,
      aboutOpen: [...document.querySelectorAll<HTMLElement>('.option__about')].filter((a) => !a.hidden)
        .length,
      focusOption: focused?.dataset.option ?? null,
      focusInOptions: !!focused?.closest('.option-list'),
      focusHeading: focused?.tagName === 'H1' ? focused.textContent : null,
    };
  });
}

describe('the solo situation room as a view of its model', () => {
  const withGame = useGameBrowser();

  it('keeps what is open, the focus and the scroll through an update; a new turn opens at its top on the heading', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open('?renderer=canvas&seed=5');
        await playByKeyboard(page, { perspective: 1, turns: 0 });

        // "Closed" beside each closed option is one word on one line at 390 px (it used to wrap as "Clos / ed").
        await expectClosedBadgesOnOneLine(page);

        // The reader opens "More" and the last option's full text, then scrolls to an open option below the first
        // and focuses it, without picking it.
        await page.locator('details.more > summary').click();
        await page.locator('.option-list > li').last().locator('.option__toggle').click();
        const open = page.locator('button[data-option]:not([disabled])');
        const target = open.nth(2);
        const targetId = await target.getAttribute('data-option');
        await target.evaluate((b) => {
          b.scrollIntoView({ block: 'start' });
          b.focus({ preventScroll: true });
          (window as unknown as { focusedBefore: Element | null }).focusedBefore = document.activeElement;
        });
        const before = await roomState(page);
        expect(before).toMatchObject({ moreOpen: true, aboutOpen: 1, focusOption: targetId });
        expect(before.scroll).toBeGreaterThan(0);

        // The first open option's digit picks it: the flow sends the room a new model.
        const digit = await open.first().locator('kbd').textContent();
        const firstId = await open.first().getAttribute('data-option');
        await page.keyboard.press(digit ?? '1');
        await page.locator(`button[data-option="${firstId}"][aria-pressed="true"]`).waitFor();
        const after = await roomState(page);
        expect(after).toEqual({ ...before, focusInOptions: true });
        expect(
          await page.evaluate(
            () => document.activeElement === (window as unknown as { focusedBefore: Element }).focusedBefore,
          ),
        ).toBe(true);

        // The next turn: scrolled down in "What happened", the player goes on; the new room opens at its top with the
        // focus on its heading, and a pick there leaves both as they are.
        await page.locator('[data-intent="confirm-decision"]').click();
        await sceneReady(page, 'resolution');
        await page.locator('[data-intent="next"]').scrollIntoViewIfNeeded();
        expect(await page.evaluate(() => document.getElementById('ui')?.scrollTop)).toBeGreaterThan(0);
        await page.locator('[data-intent="next"]').click();
        await sceneReady(page, 'situation');
        await page.locator('h1', { hasText: /^Turn 2 / }).waitFor();
        const turn2 = await roomState(page);
        expect(turn2.scroll).toBe(0);
        expect(turn2.focusHeading).toMatch(/^Turn 2 /);
        expect(turn2.moreOpen).toBe(false);
        const digit2 = await open.first().locator('kbd').textContent();
        const firstId2 = await open.first().getAttribute('data-option');
        await page.keyboard.press(digit2 ?? '1');
        await page.locator(`button[data-option="${firstId2}"][aria-pressed="true"]`).waitFor();
        expect(await roomState(page)).toEqual(turn2);
        expect(game.problems).toEqual([]);
      },
      { width: 390, height: 844 },
    );
  });
});
