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
  visitScenarioTexts(copy, (entry, holder, key) => {
    const translated = Object.hasOwn(texts, entry.path) ? texts[entry.path] : undefined;
    if (translated === undefined || translated === entry.text) return;
    holder[key] = translated;
    // A name is a name: no original to show beside it.
    if (entry.kind !== 'name') holder.original = entry.text;
  });
  english.set(copy, base);
  return copy;
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
