/**
 * What the page asks for before Phaser's code runs (issue 18, "the first screen first"): main.ts imports this first,
 * and it is a chunk of its own (vite.config.ts, EARLY) that imports no Phaser, so that the browser evaluates it before
 * Phaser's hundred milliseconds of module code. Every file New game needs is then on its way while Phaser starts,
 * instead of after it, and the settings' read from IndexedDB runs meanwhile too:
 *
 * 1. the stored settings (IndexedDB, asynchronous): the title waits for them (language, text size, motion);
 * 2. i18next and the strings of the language the device most likely reads (the address's, else the browser's): they
 *    no longer wait for the stored settings. A device whose stored choice is another language loads that one too
 *    once the settings are read (language.ts), as before: a few kilobytes more, once, for that device only;
 * 3. the scenario New game plays, in the language guessed (its record and numbers, needed in every language, and the
 *    words of another language, a chunk of their own, which index.html asks for on a device that reads Arabic:
 *    scripts/arabic-preload-plugin.ts), the solo game's chunk (the session,
 *    the engine, the later screens' views; the canvas, which draws them, is a chunk of its own, src/solo-canvas.ts).
 *
 * Nothing here reads storage synchronously, and nothing here decides anything the later code does not decide again:
 * these are requests, and the modules they load are the same ones main.ts and the flow import later.
 */

import { BUNDLED_SCENARIOS, bundledById } from './game/session/scenario-registry.ts';
import { isLanguage, pickLanguage, prefetchLanguage } from './present/i18n/i18n.ts';
import { SettingsStore } from './ui/settings-store.ts';

export const settings = new SettingsStore();

const asked = new URLSearchParams(location.search);
const lang = asked.get('lang');
const guess = isLanguage(lang) ? lang : pickLanguage(null, navigator.languages ?? [navigator.language]);
prefetchLanguage(guess);

/** What New game waits for, one lazy chunk (src/solo-play.ts). */
export const soloPlay = () => import('./solo-play.ts');

// The scenario the title will offer first (GameFlow picks the same one: the link's, else the first), in the language
// guessed: in Arabic, its words are put in place (tens of milliseconds of a loaded machine's main thread) as soon as
// its files have come, while the page still waits for the stored settings, rather than after them, when New game waits
// for it (issue 20 item 6). A stored choice of another language loads the scenario in that one too.
void (bundledById(BUNDLED_SCENARIOS, asked.get('scenario')) ?? BUNDLED_SCENARIOS[0])?.load(guess);
void soloPlay().catch(() => null);
