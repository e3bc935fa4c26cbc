// A scenario in another language: the same scenario with its displayable texts replaced by a locale's (issue 20).
// Only words change: every id, number, condition and citation stays the English scenario's, and so does its
// digest (compile.ts asks `englishOf`), because a game is its record and the record must not depend on the
// language a device reads it in. Pure and small (no YAML, no zod): the browser runs it when Arabic is chosen.
import { visitScenarioTexts } from './scenario-texts.ts';
import type { Scenario } from './types.ts';

/** A locale's texts by path (scenario-texts.ts), as checked by locale.ts: only those fit to show. */
export type LocaleTexts = Readonly<Record<string, string>>;

/** What a translated text or quote holds besides its words: the English words it translates. */
export type Translated = { original?: string };

/** Each localized scenario → the English scenario it was made from. */
const english = new WeakMap<object, Scenario>();

/**
 * The scenario with each text that `texts` translates replaced; a text it lacks stays English (a locale still being
 * translated shows what it has; `npm run validate` reports the rest). A replaced cited text or quote keeps its
 * English words as `original`, so that a screen can show what the game translated (cite.ts, cited.ts).
 */
export function localizeScenario(scenario: Scenario, texts: LocaleTexts): Scenario {
  const base = englishOf(scenario);
  // Scenario data is plain JSON (it came from YAML through zod): a JSON copy is a deep one.
  const copy = JSON.parse(JSON.stringify(base)) as Scenario;
  const translate = translator(base, texts);
  visitScenarioTexts(copy, (entry, holder, key) => {
    const translated = translate(entry);
    if (translated === undefined) return;
    holder[key] = translated;
    // A name is a name: no original to show beside it.
    if (entry.kind !== 'name') holder.original = entry.text;
  });
  english.set(copy, base);
  return copy;
}

/**
 * What a text of `base` reads in a locale (its `texts`, with the interface's digits), or undefined where it stays as
 * it is: the one rule both localizeScenario and the build's precomputed edits (locale-edits.ts) follow.
 */
export function translator(
  base: Scenario,
  texts: LocaleTexts,
): (entry: { path: string; text: string }) => string | undefined {
  const sources = sourceNumbers(base);
  return (entry) => {
    const raw = Object.hasOwn(texts, entry.path) ? texts[entry.path] : undefined;
    if (raw === undefined || raw === entry.text) return undefined;
    return ARABIC_LETTER.test(raw) ? arabicDigits(raw, sources) : raw;
  };
}

/**
 * One replacement that localizeScenario makes, found when the game is built (locale-edits.ts): the object holding
 * the text, by its keys and indices from the scenario's root; the key of the text; the translation; and 1 when the
 * English words stay beside it as `original` (a name keeps none).
 */
export type LocaleEdit = readonly [
  holder: readonly (string | number)[],
  key: string,
  text: string,
  original: 0 | 1,
];

/**
 * localizeScenario's result from its edits, worked out when the game was built: a JSON copy and a few hundred
 * assignments, where localizeScenario walks every text, hashes it and rewrites its digits on the player's main
 * thread when New game is pressed (issue 20 item 6). The edits must be those of this `scenario` (the same build); an
 * edit that does not fit it throws, and the caller keeps the English.
 */
export function applyLocaleEdits(scenario: Scenario, edits: readonly LocaleEdit[]): Scenario {
  const base = englishOf(scenario);
  const copy = JSON.parse(JSON.stringify(base)) as Scenario;
  for (const [path, key, text, original] of edits) {
    let holder: unknown = copy;
    for (const step of path) holder = (holder as Record<string | number, unknown>)[step];
    const target = holder as Record<string, unknown>;
    const was = target[key];
    if (typeof was !== 'string') throw new Error(`no text at ${[...path, key].join('/')} to translate`);
    target[key] = text;
    if (original) target.original = was;
  }
  english.set(copy, base);
  return copy;
}

// --- digits ----------------------------------------------------------------------------------------------------
//
// The interface writes its numbers in the language's digits (i18n.ts formatNumber: Intl's, Arabic-Indic ٠١٢ in
// ar-IQ), so an Arabic screen whose own words say "الجولة ٣" must not say "انتخابات 2021" in the scenario's prose
// beside it. The translators write Latin digits (the sources do, and the locale checks compare numbers with the
// English); the translation is given the interface's digits here, the one place every scenario text in another
// language passes through (the browser, the classroom server and the command line all localize with this), so
// every screen, the report and the server's views agree. Decided for issue 20 (docs/translation-review-ar-IQ-2.md).
//
// Only a text written in Arabic script is changed, and in it only numbers that are prose: a digit inside a Latin
// token (a model name such as MC-12W, an identifier such as 49d9d13b, a URL), a number beside a Latin name (as in
// "Resolution 2107"), and a source's number (the three digits a text cites a source by, such as 003, as the
// screens show it beside a citation) keep their Latin digits. Only the digits change: separators and signs stay as
// the translator wrote them. Every Arabic-script language this game has is Arabic (ar-IQ); a Persian or Urdu
// locale would want its own digits (۰–۹), and should then be keyed on its locale here.

const ARABIC_LETTER = /[ء-يٮ-ۓۺ-ۿ]/;
/** A Latin token: letters, digits and what joins them in a name, an identifier or a URL. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_\-.:/?#&=%+@~]*/g;
const LATIN_LETTER = /[A-Za-z]/;
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/**
 * The numbers a scenario's texts cite its sources by: a source file's first three characters when they are digits
 * ("003_….txt" → "003"), as the screens name a source (debrief.presenter.ts).
 */
function sourceNumbers(scenario: Scenario): ReadonlySet<string> {
  const out = new Set<string>();
  for (const source of scenario.meta.sources) {
    const number = source.file.slice(0, 3);
    if (/^[0-9]{3}$/.test(number)) out.add(number);
  }
  return out;
}

/**
 * An Arabic text with the digits of its prose numbers in Arabic-Indic, as the interface writes numbers; Latin tokens,
 * numbers beside a Latin name and a source's number (`sources`) as they were. Pure; exported for its tests.
 */
export function arabicDigits(text: string, sources: ReadonlySet<string> = new Set()): string {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ at: m.index, text: m[0] }));
  const latin = (i: number) => i >= 0 && i < tokens.length && LATIN_LETTER.test(tokens[i]!.text);
  /** Only spaces between two neighbouring tokens: they read as one Latin name ("Resolution 2107"). */
  const joined = (i: number, j: number) =>
    /^[ \u00a0]+$/.test(text.slice(tokens[i]!.at + tokens[i]!.text.length, tokens[j]!.at));
  let out = '';
  let from = 0;
  tokens.forEach((token, i) => {
    const keep =
      latin(i) ||
      sources.has(token.text.replace(/[^0-9]+$/, '')) ||
      (latin(i - 1) && joined(i - 1, i)) ||
      (latin(i + 1) && joined(i, i + 1));
    out += text.slice(from, token.at);
    out += keep ? token.text : token.text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
    from = token.at + token.text.length;
  });
  return out + text.slice(from);
}

/** The English scenario a localized one was made from; the scenario itself when it is the English one. */
export function englishOf(scenario: Scenario): Scenario {
  return english.get(scenario) ?? scenario;
}

/** The English words a translated text or quote was made from, if it is a translation. */
export function originalOf(holder: object): string | undefined {
  const original = (holder as { original?: unknown } & Translated).original;
  return typeof original === 'string' ? original : undefined;
}

/**
 * English words → their translation, from a localized scenario: every text it translated, names included (the
 * same walk over the English and the localized scenario meets the same texts in the same order).
 */
export function wordsOf(localized: Scenario): Map<string, string> {
  const base = englishOf(localized);
  const words = new Map<string, string>();
  if (base === localized) return words;
  const translated: string[] = [];
  visitScenarioTexts(localized, (entry) => translated.push(entry.text));
  let i = 0;
  visitScenarioTexts(base, (entry) => {
    const text = translated[i++];
    if (text !== undefined && text !== entry.text && !words.has(entry.text)) words.set(entry.text, text);
  });
  return words;
}

/**
 * A screen model built from the English scenario (a classroom server builds every seat's screen so), in the words
 * of a language: each string that is exactly a scenario text is replaced, and a cited text (`{ text, cite }`) keeps
 * its English as `original`, as localizeScenario's do, so that the screen can show it. The interface's own
 * sentences, which only embed scenario words, stay as they came. Pure; a new value, the one given is not changed.
 */
const ID_KEYS: ReadonlySet<string> = new Set([
  'id',
  'actor',
  'option',
  'kind',
  'code',
  'seat',
  'holder',
  'status',
  'proposal',
  'submitted',
  'indicator',
  'fact',
  'event',
]);

export function localizeWords<T>(value: T, words: ReadonlyMap<string, string>): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return words.get(node) ?? node;
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    // An id is never a word, even one spelt like a text: what a screen sends back must stay the server's.
    for (const [key, v] of Object.entries(node)) out[key] = ID_KEYS.has(key) ? v : walk(v);
    const { text } = node as { text?: unknown };
    if (typeof text === 'string' && words.has(text) && !('original' in out)) out.original = text;
    return out;
  };
  return walk(value) as T;
}
