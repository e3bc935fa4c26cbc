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
 * English text → its translation, for words that arrive already resolved to English (a classroom server's views
 * are built from the English scenario): every text of the scenario, by its exact English words.
 */
export function translationsByEnglish(scenario: Scenario, texts: LocaleTexts): Map<string, string> {
  const byEnglish = new Map<string, string>();
  visitScenarioTexts(englishOf(scenario), (entry) => {
    const translated = Object.hasOwn(texts, entry.path) ? texts[entry.path] : undefined;
    if (translated !== undefined && !byEnglish.has(entry.text)) byEnglish.set(entry.text, translated);
  });
  return byEnglish;
}
