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

/** The thing made for (lookup, of, the current language, key): made by `make` the first time, then the same. */
export function madeOnce<O extends object, T>(
  cache: MadeOnce<O, T>,
  lookup: Lookup,
  of: O,
  key: string,
  make: () => T,
): T {
  const byObject = child(cache, lookup, () => new WeakMap<O, Map<string, Map<string, T>>>());
  const byKey = child(
    child(byObject, of, () => new Map<string, Map<string, T>>()),
    language(),
    () => new Map<string, T>(),
  );
  return child(byKey, key, make);
}

interface Keyed<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The level under `key`, made empty the first time. */
function child<K, V>(level: Keyed<K, V>, key: K, make: () => V): V {
  let next = level.get(key);
  if (next === undefined) {
    next = make();
    level.set(key, next);
  }
  return next;
}
