// The groups side by side (play-test-2 A14): every text on the page, the charts' keys and axes included, reaches
// a contrast of 4.5:1 against what lies behind it (WCAG AA for small text); the turns are dated as the game dates
// them ("5 Nov", "≈31 Dec"; never "11-05"); the page has a main landmark holding all of it; the weight is explained.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { compareHtml } from '../../src/present/compare-html.ts';
import { axisDate } from '../../src/present/debrief.presenter.ts';
import { loadLanguage } from '../../src/present/i18n/i18n.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compareGames } from '../../src/sim/compare.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // The page is written in the current language (by key): English here.
  await loadLanguage('en');
});
afterAll(async () => {
  await browser?.close();
});

describe('the comparison of groups', () => {
  it('has every text at 4.5:1 or more, the turns dated, and one main landmark', async () => {
    const c = await bundledScenario();
    const html = compareHtml(
      c.scenario,
      compareGames(
        c,
        [1, 2, 3, 4].map((seed) => ({ label: `Room ${seed}`, state: playBatchGame(c, seed).state })),
      ),
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(html);
    const { low, checked } = await page.evaluate(() => {
      const rgb = (css: string) => {
        const m = css.match(/rgba?\(([^)]+)\)/);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1]!
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number);
        return { r: r!, g: g!, b: b!, a };
      };
      const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const lin = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      // What lies behind an element: the first opaque background up its ancestors, else the page's white.
      const behind = (el: Element) => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = rgb(getComputedStyle(e).backgroundColor);
          if (bg && bg.a > 0) return bg;
        }
        return { r: 255, g: 255, b: 255, a: 1 };
      };
      const out: string[] = [];
      let n = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const el = node.parentElement!;
        const style = getComputedStyle(el);
        // SVG text is painted with its fill; any other text with its colour.
        const ink = rgb(el instanceof SVGElement ? style.fill : style.color);
        if (!ink) continue;
        const [hi, lo] = [luminance(ink), luminance(behind(el))].sort((a, b) => b - a);
        const ratio = (hi! + 0.05) / (lo! + 0.05);
        n++;
        if (ratio < 4.5)
          out.push(`${ratio.toFixed(2)} ${el.tagName} "${node.textContent.trim().slice(0, 30)}"`);
      }
      return { low: out, checked: n };
    });
    expect(checked).toBeGreaterThan(100);
    expect(low).toEqual([]);

    // The turns' dates, as the game gives them, on every chart's axis; none month-first.
    const text = (await page.locator('body').textContent()) ?? '';
    const axis = await page.locator('.chart').first().locator('svg text').allTextContents();
    expect(axis.filter((t) => /^≈?\d{2}-\d{2}$/.test(t))).toEqual([]);
    for (const turn of c.scenario.turns) expect(axis).toContain(axisDate(turn));
    expect(axis).toContain('5 Nov');
    // Where each group ended, dated; the weight explained; all inside one main landmark.
    expect(await page.locator('table').first().textContent()).toMatch(/\(to [^)]*2021\)/);
    expect(text).toContain('A decision’s weight is how many points it moved the indicators');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('body > :not(main)').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/compare-groups.png`, fullPage: false });
    await page.close();
  });
});
