/**
 * What a player reads "at first sight", counted the same way for every screen.
 *
 * The rule: every word of the screen's panel (the DOM layer, which carries every text the canvas draws and more)
 * that is rendered while every disclosure is closed, whether it is on screen or below the fold. A word inside a
 * closed <details> (other than its <summary>, which the player sees), or inside an element that is not rendered
 * (hidden, display: none, a collapsed toggle), does not count: it is one tap away. A word is a run of text between
 * spaces with at least one letter or digit in it, so an arrow, a dash or a "·" is not one. The viewport is not
 * part of the rule: a phone shows fewer words without scrolling than a desktop, but the reading is the same.
 */
import type { Page } from 'playwright-core';

export interface FirstSight {
  words: number;
  /** the counted text, for a failure's message */
  text: string;
  /** every <details> of the screen was closed when counted */
  closed: boolean;
  /** the words the screen's presenter counted for it (its data-first-sight-words), or null */
  declared: number | null;
}

export async function firstSight(page: Page, selector: string): Promise<FirstSight> {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) return { words: 0, text: '', closed: true, declared: null };
    const closed = [...root.querySelectorAll('details')].every((d) => !d.open);
    const seen = (node: Node): boolean => {
      if (node.parentElement instanceof HTMLDetailsElement && !node.parentElement.open) return false;
      for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
        const details = el.parentElement;
        if (details instanceof HTMLDetailsElement && !details.open && el.tagName !== 'SUMMARY') return false;
        if (el.hidden || getComputedStyle(el).display === 'none') return false;
      }
      return true;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen(node)) parts.push(node.textContent ?? '');
    }
    // Text nodes side by side ("3" + "Raid…") are separate words on screen only when a block or a space parts
    // them; joining with a space counts a badge and its label as two, as a reader sees them.
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    const words = text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const declared = root.dataset.firstSightWords;
    return { words, text, closed, declared: declared === undefined ? null : Number(declared) };
  }, selector);
}
