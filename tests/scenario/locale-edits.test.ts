// The Arabic scenario the browser plays is worked out when the game is built (issue 20 item 6): the locale chunk
// holds the edits that localize the English scenario, and the browser only applies them. It must be the very
// scenario localizeScenario gives (the classroom server and the command line still call it): same texts, same
// originals, same key order, same English behind it and so the same digest.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkedScenarioPlugin,
  checkLocaleEdits,
  checkLocaleFolder,
  checkScenarioFolder,
} from '../../scripts/checked-scenario-plugin.ts';
import {
  applyLocaleEdits,
  englishOf,
  type LocaleEdit,
  localizeScenario,
  originalOf,
} from '../../src/scenario/localize.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { compileScenario } from '../../src/sim/compile.ts';

const temp = mkdtempSync(join(tmpdir(), 'crisis-locale-edits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The English scenario as the browser has it: the build's checked module, read back from JSON. */
async function englishAsBuilt(root: string, folder: string): Promise<Scenario> {
  const checked = await checkScenarioFolder(root, folder);
  if (!checked.ok) throw new Error(`${folder} does not load: ${checked.problem}`);
  return JSON.parse(JSON.stringify(checked.scenario)) as Scenario;
}

/** The edits as the locale chunk the build writes holds them (the plugin's module, read back). */
async function chunkEdits(root: string, folder: string, locale: string): Promise<LocaleEdit[]> {
  const plugin = checkedScenarioPlugin();
  const context = { addWatchFile: () => {} };
  (plugin.configResolved as (c: { root: string }) => void)({ root });
  const id = `\0virtual:checked-scenario/locale/${locale}/${folder}`;
  const code =
    (await (plugin.load as (this: unknown, id: string) => Promise<string>).call(context, id)) ?? '';
  const literal = /^export const edits = JSON\.parse\((".*")\);$/m.exec(code)?.[1];
  if (!literal) throw new Error(`the locale module is not as expected: ${code.slice(0, 80)}`);
  return JSON.parse(JSON.parse(literal) as string) as LocaleEdit[];
}

describe('the bundled scenario’s Arabic, worked out when the game is built', () => {
  const folder = 'scenarios/baghdad-2021';

  it('is the scenario localizeScenario gives, to the key order, with the English digest', async () => {
    const english = await englishAsBuilt('.', folder);
    const texts = await checkLocaleFolder('.', folder, 'ar-IQ');
    const edits = await chunkEdits('.', folder, 'ar-IQ');
    expect(edits.length).toBeGreaterThan(700);
    const built = applyLocaleEdits(english, edits);
    const runtime = localizeScenario(english, texts);
    expect(built).toStrictEqual(runtime);
    expect(JSON.stringify(built)).toBe(JSON.stringify(runtime));
    expect(englishOf(built)).toBe(english);
    expect(compileScenario(built).digest).toBe(compileScenario(english).digest);
    // The English scenario itself is not touched.
    expect(JSON.stringify(english)).toBe(JSON.stringify(await englishAsBuilt('.', folder)));
  });

  it('gives a translated text its English as the original, and a name none', async () => {
    const english = await englishAsBuilt('.', folder);
    const built = applyLocaleEdits(english, await chunkEdits('.', folder, 'ar-IQ'));
    expect(originalOf(built.meta.title)).toBe(english.meta.title.text);
    expect(built.meta.title.text).not.toBe(english.meta.title.text);
    const actor = built.actors[0]!;
    expect(actor.name).not.toBe(english.actors[0]!.name);
    expect(originalOf(actor)).toBeUndefined();
  });
});

describe('a locale’s edits', () => {
  const MINI = 'tests/fixtures/scenarios/valid-mini';

  it('give localizeScenario’s scenario for a small scenario too, translated in part', async () => {
    const dir = join(temp, 'valid-mini');
    cpSync(MINI, dir, { recursive: true });
    cpSync('tests/fixtures/locales/valid-mini/ar-IQ', join(dir, 'locale/ar-IQ'), { recursive: true });
    const english = await englishAsBuilt(temp, 'valid-mini');
    const texts = await checkLocaleFolder(temp, 'valid-mini', 'ar-IQ');
    const { 'meta/title': _dropped, ...partial } = texts;
    const { localeEdits } = await import('../../src/scenario/locale-edits.ts');
    const built = applyLocaleEdits(english, localeEdits(english, partial));
    expect(JSON.stringify(built)).toBe(JSON.stringify(localizeScenario(english, partial)));
    expect(built.meta.title.text).toBe(english.meta.title.text);
    expect(await chunkEdits(temp, 'valid-mini', 'ar-IQ')).toEqual(
      await checkLocaleEdits(temp, 'valid-mini', 'ar-IQ'),
    );
  });

  it('are none for a scenario without the locale', async () => {
    expect(await checkLocaleEdits('.', MINI, 'ar-IQ')).toEqual([]);
  });

  it('refuse to apply to a scenario they were not made for', async () => {
    const english = await englishAsBuilt('.', MINI);
    expect(() => applyLocaleEdits(english, [[['events', 999], 'headline', 'نص', 1]])).toThrow();
    expect(() => applyLocaleEdits(english, [[['meta'], 'turns', 'نص', 0]])).toThrow(/no text at meta\/turns/);
  });
});
