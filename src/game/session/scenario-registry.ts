/// <reference types="vite/client" />
/**
 * The scenarios the game bundles: each one's id and title, and a loader. The list is small and in the first
 * download; each scenario is a lazy chunk of its own (bundled/<id>.ts), checked when the game is built, so the
 * browser runs no YAML or Zod, and adding a scenario does not grow what a player downloads before the title.
 *
 * A scenario is added here in one line, beside its folder under scenarios/; tests/scenario/scenario-registry
 * checks that every folder is listed and that each id and title are those of its data. A scenario that fails to
 * load refuses in one sentence naming it, and the others load all the same.
 */
import type { LocaleEdit } from '../../scenario/localize.ts';
import { rememberDigest } from '../../scenario/scenario-digest.ts';
import type { CheckedLoad, ScenarioBundle, ScenarioLoad } from './scenario-bundle.ts';

export type { MapArt, ScenarioBundle, ScenarioLoad } from './scenario-bundle.ts';

export interface BundledScenario {
  /** the scenario's meta.id: the key of its save slot and of a link (?scenario=) */
  id: string;
  /** its meta.title, for the picker before the scenario has loaded */
  title: string;
  /**
   * Parsed and checked once, however often asked; never rejects (a failure is `ok: false`, one sentence). In a
   * language the scenario has texts in (`ar-IQ`), the scenario in that language: the same scenario, ids, digest and
   * all, with its words replaced (src/scenario/localize.ts); in any other, English.
   */
  load: (language?: string) => Promise<ScenarioLoad>;
  /** the languages other than English it has texts in */
  languages: readonly string[];
}

/**
 * A scenario's texts in one language: a lazy chunk of their own (bundled/<id>.<locale>.ts), as the edits that put
 * them in the English scenario's place, worked out when the game was built (src/scenario/locale-edits.ts), so that
 * New game only applies them.
 */
export type LocaleChunk = () => Promise<{ edits: readonly LocaleEdit[] }>;

/**
 * A scenario's lazy chunk: checked when the game was built (scripts/checked-scenario-plugin.ts: what the game
 * ships), or its files as text, parsed and checked here (a scenario given at run time, and the tests of a broken one).
 */
export type ScenarioChunk = { checked: CheckedLoad } | { bundle: ScenarioBundle };

export function bundledScenario(
  id: string,
  title: string,
  chunk: () => Promise<ScenarioChunk>,
  locales: Readonly<Record<string, LocaleChunk>> = {},
): BundledScenario {
  let loading: Promise<ScenarioLoad> | null = null;
  const localized = new Map<string, Promise<ScenarioLoad>>();
  const load = async (): Promise<ScenarioLoad> => {
    try {
      const module = await chunk();
      if ('checked' in module) return checkedLoad(id, title, module.checked);
      const { parseBundle } = await import('./scenario-parse.ts');
      return parseBundle(id, title, module.bundle);
    } catch (e) {
      // A chunk that did not arrive (offline before it was cached, say): this scenario only.
      loading = null;
      const why = e instanceof Error ? e.message : String(e);
      return { ok: false, problem: `The scenario “${title}” cannot be loaded: ${why.split('\n')[0]}` };
    }
  };
  const english = () => (loading ??= load());
  /**
   * The scenario in a language: its texts' chunk and the English scenario, joined. Texts that do not arrive (offline
   * before they were cached) leave the game in English rather than without a scenario.
   */
  const inLanguage = async (language: string, texts: LocaleChunk): Promise<ScenarioLoad> => {
    const loaded = await english();
    if (!loaded.ok) return loaded;
    try {
      const [{ applyLocaleEdits }, { localizeArt }, module] = await Promise.all([
        import('../../scenario/localize.ts'),
        import('../../scenario/localize-art.ts'),
        texts(),
      ]);
      return {
        ...loaded,
        scenario: applyLocaleEdits(loaded.scenario, module.edits),
        art: loaded.art && localizeArt(loaded.art, language),
      };
    } catch (e) {
      localized.delete(language);
      console.warn(`The scenario “${title}” stays in English: ${e instanceof Error ? e.message : String(e)}`);
      return loaded;
    }
  };
  return {
    id,
    title,
    languages: Object.keys(locales),
    load: (language) => {
      const texts =
        language === undefined || !Object.hasOwn(locales, language) ? undefined : locales[language];
      if (!language || !texts) return english();
      const pending = localized.get(language) ?? inLanguage(language, texts);
      localized.set(language, pending);
      return pending;
    },
  };
}

/** A scenario checked at build time, as the registry gives it: a refusal names it, and its id must be the registry's. */
function checkedLoad(id: string, title: string, checked: CheckedLoad): ScenarioLoad {
  if (!checked.ok)
    return { ok: false, problem: `The scenario “${title}” cannot be loaded: ${checked.problem}` };
  if (checked.scenario.meta.id !== id) {
    return {
      ok: false,
      problem: `The scenario “${title}” cannot be loaded: its meta.id is “${checked.scenario.meta.id}”, not “${id}”`,
    };
  }
  const { digest, ...load } = checked;
  rememberDigest(load.scenario, digest);
  return load;
}

const SHIPPED: readonly BundledScenario[] = [
  bundledScenario(
    'baghdad-2021',
    'After the Ballot: Baghdad, October to December 2021',
    () => import('./bundled/baghdad-2021.ts'),
    { 'ar-IQ': () => import('./bundled/baghdad-2021.ar-IQ.ts') },
  ),
];

/**
 * A small test scenario (tests/fixtures/scenarios/harbour-test), bundled by a build in test mode only
 * (`vite build --mode test`, and Vitest): the browser tests build the game with it to check the picker. In any
 * other build the condition is the constant false, and neither the entry nor its chunk is in the build.
 */
export const BUNDLED_SCENARIOS: readonly BundledScenario[] =
  import.meta.env.MODE === 'test'
    ? [
        ...SHIPPED,
        bundledScenario(
          'harbour-test',
          'The Harbour Bridge (a test scenario)',
          () => import('./bundled/harbour-test.ts'),
        ),
      ]
    : SHIPPED;

/** The scenario of a link's `?scenario=` id, if the game bundles it. */
export function bundledById(
  scenarios: readonly BundledScenario[],
  id: string | null,
): BundledScenario | undefined {
  return id === null ? undefined : scenarios.find((s) => s.id === id);
}
