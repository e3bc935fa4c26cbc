// A bundled scenario in another language (issue 20): the registry joins the English scenario and the language's
// texts, each a lazy chunk of its own; the build checks the texts (scripts/checked-scenario-plugin.ts).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkLocaleEdits, checkLocaleFolder } from '../../scripts/checked-scenario-plugin.ts';
import { BUNDLED_SCENARIOS, bundledScenario } from '../../src/game/session/scenario-registry.ts';
import { findScenarioDirs } from '../../src/scenario/load-dir.ts';
import { scenarioLocales } from '../../src/scenario/locale-dir.ts';
import { englishOf, originalOf } from '../../src/scenario/localize.ts';
import { compileScenario } from '../../src/sim/compile.ts';

const MINI = 'tests/fixtures/scenarios/valid-mini';
const LOCALE = 'tests/fixtures/locales/valid-mini/ar-IQ';
const temp = mkdtempSync(join(tmpdir(), 'crisis-locale-registry-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const miniFiles = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(MINI)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [`/x/valid-mini/${f}`, readFileSync(join(MINI, f), 'utf8')]),
  );

/** valid-mini with its Arabic texts beside it, as a scenario folder ships them. */
function miniWithLocale(): string {
  const dir = join(temp, `mini-${Math.random().toString(36).slice(2)}`);
  cpSync(MINI, dir, { recursive: true });
  cpSync(LOCALE, join(dir, 'locale/ar-IQ'), { recursive: true });
  return dir;
}

describe('the build’s locale chunk', () => {
  it('holds every text fit to show, checked against the English', async () => {
    const dir = miniWithLocale();
    const texts = await checkLocaleFolder(temp, basename(dir), 'ar-IQ');
    expect(texts['meta/title']).toBe('أزمة صغيرة للاختبار');
    expect(Object.keys(texts)).toHaveLength(38);
  });

  it('leaves out a stale or untranslated text, which the game then shows in English', async () => {
    const dir = miniWithLocale();
    const meta = join(dir, 'locale/ar-IQ/meta.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('of: 3c506436', 'of: 0000abcd'));
    const texts = await checkLocaleFolder(temp, basename(dir), 'ar-IQ');
    expect(texts['meta/title']).toBeUndefined();
    expect(texts['meta/summary']).toBe('جولتان من خلاف على الجسر.');
  });

  it('is empty for a locale a scenario does not have', async () => {
    expect(await checkLocaleFolder('.', MINI, 'ar-IQ')).toEqual({});
  });
});

describe('a bundled scenario in a language', () => {
  const arabic = async () => ({
    edits: await checkLocaleEdits(temp, basename(miniWithLocale()), 'ar-IQ'),
  });

  it('loads the English once and the language’s texts only when asked, with the English digest', async () => {
    const english = vi.fn(async () => ({ bundle: { files: miniFiles(), art: null } }));
    const texts = vi.fn(arabic);
    const entry = bundledScenario('valid-mini', 'A small test crisis', english, { 'ar-IQ': texts });
    expect(entry.languages).toEqual(['ar-IQ']);
    const en = await entry.load('en');
    expect(texts).not.toHaveBeenCalled();
    const [ar, again] = await Promise.all([entry.load('ar-IQ'), entry.load('ar-IQ')]);
    expect(again).toBe(ar);
    expect(english).toHaveBeenCalledTimes(1);
    expect(texts).toHaveBeenCalledTimes(1);
    if (!en.ok || !ar.ok) throw new Error('valid-mini does not load');
    expect(ar.scenario.meta.title.text).toBe('أزمة صغيرة للاختبار');
    expect(en.scenario.meta.title.text).toBe('A small test crisis');
    expect(englishOf(ar.scenario)).toBe(en.scenario);
    expect(originalOf(ar.scenario.events[0]!.headline)).toBe('Paper asks why the bridge is still open');
    expect(compileScenario(ar.scenario).digest).toBe(compileScenario(en.scenario).digest);
  });

  it('stays English when its texts do not arrive, and asks for them again next time', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const entry = bundledScenario(
      'valid-mini',
      'A small test crisis',
      async () => ({ bundle: { files: miniFiles(), art: null } }),
      {
        'ar-IQ': async () => {
          calls++;
          if (calls === 1) throw new Error('Failed to fetch dynamically imported module');
          return arabic();
        },
      },
    );
    const first = await entry.load('ar-IQ');
    expect(first.ok && first.scenario.meta.title.text).toBe('A small test crisis');
    expect(warn).toHaveBeenCalledOnce();
    const second = await entry.load('ar-IQ');
    expect(second.ok && second.scenario.meta.title.text).toBe('أزمة صغيرة للاختبار');
    warn.mockRestore();
  });

  it('is offered in every language a scenario folder has texts for', async () => {
    for (const dir of await findScenarioDirs('scenarios')) {
      const entry = BUNDLED_SCENARIOS.find((s) => s.id === basename(dir));
      expect(entry?.languages).toEqual(await scenarioLocales(dir));
    }
  });
});
