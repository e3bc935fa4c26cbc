// A bundled scenario, checked when the game is built rather than in every player's browser: the same loader as
// `npm run validate` (src/scenario/load-dir.ts) reads the folder and its map, and the module the game imports
// (`virtual:checked-scenario/<folder>`) is what it gave: the validated scenario as JSON, or the one sentence saying
// why it cannot be loaded (the game then refuses that scenario alone, as it did when it parsed YAML itself). So
// the browser runs neither YAML nor Zod before New game acts (issue 18, item 4), and the scenario it plays is
// the one the validator passed, byte for byte.
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from '../src/scenario/load.ts';
import { loadMapArt, loadScenarioDir } from '../src/scenario/load-dir.ts';
import { loadScenarioLocale } from '../src/scenario/locale-dir.ts';
import { localeEdits } from '../src/scenario/locale-edits.ts';
import type { LocaleEdit } from '../src/scenario/localize.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { scenarioDigest } from '../src/sim/compile.ts';

const PREFIX = 'virtual:checked-scenario/';
/**
 * `virtual:checked-scenario/locale/<locale>/<folder>`: a scenario's texts in one language, checked against its
 * English when the game is built (src/scenario/locale.ts), as the edits that put them in its place
 * (src/scenario/locale-edits.ts). A chunk of its own, imported only when that language is
 * chosen, so that an English player downloads none of it.
 */
const LOCALE_PREFIX = `${PREFIX}locale/`;

/**
 * The texts of a scenario folder's locale fit to show (known, fresh, citing as the English, translated): a locale
 * still being translated gives what it has, and the game shows the rest in English; `npm run validate` lists what
 * is missing. A folder whose English does not load gives none.
 */
export async function checkLocaleFolder(
  root: string,
  folder: string,
  locale: string,
): Promise<Record<string, string>> {
  return (await checkedLocale(root, folder, locale))?.texts ?? {};
}

/**
 * The same texts as the edits that localize the folder's English scenario with them (src/scenario/locale-edits.ts):
 * what the locale chunk holds, so that the browser applies the translation without working it out (issue 20 item 6).
 * A folder whose English does not load gives none.
 */
export async function checkLocaleEdits(root: string, folder: string, locale: string): Promise<LocaleEdit[]> {
  const checked = await checkedLocale(root, folder, locale);
  return checked ? localeEdits(checked.scenario, checked.texts) : [];
}

async function checkedLocale(
  root: string,
  folder: string,
  locale: string,
): Promise<{ scenario: Scenario; texts: Record<string, string> } | null> {
  const dir = join(root, folder);
  const loaded = await loadScenarioDir(dir).catch(() => null);
  if (!loaded?.ok) return null;
  const checked = await loadScenarioLocale(dir, locale, loaded.scenario).catch(() => null);
  return { scenario: loaded.scenario, texts: { ...(checked?.texts ?? {}) } };
}

/** What a checked scenario module holds: the loader's answer, as the registry's ScenarioLoad. */
export type Checked =
  | { ok: true; scenario: unknown; art: unknown; digest: string }
  | { ok: false; problem: string };

/** The folder (relative to the project's root) checked as a bundled scenario; the title names it in a refusal. */
export async function checkScenarioFolder(root: string, folder: string): Promise<Checked> {
  const dir = join(root, folder);
  const loaded = await loadScenarioDir(dir).catch((e: unknown) => ({
    ok: false as const,
    problems: [{ file: folder, line: 1, column: 1, path: '', message: String(e) }],
  }));
  if (!loaded.ok) {
    const first = loaded.problems[0];
    return {
      ok: false,
      problem: first ? formatProblem(first).replace(`${root}/`, '') : 'its files could not be read',
    };
  }
  const art = await loadMapArt(dir, loaded.scenario);
  if ('problem' in art) return { ok: false, problem: formatProblem(art.problem).replace(`${root}/`, '') };
  // Its digest too, which the browser would otherwise hash out of the whole scenario at New game.
  return { ok: true, scenario: loaded.scenario, art: art.art, digest: scenarioDigest(loaded.scenario) };
}

export function checkedScenarioPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'crisis-table:checked-scenario',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      if (id.startsWith(`\0${LOCALE_PREFIX}`)) {
        const [locale = '', ...rest] = id.slice(LOCALE_PREFIX.length + 1).split('/');
        const localeFolder = rest.join('/');
        this.addWatchFile(join(root, localeFolder));
        this.addWatchFile(join(root, localeFolder, 'locale', locale));
        const edits = await checkLocaleEdits(root, localeFolder, locale);
        return `export const edits = JSON.parse(${JSON.stringify(JSON.stringify(edits))});\n`;
      }
      const folder = id.slice(PREFIX.length + 1);
      // Edited YAML rebuilds the module in `vite` (dev) and `vitest --watch`.
      this.addWatchFile(join(root, folder));
      const checked = await checkScenarioFolder(root, folder);
      // A string for JSON.parse: faster for the browser to read than the same object written as code.
      return `export const checked = JSON.parse(${JSON.stringify(JSON.stringify(checked))});\n`;
    },
  };
}
