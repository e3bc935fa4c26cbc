// The printable after-action report, printed to PDF by Chromium as a browser's "Save as PDF" would: a few A4
// pages, and no text cut at the page's edge.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { reportHtml } from '../../src/present/report-html.ts';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { reportData } from '../../src/sim/report.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the after-action report', () => {
  it('prints to a few A4 pages with no text cut', async () => {
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error('the bundled scenario does not load');
    const c = compileScenario(loaded.scenario);
    const game = playBatchGame(c, 3, undefined, true);
    const record = { ...newRecord(c, 3), entries: game.entries! };
    const html = reportHtml(c.scenario, reportData(c, replay(c, record), record));

    // A4 at 96 dpi, less the report's margins: the width the printed text has.
    const page = await browser.newPage({ viewport: { width: 688, height: 1000 } });
    await page.setContent(html);
    await page.emulateMedia({ media: 'print' });
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, p, li, th, td')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 1)
        .map((e) => e.textContent?.slice(0, 40)),
    );
    expect(cut).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(20);
    await page.screenshot({ path: join(SHOTS, 'report-page-1.png') });
    await page.close();
  });
});
