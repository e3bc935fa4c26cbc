// The interface's strings by key (src/present/i18n): every key the code uses is in every locale (with each plural
// form the language needs), every key of a locale is used by the code, and the placeholders ({{name}}) are the same
// in every language. The code's keys are found as literals, t('key') or t("key"): a computed key is refused here,
// because the scan could not see it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from '../../src/present/i18n/ar-IQ.json' with { type: 'json' };
import en from '../../src/present/i18n/en.json' with { type: 'json' };

type Strings = Record<string, string>;
interface Source {
  file: string;
  text: string;
}

const I18N_MODULE = 'src/present/i18n/i18n.ts';
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sourcesUnder(dir: string): Source[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ file: relative(process.cwd(), path), text: readFileSync(path, 'utf8') }));
}

/** The keys the code uses, and the calls whose key is not a literal. */
function usedKeys(sources: readonly Source[]): { keys: Set<string>; computed: string[] } {
  const keys = new Set<string>();
  const computed: string[] = [];
  for (const { file, text } of sources) {
    if (file === I18N_MODULE || !text.includes('i18n/i18n.ts')) continue;
    for (const m of text.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) keys.add(m[2]!);
    for (const m of text.matchAll(/\bt\(\s*(?![\s'"])/g)) {
      const line = text.slice(0, m.index).split('\n').length;
      computed.push(`${file}:${line}: a key that is not a literal string`);
    }
  }
  return { keys, computed };
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).filter((n) => n !== 'count');
}

/** Everything wrong between the code's keys and the locales, one line each. */
function i18nProblems(sources: readonly Source[], locales: Record<string, Strings>): string[] {
  const { keys, computed } = usedKeys(sources);
  const problems = [...computed];
  const [reference] = Object.keys(locales);
  const wordsOf = (strings: Strings, key: string) =>
    Object.entries(strings)
      .filter(([k]) => k === key || k.replace(PLURAL, '') === key)
      .map(([, v]) => v);
  for (const [locale, strings] of Object.entries(locales)) {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of [...keys].sort()) {
      if (key in strings) continue;
      const missing = categories.filter((c) => !(`${key}_${c}` in strings)).sort();
      if (missing.length === categories.length) problems.push(`${locale}: no "${key}"`);
      else if (missing.length) problems.push(`${locale}: "${key}" lacks the forms ${missing.join(', ')}`);
    }
    for (const key of Object.keys(strings)) {
      const base = key.replace(PLURAL, '');
      if (!keys.has(key) && !keys.has(base)) problems.push(`${locale}: "${key}" is used by no code`);
    }
    if (locale === reference) continue;
    for (const key of keys) {
      const want = new Set(wordsOf(locales[reference!]!, key).flatMap(placeholders));
      const have = new Set(wordsOf(strings, key).flatMap(placeholders));
      if ([...want].sort().join() !== [...have].sort().join())
        problems.push(
          `${locale}: "${key}" has {{${[...have].join('}}, {{')}}}, ${reference} {{${[...want].join('}}, {{')}}}`,
        );
    }
  }
  return problems;
}

describe('the interface strings by key', () => {
  it('are in every locale, each used by the code, with the same placeholders', () => {
    expect(i18nProblems(sourcesUnder('src'), { en, 'ar-IQ': ar })).toEqual([]);
  });

  it('finds the code uses keys: the title, the settings and the class pages among them', () => {
    const { keys } = usedKeys(sourcesUnder('src'));
    expect(keys).toContain('title.newGame');
    expect(keys).toContain('settings.language');
    expect(keys).toContain('start.heading');
  });

  const code = (text: string): Source[] => [
    { file: 'src/ui/x.view.ts', text: `import { t } from '../present/i18n/i18n.ts';\n${text}` },
  ];

  it('says when a key is missing in a locale, or a plural form the language needs', () => {
    const problems = i18nProblems(code('t(\'a\'); t("b", { count: 2 });'), {
      en: { a: 'A', b_one: 'one', b_other: 'many' },
      'ar-IQ': { b_one: 'واحد', b_other: 'كثير' },
    });
    expect(problems).toContain('ar-IQ: no "a"');
    expect(problems).toContain('ar-IQ: "b" lacks the forms few, many, two, zero');
  });

  it('says when a locale has a key no code uses', () => {
    expect(i18nProblems(code("t('a');"), { en: { a: 'A', gone: 'G' } })).toEqual([
      'en: "gone" is used by no code',
    ]);
  });

  it('says when the placeholders differ between locales, ignoring the count', () => {
    const problems = i18nProblems(code("t('a', { name: 'x' }); t('n', { count: 1 });"), {
      en: { a: 'Hello {{name}}', n_one: 'one', n_other: '{{count}} of them' },
      'ar-IQ': {
        a: 'مرحبا {{nom}}',
        n_zero: 'لا',
        n_one: 'واحد',
        n_two: 'اثنان',
        n_few: 'ق',
        n_many: 'ك',
        n_other: 'غ',
      },
    });
    expect(problems).toEqual(['ar-IQ: "a" has {{nom}}, en {{name}}']);
  });

  it('refuses a key that is not a literal string, which the scan could not see', () => {
    expect(i18nProblems(code('const k = "a";\nt(k);'), { en: {} })).toEqual([
      'src/ui/x.view.ts:3: a key that is not a literal string',
    ]);
  });
});
