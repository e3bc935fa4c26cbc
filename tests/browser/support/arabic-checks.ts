// The checks every screen in Arabic must pass (issue 20), shared by the browser tests of the Arabic screens: no text
// wider than its box or beyond the window's sides, and axe-core clean.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Axe {
  run: (
    context: unknown,
    options: unknown,
  ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
}

/**
 * Text wider than its box, or beyond the window's sides: an element whose content is wider than it (less the
 * visually hidden, one pixel wide on purpose, form fields, which scroll their value, and the boxes made to scroll
 * sideways, a wide table's), and any element with text of its own whose box reaches past the left or right edge.
 */
export async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className} “${el.textContent?.trim().slice(0, 40)}”`;
    const scrolls = (el: Element | null): boolean =>
      !!el && (['auto', 'scroll'].includes(getComputedStyle(el).overflowX) || scrolls(el.parentElement));
    for (const el of document.querySelectorAll<HTMLElement>('#ui *, #classroom *, dialog[open] *')) {
      const style = getComputedStyle(el);
      if (el.clientWidth <= 1 || el.matches('input, select, textarea') || style.visibility === 'hidden')
        continue;
      if (style.overflowX !== 'visible' && style.overflowX !== 'auto' && el.scrollWidth > el.clientWidth + 1)
        out.push(`${name(el)} scrolls ${el.scrollWidth} > ${el.clientWidth}`);
      if (scrolls(el.parentElement) || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
      // The innermost elements past a side, so that a line names what stands out, not all that holds it.
      const past = (e: Element) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > innerWidth + 1);
      };
      if (past(el) && ![...el.children].some(past)) {
        const box = el.getBoundingClientRect();
        out.push(`${name(el)} at ${Math.round(box.left)}–${Math.round(box.right)} of ${innerWidth}`);
      }
    }
    return out;
  });
}

/** axe-core's violations on the page (WCAG 2 A and AA), as "rule: selector" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: Axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}
