import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every "Closed" badge beside a closed option on this page reads as one word on one line (never "Clos / ed"). */
export async function expectClosedBadgesOnOneLine(page: Page): Promise<void> {
  const badges = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.option__state')].map((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return { text: b.textContent, lines: range.getClientRects().length };
    }),
  );
  expect(badges.length).toBeGreaterThan(0);
  for (const badge of badges) expect(badge).toEqual({ text: 'Closed', lines: 1 });
}
