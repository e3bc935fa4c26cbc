// The debrief's canvas chart on a phone and with the text at 200% (play-test-2 A13): every label the chart draws
// is inside the canvas and covers no other, the numbered markers of events on the same date do not cover each
// other, and the axis keeps its first and last dates. The canvas is read through window.crisisTable.canvas()
// (src/main.ts): every visible text the running scenes draw, with its box on the page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playByKeyboard } from '../../scripts/browser/keyboard-play.ts';
import { type Drawn, intersects } from './support/canvas-drawn.ts';
import { useGameBrowser } from './support/game-page.ts';
import { storeSettings } from './support/stored-settings.ts';

/** Every pair of the debrief's canvas texts that overlap, and every one that leaves the canvas. */
async function chartProblems(page: Page): Promise<{ problems: string[]; texts: string[] }> {
  const { stage, all } = await page.evaluate(() => {
    const r = document.getElementById('stage')!.getBoundingClientRect();
    return {
      stage: { x: r.x, y: r.y, width: r.width, height: r.height },
      all: (window as unknown as { crisisTable: { canvas: () => Drawn[] } }).crisisTable.canvas(),
    };
  });
  const texts = all.filter((d) => d.scene === 'debrief' && d.kind === 'text');
  const problems: string[] = [];
  const name = (d: Drawn) => JSON.stringify(d.label.replace(/\s+/g, ' ').slice(0, 40));
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (intersects(a.box, b.box)) problems.push(`${name(a)} covers ${name(b)}`);
    }
    const out =
      a.box.x < stage.x - 0.5 ||
      a.box.y < stage.y - 0.5 ||
      a.box.x + a.box.width > stage.x + stage.width + 0.5 ||
      a.box.y + a.box.height > stage.y + stage.height + 0.5;
    if (out) problems.push(`${name(a)} leaves the canvas`);
  });
  return { problems, texts: texts.map((t) => t.label) };
}

const CASES = [
  { width: 390, height: 844, scale: 1, perspective: 2 },
  { width: 390, height: 844, scale: 2, perspective: 2 },
  { width: 1280, height: 720, scale: 2, perspective: 1 },
  { width: 1280, height: 720, scale: 1, perspective: 1 },
] as const;

describe('the debrief chart', () => {
  const withGame = useGameBrowser();

  for (const { width, height, scale, perspective } of CASES) {
    it(`draws no label over another at ${width}x${height} with the text at ${scale * 100}%`, async () => {
      await withGame(
        async (game) => {
          const { page } = game;
          await storeSettings(game, { textScale: scale, muted: true });
          await game.open('?renderer=canvas&seed=5');
          await playByKeyboard(page, { perspective });
          await page.locator('body[data-scene-ready="debrief"]').waitFor({ state: 'attached' });
          const { problems, texts } = await chartProblems(page);
          await game.shot(`debrief-chart-${width}x${height}-${scale * 100}`);
          // The chart is drawn: its indicator's name and the first and the last date of the axis.
          const pressed =
            (await page.locator('#debrief-chart button[aria-pressed="true"]').textContent()) ?? '';
          expect(texts).toContain(pressed.trim());
          expect(texts).toContain('Start');
          expect(problems).toEqual([]);
          expect(game.problems).toEqual([]);
        },
        { width, height },
        width < 500 ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {},
      );
    }, 180_000);
  }
});
