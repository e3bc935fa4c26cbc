// The scenario's Arabic texts write their numbers in the digits the Arabic interface writes its own (issue 20):
// prose numbers in Arabic-Indic, while a Latin token (a name, an identifier, a URL), a number beside a Latin name
// and a source's number keep their Latin digits; English texts and the game's data do not change.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { loadScenarioLocale } from '../../src/scenario/locale-dir.ts';
import { arabicDigits, localizeScenario, wordsOf } from '../../src/scenario/localize.ts';
import { visitScenarioTexts } from '../../src/scenario/scenario-texts.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { compileScenario } from '../../src/sim/compile.ts';

describe('arabicDigits', () => {
  const sources = new Set(['000', '003']);

  it('writes prose numbers in Arabic-Indic digits, attached to a letter or not', () => {
    expect(arabicDigits('في انتخابات 2021 فاز بـ73 مقعداً من 329.')).toBe(
      'في انتخابات ٢٠٢١ فاز بـ٧٣ مقعداً من ٣٢٩.',
    );
    expect(arabicDigits('نحو 1.5 مليون، أي 10%')).toBe('نحو ١.٥ مليون، أي ١٠%');
  });

  it('keeps Latin tokens, numbers beside a Latin name, URLs and sources’ numbers as they are', () => {
    expect(arabicDigits('طائرة MC-12W فوق بغداد')).toBe('طائرة MC-12W فوق بغداد');
    expect(arabicDigits('القرار Resolution 2107 في 2013')).toBe('القرار Resolution 2107 في ٢٠١٣');
    expect(arabicDigits('انظر https://example.org/a/2021?p=3 عام 2021')).toBe(
      'انظر https://example.org/a/2021?p=3 عام ٢٠٢١',
    );
    expect(arabicDigits('كما يذكر 003 (000)، وفي 2014', sources)).toBe('كما يذكر 003 (000)، وفي ٢٠١٤');
    expect(arabicDigits('المعرّف 49d9d13b و220454a9')).toBe('المعرّف 49d9d13b و220454a9');
    // Without the list of sources, a source's number is a number.
    expect(arabicDigits('كما يذكر 003')).toBe('كما يذكر ٠٠٣');
  });

  it('changes nothing in a text without digits', () => {
    expect(arabicDigits('لا أرقام هنا')).toBe('لا أرقام هنا');
  });
});

describe('the bundled scenario in Arabic', () => {
  let english: Scenario;
  let arabic: Scenario;
  beforeAll(async () => {
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error('the bundled scenario does not load');
    english = loaded.scenario;
    const locale = await loadScenarioLocale('scenarios/baghdad-2021', 'ar-IQ', english);
    arabic = localizeScenario(english, locale.texts);
  });

  it('has no Latin digit in its Arabic prose but sources’ numbers and Latin tokens', () => {
    const sources = new Set(english.meta.sources.map((s) => s.file.slice(0, 3)));
    const left: string[] = [];
    let arabicIndic = 0;
    visitScenarioTexts(arabic, (entry) => {
      if (!/[\u0621-\u064a]/.test(entry.text)) return;
      if (/[٠-٩]/.test(entry.text)) arabicIndic++;
      for (const m of entry.text.matchAll(/[A-Za-z0-9][A-Za-z0-9_\-.:/?#&=%+@~]*/g)) {
        const token = m[0];
        if (!/[0-9]/.test(token) || /[A-Za-z]/.test(token)) continue;
        if (!sources.has(token.replace(/[^0-9]+$/, ''))) left.push(`${entry.path}: ${token}`);
      }
    });
    expect(left).toEqual([]);
    expect(arabicIndic).toBeGreaterThan(50);
  });

  it('leaves the English scenario, the game’s digest and the data as they were', () => {
    const before = JSON.stringify(english);
    expect(compileScenario(arabic).digest).toBe(compileScenario(english).digest);
    expect(JSON.stringify(english)).toBe(before);
    expect(arabic.turns.map((t) => t.date)).toEqual(english.turns.map((t) => t.date));
    // The classroom server's words for the English texts are the Arabic ones with their digits.
    const words = wordsOf(arabic);
    const role = english.actors.find((a) => a.id === 'sadrists')!.role.text;
    expect(words.get(role)).toMatch(/٢٠٢١/);
  });
});
