// The scenarios a classroom server offers: every valid folder under scenarios/, compiled once at start, and each in
// every other language the game speaks that the folder has texts for (locale/<locale>/), for the devices that read
// that language.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../present/i18n/i18n.ts';
import { Lookup } from '../present/lookup.ts';
import { formatProblem } from '../scenario/load.ts';
import { loadScenarioDir } from '../scenario/load-dir.ts';
import { loadScenarioLocale, scenarioLocales } from '../scenario/locale-dir.ts';
import { localizeScenario, wordsOf } from '../scenario/localize.ts';
import type { Scenario } from '../scenario/types.ts';
import { type CompiledScenario, compileScenario } from '../sim/compile.ts';

/**
 * A scenario in one language, for building views only: the game itself (its session, its record, its digest) is
 * always the English scenario's. `words` maps each English text to its translation, for the texts the engine copied
 * into the game's state from the English scenario (a view built from the localized scenario still holds those).
 */
export interface ScenarioInLanguage {
  c: CompiledScenario;
  lookup: Lookup;
  words: ReadonlyMap<string, string>;
}

/** Scenario id → language (other than English) → the scenario in it. */
export type ScenarioLanguages = Map<string, Map<Language, ScenarioInLanguage>>;

export async function loadScenarios(
  root: string,
  log: (line: string) => void,
  languages?: ScenarioLanguages,
): Promise<Map<string, CompiledScenario>> {
  const out = new Map<string, CompiledScenario>();
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    const loaded = await loadScenarioDir(dir);
    if (!loaded.ok) {
      log(`scenario ${entry.name} is not offered: ${formatProblem(loaded.problems[0]!)}`);
      continue;
    }
    const c = compileScenario(loaded.scenario);
    out.set(c.scenario.meta.id, c);
    if (languages) languages.set(c.scenario.meta.id, await inLanguages(dir, loaded.scenario, c, log));
  }
  return out;
}

/** The scenario in each language the game speaks and the folder translates; a locale with problems still plays. */
async function inLanguages(
  dir: string,
  scenario: Scenario,
  english: CompiledScenario,
  log: (line: string) => void,
): Promise<Map<Language, ScenarioInLanguage>> {
  const out = new Map<Language, ScenarioInLanguage>();
  const locales = await scenarioLocales(dir);
  for (const language of LANGUAGES) {
    if (language === 'en' || !locales.includes(language)) continue;
    // A text with a problem (untranslated yet, stale) is shown in English; npm run validate lists them, and the
    // server says nothing of them at start-up, where one line is kept for what stops it.
    const checked = await loadScenarioLocale(dir, language, scenario);
    const localized = localizeScenario(scenario, checked.texts);
    const c = compileScenario(localized);
    // The same game in other words: a view built from it must be a view of the English game's record.
    if (c.digest !== english.digest) {
      log(`scenario ${english.scenario.meta.id}: its ${language} texts change the game; shown in English`);
      continue;
    }
    out.set(language, { c, lookup: new Lookup(localized), words: wordsOf(localized) });
  }
  return out;
}
