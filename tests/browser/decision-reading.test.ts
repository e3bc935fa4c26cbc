// Issue 15, item 8: a decision readable in two minutes. From the start of a turn to its decision a player reads at
// most 350 words at first sight: the "What happened" screen of the turn before and the situation room together
// (the rule of what counts is in support/first-sight.ts: the panel's words with every disclosure closed). The rest
// is one tap away. And on a 390x844 phone the first option shows without scrolling, and Confirm is within one
// screen of the option picked.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { firstSight } from './support/first-sight.ts';
import { SHOTS, useGameBrowser } from './support/game-page.ts';

const MAX_WORDS = 350;
const SEED = 5;
const SEATS = [
  [1, 'pm'],
  [2, 'sadrists'],
] as const;

interface TurnReading {
  turn: number;
  /** the "What happened" screen of the turn before (0 for the first turn, which follows the briefing) */
  resolution: number;
  situation: number;
  combined: number;
}

/**
 * "All N reports" opens by keyboard (focus, Enter) and holds every report of the turn in full, and every indicator
 * with its causes; the problems found, in words.
 */
async function everyReportOneTapAway(page: Page, at: string): Promise<string[]> {
  const summary = page.locator('.view--resolution details.all-reports > summary');
  const said = (await summary.textContent()) ?? '';
  const n = Number(/^All (\d+) reports/.exec(said)?.[1] ?? (said.startsWith('The report') ? 1 : 0));
  await summary.focus();
  await page.keyboard.press('Enter');
  const opened = await page.evaluate(() => {
    const details = document.querySelector<HTMLDetailsElement>('.view--resolution details.all-reports');
    return {
      open: details?.open ?? false,
      reports: details?.querySelectorAll('#resolution-news-all article').length ?? 0,
      indicators: details?.querySelectorAll('#resolution-indicators [data-indicator]').length ?? 0,
    };
  });
  const problems: string[] = [];
  if (!opened.open) problems.push(`${at}: Enter on “${said}” did not open it`);
  if (opened.reports !== n) problems.push(`${at}: “${said}” holds ${opened.reports} reports`);
  if (opened.indicators === 0) problems.push(`${at}: “${said}” holds no indicator`);
  return problems;
}

/** Closes "All N reports" again, and leaves the focus where the driver's Enter goes on to the next turn. */
async function closeAllReports(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe('a decision readable in two minutes', () => {
  const withGame = useGameBrowser();

  it.each(SEATS)(
    'perspective %i (%s): every turn’s "What happened" and situation room hold at most 350 words at first sight',
    async (digit, actor) => {
      await withGame(async (game) => {
        await game.open(`?renderer=canvas&seed=${SEED}`);
        const readings: TurnReading[] = [];
        let resolution = 0;
        const problems: string[] = [];
        await playByKeyboard(game.page, {
          perspective: digit,
          onScene: async (scene, turn) => {
            if (scene === 'resolution') {
              const seen = await firstSight(game.page, '.view--resolution');
              if (!seen.closed) problems.push(`turn ${turn + 1}: a disclosure of "What happened" was open`);
              if (seen.words !== seen.declared)
                problems.push(
                  `turn ${turn + 1}: "What happened" shows ${seen.words} words, its presenter counted ${seen.declared}`,
                );
              resolution = seen.words;
              if (turn === 6) {
                await game.shot(`reading-${actor}-resolution-${turn + 1}`);
                problems.push(...(await everyReportOneTapAway(game.page, `turn ${turn + 1}`)));
                await game.shot(`reading-${actor}-resolution-${turn + 1}-all`);
                await closeAllReports(game.page);
              }
            } else if (scene === 'situation') {
              const seen = await firstSight(game.page, '.view--situation');
              if (!seen.closed)
                problems.push(`turn ${turn + 1}: a disclosure of the situation room was open`);
              if (seen.words !== seen.declared)
                problems.push(
                  `turn ${turn + 1}: the situation room shows ${seen.words} words, its presenter counted ${seen.declared}`,
                );
              if (turn === 6) await game.shot(`reading-${actor}-situation-${turn + 1}`);
              const combined = resolution + seen.words;
              readings.push({ turn: turn + 1, resolution, situation: seen.words, combined });
              if (combined > MAX_WORDS)
                problems.push(
                  `turn ${turn + 1}: ${combined} words (${resolution} + ${seen.words}): ${seen.text}`,
                );
            }
          },
        });
        const line = readings
          .map((r) => `${r.turn}: ${r.resolution}+${r.situation}=${r.combined}`)
          .join(', ');
        console.log(`first-sight words before each decision (${actor}, seed ${SEED}): ${line}`);
        writeFileSync(join(SHOTS, `reading-${actor}.json`), `${JSON.stringify(readings, null, 2)}\n`);
        expect(readings.length).toBeGreaterThan(1);
        expect(problems).toEqual([]);
        expect(game.problems).toEqual([]);
      });
    },
  );

  it('on a 390x844 phone: the first option shows without scrolling, Confirm is within one screen of the option picked, and no key hints', async () => {
    await withGame(
      async (game) => {
        const { page } = game;
        await game.open(`?renderer=canvas&seed=${SEED}`);
        const problems: string[] = [];
        let measured = 0;
        await playByKeyboard(page, {
          perspective: 1,
          onScene: async (scene, turn) => {
            if (scene === 'resolution' && turn === 6) await game.shot('reading-phone-resolution-7');
            if (scene !== 'situation') return;
            const at = `turn ${turn + 1}`;
            const first = await page.evaluate(() => {
              const ui = document.getElementById('ui');
              const option = document.querySelector('button[data-option]');
              const box = option?.getBoundingClientRect();
              return { scrollTop: ui?.scrollTop ?? -1, top: box?.top ?? -1, bottom: box?.bottom ?? Infinity };
            });
            if (first.scrollTop !== 0)
              problems.push(`${at}: the panel opened scrolled (${first.scrollTop} px)`);
            if (first.top < 0 || first.bottom > 844)
              problems.push(
                `${at}: the first option is at ${Math.round(first.top)}–${Math.round(first.bottom)} px`,
              );
            if (turn === 6) await game.shot('reading-phone-situation-7');
            // The last option open, tapped as a thumb would, after scrolling to it.
            const last = page.locator('button[data-option]:not([disabled])').last();
            if ((await last.count()) === 0) return;
            await last.scrollIntoViewIfNeeded();
            await last.tap();
            await page.locator('button[data-option][aria-pressed="true"]').waitFor();
            if (turn === 6) await game.shot('reading-phone-situation-7-picked');
            const gap = await page.evaluate(() => {
              const chosen = document.querySelector('button[data-option][aria-pressed="true"]');
              const confirm = document.querySelector('[data-intent="confirm-decision"]');
              const a = chosen?.getBoundingClientRect();
              const b = confirm?.getBoundingClientRect();
              return a && b ? b.bottom - a.top : Infinity;
            });
            if (gap > 844)
              problems.push(`${at}: Confirm ends ${Math.round(gap)} px below the top of the option picked`);
            const badges = await page.evaluate(
              () =>
                [...document.querySelectorAll('.view kbd')].filter(
                  (k) => getComputedStyle(k).display !== 'none',
                ).length,
            );
            if (badges > 0) problems.push(`${at}: ${badges} key badges shown on a touch screen`);
            measured += 1;
            // The driver goes on by keys (a digit, then Enter): the tapped button must not keep the focus.
            await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          },
        });
        expect(measured).toBeGreaterThan(5);
        expect(problems).toEqual([]);
        expect(game.problems).toEqual([]);
      },
      { width: 390, height: 844 },
      { hasTouch: true, isMobile: true },
    );
  });
});
