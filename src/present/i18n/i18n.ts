/**
 * The interface's words, by key, in each language the game speaks (issue 20): i18next with one resource file per
 * language (en.json, ar-IQ.json beside this file), each loaded as its own chunk when that language is chosen, so an
 * English player downloads no Arabic and an Arabic player no English.
 *
 * It lives in src/present because both the presenters and the DOM layer (src/ui, which may import src/present)
 * put words on screen; it is pure (no DOM, no storage: tsconfig.sim.json compiles it without the DOM lib). Which
 * language a device speaks, and the page's lang and dir, are the DOM layer's (src/ui/i18n/language.ts).
 *
 * Keys are literal strings at every call, `t('menu.resume')`, never built (`t(\`menu.${x}\`)`): the check in
 * tests/tooling/i18n-keys.test.ts scans src/ for those literals to find a key missing in a locale or one no code
 * uses, and a computed key would escape it. Plurals follow i18next's suffixes, chosen by Intl.PluralRules: English
 * `_one/_other`, Arabic `_zero/_one/_two/_few/_many/_other`, with `count` passed in the variables.
 *
 * The record and the exports never go through here: they do not depend on the language.
 *
 * i18next itself is a lazy chunk too, fetched beside the language's strings: the first download holds only what the
 * title needs to start (issue 18). Until a language is loaded `t` gives the key back; the pages draw no words before
 * `loadLanguage` has resolved.
 */
import type { i18n } from 'i18next';

export const LANGUAGES = ['en', 'ar-IQ'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language, for the choice of language (a name is never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'ar-IQ': 'العربية' };

type Strings = Record<string, string>;

/** One dynamic import per language, each a literal path: the bundler makes one chunk of each. */
const LOADERS: Readonly<Record<Language, () => Promise<{ default: Strings }>>> = {
  en: () => import('./en.json'),
  'ar-IQ': () => import('./ar-IQ.json'),
};

/** i18next once loaded (by the first loadLanguage), with its settings; null before. */
let instance: i18n | null = null;
let starting: Promise<i18n> | null = null;
let current: Language = 'en';

async function startI18next(language: Language): Promise<i18n> {
  const { default: i18next } = await import('i18next');
  const created = i18next.createInstance();
  await created.init({
    lng: language,
    fallbackLng: false,
    resources: {},
    // Flat keys with dots in them ("title.tagline"): no nesting, no namespaces in a key.
    keySeparator: false,
    nsSeparator: false,
    // The DOM layer binds text as text (lit-html and h() escape), so i18next must not escape it again.
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return created;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a device starts in: the stored choice, else the first of the browser's languages the game speaks
 * (any Arabic is Iraqi Arabic, the scenario's; any English is English), else English.
 */
export function pickLanguage(stored: unknown, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ar') return 'ar-IQ';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** Loads the language's strings (once) and makes it the current language; i18next and the strings load in parallel. */
export async function loadLanguage(language: Language): Promise<void> {
  starting ??= startI18next(language);
  const engine = starting;
  // A failed start (a lost connection) may be tried again by the next call.
  engine.catch(() => {
    if (starting === engine) starting = null;
  });
  const [ready, strings] = await Promise.all([
    engine,
    instance?.hasResourceBundle(language, 'translation') ? null : LOADERS[language]().then((m) => m.default),
  ]);
  if (strings && !ready.hasResourceBundle(language, 'translation')) {
    ready.addResourceBundle(language, 'translation', strings);
    memo = new Map();
    memoEntries = 0;
    plainStrings = new Map();
  }
  await ready.changeLanguage(language);
  instance = ready;
  current = language;
}

/**
 * Starts fetching i18next, and a language's strings when one is named, without choosing it: the page fetches them
 * while it reads the stored choice (src/ui/i18n/language.ts). A failed fetch is tried again by loadLanguage.
 */
export function prefetchLanguage(language: Language | null): void {
  import('i18next').catch(() => {});
  if (language) LOADERS[language]().catch(() => {});
}

export function language(): Language {
  return current;
}

/**
 * `build` run with `lang` as the current language, then the language put back: the classroom server builds each
 * device's view in that device's language, one after another in one process. Synchronous on purpose, so that no
 * other build can run in between (the server is single-threaded); the language's strings must be loaded already
 * (loadLanguage once), or `t` gives keys.
 */
export function withLanguage<T>(lang: Language, build: () => T): T {
  const before = current;
  current = lang;
  try {
    return build();
  } finally {
    current = before;
  }
}

/** The writing direction of the current language. */
export function direction(lang: Language = current): 'ltr' | 'rtl' {
  return lang === 'ar-IQ' ? 'rtl' : 'ltr';
}

/**
 * The string of `key` in the current language, with its {{placeholders}} filled from `vars`. A number is written
 * in the language's digits; `count` also picks the plural form (write it `{{count, number}}` in a string, so that
 * i18next formats it too). The key must be a literal string (see the comment at the top).
 */
export function t(key: string, vars?: Record<string, string | number>): string {
  if (!instance) return key;
  const slot = memoSlot(key, vars);
  const known = slot.get(SAID);
  if (known !== undefined) return known as string;
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars ?? {}))
    filled[name] =
      typeof value === 'number' ? (name === 'count' ? value : formatNumber(value)) : isolated(value);
  // The language is named at each call (not left to i18next's own current one), so that withLanguage needs no
  // changeLanguage, which is asynchronous.
  const text =
    filledPlainly(instance, key, filled) ?? (instance.t(key, { ...filled, lng: current }) as string);
  slot.set(SAID, text);
  return text;
}

/**
 * What `t` gave, by language, key and variables: the same call gives the same string while the language's strings
 * are the same (they are added once, and loadLanguage forgets this when it adds some). i18next's own lookup and
 * interpolation were a fifth of the classroom server's CPU at a new turn (issue 18): every seat's view asks for the
 * same labels again in every build. A tree of maps, a level per variable name and value, so that no key is built
 * by joining long texts (a string's hash is kept with it; a joined one is hashed afresh). Bounded by the number of
 * entries, and forgotten whole when full: a cache, never a source of truth.
 */
type MemoLevel = Map<unknown, MemoLevel | string>;
const SAID = Symbol('said');
let memo: MemoLevel = new Map();
let memoEntries = 0;
const MAX_MEMO_ENTRIES = 50_000;

function memoSlot(key: string, vars: Record<string, string | number> | undefined): MemoLevel {
  if (memoEntries >= MAX_MEMO_ENTRIES) {
    memo = new Map();
    memoEntries = 0;
  }
  let level = deeper(deeper(memo, current), key);
  if (vars) for (const name in vars) level = deeper(deeper(level, name), vars[name]);
  return level;
}

function deeper(level: MemoLevel, key: unknown): MemoLevel {
  let next = level.get(key) as MemoLevel | undefined;
  if (next === undefined) {
    next = new Map();
    level.set(key, next);
    memoEntries++;
  }
  return next;
}

/**
 * The string of `key` with its placeholders filled, as i18next fills it, where that is plain: the language has the key,
 * the string's every placeholder is a bare name (no format, no unescaping `{{-`), given in `vars`, and no `count`
 * (a plural) and no nesting (`$t(`) is involved. Else null, and i18next does it. A server's new turn asks for hundreds
 * of words never asked before (counsel, beliefs, causes with this game's numbers), and i18next's lookup and
 * interpolation cost many times this (issue 18); tests/present/i18n-plain.test.ts checks every key of every language
 * against i18next's own.
 */
function filledPlainly(engine: i18n, key: string, vars: Record<string, string | number>): string | null {
  if (Object.hasOwn(vars, 'count')) return null;
  const raw = plainString(engine, key);
  if (raw === null) return null;
  let out = '';
  let from = 0;
  for (;;) {
    const open = raw.indexOf('{{', from);
    if (open < 0) return out + raw.slice(from);
    const close = raw.indexOf('}}', open + 2);
    if (close < 0) return out + raw.slice(from);
    const name = raw.slice(open + 2, close).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return null;
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined) return null;
    out += raw.slice(from, open) + String(value);
    from = close + 2;
  }
}

/** The key's string in the current language when it is there and holds no nesting; null otherwise. By language, key. */
function plainString(engine: i18n, key: string): string | null {
  let byKey = plainStrings.get(current);
  if (byKey === undefined) {
    byKey = new Map();
    plainStrings.set(current, byKey);
  }
  let raw = byKey.get(key);
  if (raw === undefined) {
    const found: unknown = engine.getResource(current, 'translation', key);
    raw = typeof found === 'string' && !found.includes('$t(') && !found.includes('{{-') ? found : null;
    byKey.set(key, raw);
  }
  return raw;
}

/** Forgotten with `memo` when a language's strings are added. */
let plainStrings = new Map<Language, Map<string, string | null>>();

/**
 * A text put into a right-to-left sentence, isolated: a name or a scenario text in English (until the scenario has
 * its Arabic), a date or a code keeps its own order and does not reorder the sentence around it. Once only.
 */
function isolated(text: string): string {
  return text === '' || text.startsWith('\u2068') ? text : isolate(text);
}

/**
 * A piece of Latin text or a number inside a right-to-left sentence (a join code, a URL, a name): wrapped in
 * Unicode's first-strong isolate (U+2068 … U+2069), so that it keeps its own order and does not reorder the
 * sentence around it. Left-to-right text needs none, and English stays exactly as it was.
 */
export function isolate(text: string | number): string {
  return direction() === 'rtl' ? `\u2068${text}\u2069` : String(text);
}

/**
 * A number in the current language's digits (ar-IQ: Arabic-Indic, ١٢٣). `signed` shows + and − on the number; the
 * locale's own formatting puts the sign where it reads right (ar-IQ adds the Arabic letter mark, so "-5" does not
 * show as "5-" in right-to-left text).
 */
export function formatNumber(
  value: number,
  options: { signed?: boolean; percent?: boolean; digits?: number } = {},
): string {
  const name = `${current}|${options.digits ?? 0}|${options.signed ? 1 : 0}|${options.percent ? 1 : 0}`;
  let format = numberFormats.get(name);
  if (!format) {
    format = new Intl.NumberFormat(current, {
      ...(options.digits ? { minimumIntegerDigits: options.digits, useGrouping: false } : {}),
      ...(options.signed ? { signDisplay: 'exceptZero' as const } : {}),
      ...(options.percent ? { style: 'percent' as const, maximumFractionDigits: 0 } : {}),
    });
    numberFormats.set(name, format);
  }
  return format.format(value);
}

/** Intl's formatters by language and options: making one costs far more than using it, and there are few kinds. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date in the current language (ar-IQ: the Iraqi month names, "٧ تشرين الثاني ٢٠٢١"). */
export function formatDate(date: Date, style: 'long' | 'medium' = 'long'): string {
  const name = `${current}|${style}`;
  let format = dateFormats.get(name);
  if (!format) {
    format = new Intl.DateTimeFormat(current, { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(name, format);
  }
  return format.format(date);
}
