// What every refusal a screen says must be (issue 20): it has its words as data (a key and what it names), in
// English word for word the engine's sentence when the ids are said as ids, and in Arabic an Arabic line that
// names the same things by the scenario's Arabic names. The per-module tests in tests/present/refusals/ reach
// each key of their module with a command the engine refuses, and check its words here.
import { expect } from 'vitest';
import { loadLanguage, withLanguage } from '../../src/present/i18n/i18n.ts';
import { Lookup } from '../../src/present/lookup.ts';
import { type RefusalNames, saidText } from '../../src/present/refusal-text.ts';
import { loadScenarioLocale } from '../../src/scenario/locale-dir.ts';
import { localizeScenario } from '../../src/scenario/localize.ts';
import type { Refusal } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import type { RefusalKey } from '../../src/sim/refusal-keys.ts';

/** Names that say each id as it is: the engine's English sentence names ids so. */
export const IDS_AS_NAMES: RefusalNames = {
  actorName: (id) => id,
  optionLabel: (_actor, option) => option,
  indicatorLabel: (id) => id,
  agreementLabel: (id) => id,
  claimLabel: (id) => id,
  rulingEffectLabel: (id) => id,
  eventHeadline: (id) => id,
};

export async function loadBothLanguages(): Promise<void> {
  await loadLanguage('ar-IQ');
  await loadLanguage('en');
}

const ARABIC_LETTER = /[\u0621-\u064a]/;

/** The bundled scenario's names in Arabic (its `dir`, as the compiled scenario `c` was loaded from). */
export async function arabicNames(dir: string, c: CompiledScenario): Promise<RefusalNames> {
  const locale = await loadScenarioLocale(dir, 'ar-IQ', c.scenario);
  return new Lookup(localizeScenario(c.scenario, locale.texts));
}

/** Checks the refusal's words, and returns its key. */
export function expectSaid(r: Refusal, arabic: RefusalNames): RefusalKey {
  expect(r.said, `no words as data for: ${r.message}`).toBeDefined();
  const said = r.said!;
  const english = withLanguage('en', () => saidText(said, IDS_AS_NAMES));
  expect(english, said.key).toBe(r.message);
  const inArabic = withLanguage('ar-IQ', () => saidText(said, arabic));
  expect(inArabic, said.key).toMatch(ARABIC_LETTER);
  expect(inArabic, said.key).not.toContain('{{');
  expect(inArabic, said.key).not.toContain('refusal.');
  return said.key;
}
