// A scenario's translation as the edits localizeScenario would make to it, worked out when the game is built
// (scripts/checked-scenario-plugin.ts), so that a player's browser only applies them (localize.ts
// applyLocaleEdits) instead of walking, hashing and re-digiting every text when New game is pressed (issue 20
// item 6). The same rule decides each text (localize.ts `translator`); tests/scenario/locale-edits.test.ts proves
// that the two give the same scenario. Pure; not in the browser's bundle.
import { type LocaleEdit, type LocaleTexts, translator } from './localize.ts';
import { visitScenarioTexts } from './scenario-texts.ts';
import type { Scenario } from './types.ts';

/** Each object of a JSON value → its keys and indices from the root. */
function holderPaths(root: unknown): Map<object, (string | number)[]> {
  const paths = new Map<object, (string | number)[]>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node !== 'object' || node === null || paths.has(node)) return;
    paths.set(node, path);
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, [...path, i]);
    } else for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(root, []);
  return paths;
}

/** The edits that turn the English `scenario` into localizeScenario(scenario, texts), in the order it makes them. */
export function localeEdits(scenario: Scenario, texts: LocaleTexts): LocaleEdit[] {
  // Walked on a JSON copy, as localizeScenario walks one: an object the loader shared between two places is two
  // objects there, each with its own path.
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const paths = holderPaths(copy);
  const translate = translator(scenario, texts);
  const edits: LocaleEdit[] = [];
  visitScenarioTexts(copy, (entry, holder, key) => {
    const text = translate(entry);
    if (text === undefined) return;
    const path = paths.get(holder);
    if (!path) throw new Error(`the text at ${entry.path} is not inside the scenario`);
    edits.push([path, key, text, entry.kind === 'name' ? 0 : 1]);
  });
  return edits;
}
