// The Node side of the locale checker (locale.ts): reads every <scenario>/locale/<locale>/ folder of a scenario
// and checks it against the English scenario, for `npm run validate` and the build (the game's locale chunks).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { MAX_FILE_BYTES, type Problem, type ScenarioText, tooLargeMessage } from './load.ts';
import { checkLocale, isLocaleTag, LOCALE_DIR, type LocaleCheck } from './locale.ts';
import { scenarioTexts } from './scenario-texts.ts';
import type { Scenario } from './types.ts';

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** The locales a scenario folder has (the folders under its locale/), in name order. */
export async function scenarioLocales(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, LOCALE_DIR), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** One locale of a scenario folder, checked against the English scenario loaded from the same folder. */
export async function loadScenarioLocale(
  dir: string,
  locale: string,
  english: Scenario,
): Promise<LocaleCheck> {
  const folder = join(dir, LOCALE_DIR, locale);
  const refuse = (message: string): LocaleCheck => ({
    texts: {},
    spelling: [],
    problems: [{ file: folder, line: 1, column: 1, path: '', message }],
    warnings: [],
  });
  if (!isLocaleTag(locale)) return refuse(`"${locale}" is not a locale tag (such as ar-IQ)`);
  const names = (await readdir(folder)).filter(isYaml).sort();
  const files: ScenarioText[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) return refuse(`${name}: ${tooLargeMessage(size)}`);
    files.push({ name: path, text: await readFile(path, 'utf8') });
  }
  const homes = await homesOfPaths(dir, folder);
  return checkLocale({ locale, english, files, homeOf: (path) => homes.get(path) });
}

/**
 * Each text's path → the locale file it belongs in: the one named as the English file that holds it (the way
 * scripts/scenario-skeleton.ts writes them), so that "missing" names the file a translator should open.
 */
async function homesOfPaths(dir: string, folder: string): Promise<Map<string, string>> {
  const homes = new Map<string, string>();
  for (const name of (await readdir(dir)).filter(isYaml).sort()) {
    try {
      const data: unknown = parse(await readFile(join(dir, name), 'utf8'));
      for (const t of scenarioTexts(data)) homes.set(t.path, join(folder, basename(name)));
    } catch {
      // The English loader has already refused a file it cannot read; its texts are placed in no file.
    }
  }
  return homes;
}

/** Every locale of a scenario folder: its problems, then its warnings, each one line. */
export async function checkScenarioLocales(
  dir: string,
  english: Scenario,
): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const locale of await scenarioLocales(dir)) {
    const checked = await loadScenarioLocale(dir, locale, english);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
  }
  return { problems, warnings };
}
