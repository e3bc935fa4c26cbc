/**
 * The device's language (issue 20): the stored choice, else the browser's, else English; a `?lang=` in the address
 * is a choice too, and is remembered like one. The page's `<html lang dir>` follow it, so the DOM layer mirrors
 * (styles.css uses logical properties). The words themselves are src/present/i18n's.
 */
import {
  direction,
  isLanguage,
  type Language,
  loadLanguage,
  pickLanguage,
  prefetchLanguage,
} from '../../present/i18n/i18n.ts';
import type { SettingsStore } from '../settings-store.ts';

/**
 * Loads the device's language and sets the page's lang and dir: before the first screen is drawn. `onChosen` hears
 * which language it is as soon as it is known, once its files have been asked for (what loads next queues behind them).
 */
export async function startLanguage(
  store: SettingsStore,
  onChosen?: (chosen: Language) => void,
): Promise<Language> {
  const asked = new URLSearchParams(location.search).get('lang');
  // i18next, and the strings of a language the address asks for, come while the stored settings are read. The class
  // page fetches the browser's language only once they are read; the game asks for it on a guess before that, in
  // src/early-start.ts (New game waits for the strings, issue 18).
  prefetchLanguage(isLanguage(asked) ? asked : null);
  if (isLanguage(asked)) {
    store.update({ language: asked });
    // Once remembered, the address forgets it: a reload (after another choice in the settings) must not undo that.
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    history.replaceState(history.state, '', url);
  }
  await store.ready;
  const chosen = pickLanguage(store.value.language, navigator.languages ?? [navigator.language]);
  const loading = useLanguage(chosen);
  // A task later: the strings' request goes out a microtask after the call (the bundler's import wrapper), and the
  // files asked for next would otherwise go first.
  if (onChosen) setTimeout(() => onChosen(chosen), 0);
  await loading;
  return chosen;
}

/** A language chosen on this device: remembered, loaded, and set on the page (the caller draws again). */
export async function chooseLanguage(store: SettingsStore, chosen: Language): Promise<void> {
  store.update({ language: chosen });
  await useLanguage(chosen);
}

/**
 * A language this page reads in without it being the device's choice (the projector reads the room's language):
 * loaded and set on the page, not remembered.
 */
export function showLanguage(shown: Language): Promise<void> {
  return useLanguage(shown);
}

/**
 * Loads the language and sets the page's lang and dir. Strings that do not arrive (a lost connection) must not stop
 * the game from starting: it falls back to English, and failing that goes on without strings.
 */
async function useLanguage(chosen: Language): Promise<void> {
  // Arabic's fonts load beside its strings, only when Arabic is chosen; a font that does not arrive leaves the
  // system's, and must not stop the game.
  const fonts =
    direction(chosen) === 'rtl'
      ? import('./arabic-fonts.ts').then((m) => m.loadArabicFonts()).catch(() => undefined)
      : null;
  try {
    await loadLanguage(chosen);
    await fonts;
  } catch {
    if (chosen !== 'en') return useLanguage('en');
    return;
  }
  const root = document.documentElement;
  root.lang = chosen;
  root.dir = direction(chosen);
}

/** This page's address in another language: the same address with `lang`, which startLanguage remembers. */
export function addressIn(target: Language): string {
  const url = new URL(location.href);
  url.searchParams.set('lang', target);
  return `${url.pathname}${url.search}${url.hash}`;
}
