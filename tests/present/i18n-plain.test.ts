// `t` fills a plain string itself (i18n.ts filledPlainly) instead of asking i18next: every key of every language must
// read exactly as i18next, set up as the game sets it up, gives it, with the same variables; and where a string is not
// plain (a plural, a variable not given, a value that looks like a placeholder or a nesting) the same too.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import ar from '../../src/present/i18n/ar-IQ.json';
import en from '../../src/present/i18n/en.json';
import { LANGUAGES, type Language, loadLanguage, t } from '../../src/present/i18n/i18n.ts';

const strings: Record<Language, Record<string, string>> = { en, 'ar-IQ': ar };

/** i18next as i18n.ts sets it up, holding both languages. */
async function reference() {
  const engine = i18next.createInstance();
  await engine.init({
    lng: 'en',
    fallbackLng: false,
    resources: { en: { translation: en }, 'ar-IQ': { translation: ar } },
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof engine.init>[0]);
  return engine;
}

/** The variables a string names, each given a value that t passes on as it is (already isolated). */
function varsOf(text: string, value: (name: string) => string): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  for (const [, inner] of text.matchAll(/\{\{([^}]*)\}\}/g)) {
    const name = inner!.split(',')[0]!.trim().replace(/^-\s*/, '');
    vars[name] = name === 'count' ? 3 : value(name);
  }
  return vars;
}

/** Already isolated: t leaves such a value as it is in both directions, so i18next is given the same. */
const iso = (text: string) => `\u2068${text}\u2069`;

describe.each(LANGUAGES)('t in %s', (language) => {
  it('gives every key as i18next gives it, filled or not, and where a value looks like a placeholder', async () => {
    await loadLanguage(language);
    const engine = await reference();
    const keys = Object.keys(strings[language]);
    expect(keys.length).toBeGreaterThan(100);
    let filled = 0;
    for (const [n, key] of keys.entries()) {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      const text = strings[language][key]!;
      // A value unique to this call (t remembers what it gave by its variables).
      const cases = [
        varsOf(text, (name) => iso(`${name} ${n}`)),
        varsOf(text, (name) => iso(`{{${name}}} $t(${base}) ${n}`)),
      ];
      // And with a variable missing: i18next leaves its placeholder.
      const some = varsOf(text, (name) => iso(`${name} ${n}!`));
      const first = Object.keys(some).find((name) => name !== 'count');
      if (first) {
        delete some[first];
        cases.push(some);
      }
      for (const vars of cases) {
        const mine = t(base, vars);
        expect(mine, `${language} ${key}`).toBe(engine.t(base, { ...vars, lng: language }));
        if (Object.keys(vars).length > 0 && !('count' in vars)) filled++;
      }
    }
    // The plain path was taken by most strings with variables.
    expect(filled).toBeGreaterThan(50);
  });
});
