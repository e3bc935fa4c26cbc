// What a presenter makes once per lookup, engine object and language (issue 18): a classroom builds every seat's
// view again at every turn, and the engine shares the objects of what did not change (view.ts), so the words made
// for them can be shared too; the same object is also what the diff skips. What is made is never changed after.
import { language } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';

/**
 * A cache of made things, by lookup, then by the engine's object, then by the current language, then by `key`:
 * nested, so that a look-up builds no string (a server looks up hundreds per turn).
 */
export type MadeOnce<O extends object, T> = WeakMap<Lookup, WeakMap<O, Map<string, Map<string, T>>>>;

/**
 * The thing made for (lookup, of, the current language, key): made by `make` the first time, then the same. Each level
 * is looked up without a closure made for it: a server looks up hundreds per turn, and each closure was garbage.
 */
export function madeOnce<O extends object, T>(
  cache: MadeOnce<O, T>,
  lookup: Lookup,
  of: O,
  key: string,
  make: () => T,
): T {
  let byObject = cache.get(lookup);
  if (byObject === undefined) {
    byObject = new WeakMap();
    cache.set(lookup, byObject);
  }
  let byLanguage = byObject.get(of);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    byObject.set(of, byLanguage);
  }
  const lang = language();
  let byKey = byLanguage.get(lang);
  if (byKey === undefined) {
    byKey = new Map();
    byLanguage.set(lang, byKey);
  }
  let made = byKey.get(key);
  if (made === undefined) {
    made = make();
    byKey.set(key, made);
  }
  return made;
}
