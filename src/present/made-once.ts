// What a presenter makes once per lookup, engine object and language (issue 18): a classroom builds every seat's
// view again at every turn, and the engine shares the objects of what did not change (view.ts), so the words made
// for them can be shared too; the same object is also what the diff skips. What is made is never changed after.
import { language } from './i18n/i18n.ts';
import type { Lookup } from './lookup.ts';

/** A cache of made things, by lookup, then by the engine's object, then by the current language and `key`. */
export type MadeOnce<O extends object, T> = WeakMap<Lookup, WeakMap<O, Map<string, T>>>;

/** The thing made for (lookup, of, the current language, key): made by `make` the first time, then the same. */
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
  let byKey = byObject.get(of);
  if (byKey === undefined) {
    byKey = new Map();
    byObject.set(of, byKey);
  }
  const full = `${language()}|${key}`;
  let made = byKey.get(full);
  if (made === undefined) {
    made = make();
    byKey.set(full, made);
  }
  return made;
}
