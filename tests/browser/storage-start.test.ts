// No synchronous storage read before the title is drawn (issue 18, "the first screen first"): localStorage blocks
// the main thread on its first access (117 ms measured under load), so the settings come from IndexedDB
// (asynchronous) and the saves are read once the title is drawn. The page's own scripts run after a wrapper that
// notes every synchronous storage access (reaching localStorage or sessionStorage, getItem, key, length) and whether
// the title had been drawn by then; the title's first frame is body[data-scene-ready=title].
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { titleLoaded, useGameBrowser } from './support/game-page.ts';

interface Watched {
  /** the accesses before the title's first frame */
  before: string[];
  /** the accesses after it: they show that the wrapper sees what the page does */
  after: string[];
  /** the page's language and text size when the title was first drawn */
  atTitle: { lang: string; textScale: string } | null;
}

// Plain text, not a function: a function compiled by the test's transform would carry its helpers into the page.
const WATCH = `(() => {
  const seen = { before: [], after: [], atTitle: null };
  window.__storage = seen;
  const drawn = () => {
    if (seen.atTitle === null && document.body?.dataset.sceneReady === 'title') {
      const root = document.documentElement;
      seen.atTitle = { lang: root.lang, textScale: root.style.getPropertyValue('--text-scale') };
    }
    return seen.atTitle !== null;
  };
  new MutationObserver(drawn).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-scene-ready'] });
  const note = (what) => (drawn() ? seen.after : seen.before).push(what);
  const wrap = (owner, name, kind) => {
    const d = Object.getOwnPropertyDescriptor(owner, name);
    if (!d) throw new Error('no ' + name + ' to watch');
    if (kind === 'get') {
      Object.defineProperty(owner, name, { ...d, get() { note(name); return d.get.call(this); } });
    } else {
      Object.defineProperty(owner, name, { ...d, value(...args) { note(name + '(' + String(args[0]) + ')'); return d.value.apply(this, args); } });
    }
  };
  const home = (name) => (Object.getOwnPropertyDescriptor(window, name) ? window : Window.prototype);
  wrap(home('localStorage'), 'localStorage', 'get');
  wrap(home('sessionStorage'), 'sessionStorage', 'get');
  wrap(Storage.prototype, 'length', 'get');
  wrap(Storage.prototype, 'getItem', 'value');
  wrap(Storage.prototype, 'key', 'value');
})();`;

const watched = (page: Page) => page.evaluate(() => (window as unknown as { __storage: Watched }).__storage);

/** A saved game in its slot: any text is a save to offer (Continue refuses a damaged one in one sentence). */
const SAVE = ['crisis-table.save.baghdad-2021', '{"format":"crisis-table/save","version":0}'] as const;

describe('the start-up path', () => {
  const withGame = useGameBrowser();

  it('reads no storage before the title, and the saves once it is drawn', async () => {
    await withGame(async (game) => {
      const { page } = game;
      await page.addInitScript(WATCH);
      await game.open();
      await page.evaluate(([key, json]) => localStorage.setItem(key!, json!), SAVE);
      await game.reload();
      await titleLoaded(page);
      // The saved game is offered on the title all the same.
      await page.getByRole('button', { name: /^Continue/ }).waitFor();
      const seen = await watched(page);
      expect(seen.before).toEqual([]);
      expect(seen.after).toContain(`getItem(${SAVE[0]})`);
      expect(game.problems).toEqual([]);
    });
  });

  it('starts in the stored language and text size without reading localStorage, after taking them over once', async () => {
    await withGame(async (game) => {
      const { page } = game;
      // The settings as the builds before kept them, in localStorage, on an English browser (before the wrapper:
      // this is the test's own storage access, not the page's).
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('kept'))
          localStorage.setItem(
            'crisis-table.settings.v1',
            JSON.stringify({ textScale: 2, language: 'ar-IQ' }),
          );
        sessionStorage.setItem('kept', 'yes');
      });
      await page.addInitScript(WATCH);
      // The first start takes them over once the title is drawn, and starts again in the stored language.
      await game.open();
      await page.waitForEvent('framenavigated', { timeout: 30_000 });
      await titleLoaded(page);
      const seen = await watched(page);
      expect(seen.before).toEqual([]);
      expect(seen.atTitle).toEqual({ lang: 'ar-IQ', textScale: '2' });
      // And every later start alike, in Arabic and at twice the text size from its first frame.
      await game.reload();
      await titleLoaded(page);
      const again = await watched(page);
      expect(again.before).toEqual([]);
      expect(again.atTitle).toEqual({ lang: 'ar-IQ', textScale: '2' });
      expect(game.problems).toEqual([]);
    });
  });
});
