// A scenario's texts in another language (issue 20): the files of <scenario>/locale/<locale>/, read and checked
// against the English scenario. Pure (no fs), as load.ts: the validator, the build and the tests use it.
//
// A locale file holds `texts:`, a mapping of each text's path (scenario-texts.ts) to
// `{ of, source?, invention?, text }`: `of` is the hash of the English text it translates, and `source` and
// `invention` are the English text's citations, copied so that a translator sees what a text cites and the
// check can refuse a translation that cites otherwise. `spelling.yaml` holds `spelling:`, the one table of how
// the English of the sources spells each name and how this language spells it, `{ en, ar }`.
//
// Every problem is one line at FILE:LINE:COLUMN with the text's path, as load.ts gives the English ones.
import { type Problem, pointAt, readYamlFile, type ScenarioText, type SourceFile } from './load.ts';
import type { LocaleTexts } from './localize.ts';
import { type ScenarioTextEntry, scenarioTexts } from './scenario-texts.ts';
import type { Scenario } from './types.ts';

/** Where a scenario keeps its languages: <scenario>/locale/<locale>/. */
export const LOCALE_DIR = 'locale';
export const SPELLING_FILE = 'spelling.yaml';
const LOCALE_KEYS = ['texts', 'spelling'] as const;
const ENTRY_KEYS = new Set(['of', 'source', 'invention', 'text']);

export interface SpellingEntry {
  en: string;
  /** the spelling in the locale's script; named `ar` in the file, the only script translated to so far */
  ar: string;
  /**
   * Other forms of the same name that the grammar gives and a translation may write instead: a case ending
   * (الصدريين for الصدريون, أبي for أبو), or the adjective (السورية for Syria). Each is as binding as `ar`.
   */
  forms?: string[];
}

export interface LocaleCheck {
  /** the translations fit to show (known, fresh, citing as the English, translated): what the game uses */
  texts: LocaleTexts;
  spelling: SpellingEntry[];
  /** what makes the locale incomplete or wrong: `npm run validate` fails on any */
  problems: Problem[];
  /** what a reader should look at: a name the translation seems to spell otherwise than the table */
  warnings: Problem[];
}

export interface LocaleInput {
  /** e.g. "ar-IQ": its language ("ar") says which script a translated text must be written in */
  locale: string;
  english: Scenario;
  files: readonly ScenarioText[];
  /** the locale file a path belongs in (the English file's name under the locale folder), to place "missing" */
  homeOf?: (path: string) => string | undefined;
}

type Located = { file: string; line: number; column: number };
type Entry = Located & { path: string; of: string; source?: string[]; invention?: true; text: string };

/** The letters of each script a translation must use; a text with none of them is still the English. */
const SCRIPTS: Readonly<Record<string, RegExp>> = {
  ar: /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/,
};

export function checkLocale(input: LocaleInput): LocaleCheck {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const entries = new Map<string, Entry>();
  const spelling: (SpellingEntry & Located)[] = [];
  const unread = new Set<string>();
  const malformed = new Set<string>();
  const at = (where: Located, path: string, message: string): Problem => ({ ...where, path, message });

  for (const f of input.files) {
    const read = readYamlFile(f, LOCALE_KEYS, 'a locale file');
    if ('problems' in read) {
      problems.push(...read.problems);
      unread.add(f.name);
      continue;
    }
    readTexts(read, entries, malformed, problems);
    readSpelling(read, spelling, problems);
  }

  const english = scenarioTexts(input.english);
  const byPath = new Map(english.map((t) => [t.path, t]));
  const script = SCRIPTS[input.locale.split('-')[0]!.toLowerCase()];
  const usable: Record<string, string> = {};
  for (const entry of entries.values()) {
    const source = byPath.get(entry.path);
    if (!source) {
      problems.push(at(entry, entry.path, 'no English text has this path (renamed or removed?); delete it'));
      continue;
    }
    const wrong = entryProblem(entry, source, script);
    if (wrong) problems.push(at(entry, entry.path, wrong));
    else usable[entry.path] = entry.text;
  }
  // A file that could not be read would have every one of its texts reported missing again: its own line says it.
  problems.push(...missing(input, english, (path) => entries.has(path) || malformed.has(path), unread));
  warnings.push(...spellingWarnings(spelling, english, entries, usable));
  return {
    texts: usable,
    spelling: spelling.map(({ en, ar, forms }) => (forms ? { en, ar, forms } : { en, ar })),
    problems: sortProblems(problems),
    warnings: sortProblems(warnings),
  };
}

/** What is wrong with one translation beside its English text, if anything. */
function entryProblem(entry: Entry, english: ScenarioTextEntry, script: RegExp | undefined): string | null {
  if (entry.of !== english.of) {
    return `stale: the English text changed since this translation (of ${entry.of}, the English is now ${english.of}); translate it again and set of: ${english.of}`;
  }
  const cites = (s: { source?: string[]; invention?: true }) =>
    s.invention ? 'an invention' : s.source ? s.source.join(', ') : 'nothing';
  const sameSources = (entry.source ?? []).join('\n') === (english.source ?? []).join('\n');
  if (!sameSources || Boolean(entry.invention) !== Boolean(english.invention)) {
    return `cites ${cites(entry)}, but the English text cites ${cites(english)}: a translation keeps its text's citations`;
  }
  if (script && !script.test(entry.text)) {
    return `untranslated: the text has no letter of the locale's script (still the English?)`;
  }
  if (!script && entry.text === english.text) return 'untranslated: the text is still the English';
  return null;
}

/** Every English text the locale does not translate, placed in the locale file it belongs in. */
function missing(
  input: LocaleInput,
  english: ScenarioTextEntry[],
  present: (path: string) => boolean,
  unread: ReadonlySet<string>,
): Problem[] {
  const fallback = input.files[0]?.name ?? `${LOCALE_DIR}/${input.locale}`;
  // Without homes, any unread file may have held it: say nothing rather than an echo of its own problem.
  if (unread.size > 0 && !input.homeOf) return [];
  return english
    .filter((t) => !present(t.path) && !unread.has(input.homeOf?.(t.path) ?? ''))
    .map((t) => ({
      file: input.homeOf?.(t.path) ?? fallback,
      line: 1,
      column: 1,
      path: t.path,
      message: `missing: no ${input.locale} translation of this ${t.kind}`,
    }));
}

function readTexts(
  file: SourceFile,
  entries: Map<string, Entry>,
  malformed: Set<string>,
  problems: Problem[],
): void {
  const texts = file.data.texts;
  if (texts === undefined) return;
  const where = (path: (string | number)[]) => pointAt(file, path);
  if (typeof texts !== 'object' || texts === null || Array.isArray(texts)) {
    problems.push({ ...where(['texts']), path: 'texts', message: 'expected a mapping of paths to texts' });
    return;
  }
  for (const [path, value] of Object.entries(texts)) {
    const here = where(['texts', path]);
    const problem = (message: string) => problems.push({ ...here, path, message });
    const first = entries.get(path);
    if (first) {
      problem(`already translated at ${first.file}:${first.line}`);
      continue;
    }
    const read = readEntry(value);
    // A malformed entry is reported as such, not again as missing.
    if (typeof read === 'string') {
      problem(read);
      malformed.add(path);
    } else entries.set(path, { ...here, path, ...read });
  }
}

/** One `{ of, source?, invention?, text }`, or why it is not one. */
function readEntry(value: unknown): Omit<Entry, keyof Located | 'path'> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected a mapping with of and text';
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).find((k) => !ENTRY_KEYS.has(k));
  if (unknown !== undefined) return `unknown key "${unknown}"; a text may have: of, source, invention, text`;
  if (typeof v.of !== 'string' || !/^[0-9a-f]{8}$/.test(v.of))
    return "of: expected the English text's hash (8 hex digits), as scripts/scenario-skeleton.ts writes it";
  if (typeof v.text !== 'string' || v.text.trim() === '') return 'text: missing or empty';
  const source = v.source === undefined ? undefined : Array.isArray(v.source) ? v.source : [v.source];
  if (source && !source.every((s) => typeof s === 'string')) return 'source: expected a list of seed files';
  if (v.invention !== undefined && v.invention !== true) return 'invention: expected true, or nothing';
  return {
    of: v.of,
    text: v.text,
    ...(source ? { source: source as string[] } : {}),
    ...(v.invention === true ? { invention: true as const } : {}),
  };
}

function readSpelling(file: SourceFile, spelling: (SpellingEntry & Located)[], problems: Problem[]): void {
  const list = file.data.spelling;
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push({
      ...pointAt(file, ['spelling']),
      path: 'spelling',
      message: 'expected a list of { en, ar }',
    });
    return;
  }
  for (const [i, item] of (list as unknown[]).entries()) {
    const here = pointAt(file, ['spelling', i]);
    const v = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const wrong = spellingProblem(v, spelling);
    if (wrong) problems.push({ ...here, path: `spelling.${i}`, message: wrong });
    else
      spelling.push({
        ...here,
        en: v.en as string,
        ar: v.ar as string,
        ...(v.forms === undefined ? {} : { forms: v.forms as string[] }),
      });
  }
}

function spellingProblem(
  v: Record<string, unknown>,
  table: readonly (SpellingEntry & Located)[],
): string | null {
  if (typeof v.en !== 'string' || v.en.trim() === '') return 'en: missing or empty';
  if (typeof v.ar !== 'string' || v.ar.trim() === '') return `ar: missing or empty (for "${v.en}")`;
  if (
    v.forms !== undefined &&
    (!Array.isArray(v.forms) || v.forms.some((f) => typeof f !== 'string' || f.trim() === ''))
  )
    return `forms: expected a list of spellings (for "${v.en}")`;
  const twin = table.find((s) => s.en === v.en);
  return twin ? `"${v.en}" is already in the table at ${twin.file}:${twin.line}` : null;
}

/**
 * For each English text that names someone of the table, its translation must spell the name as the table does.
 * Arabic joins clitics to the word that follows (و ب ل ف ك), which a substring match allows for, and ل before
 * ال writes لل (الصدر → للصدر). The forms inflection gives (a case ending, the adjective) are the table's own, listed
 * beside the name (`forms`). Inflection can still change a name in ways the table did not foresee (a dual, say),
 * so a mismatch is a warning to read, not a refusal.
 */
function spellingWarnings(
  table: readonly (SpellingEntry & Located)[],
  english: readonly ScenarioTextEntry[],
  entries: ReadonlyMap<string, Entry>,
  usable: LocaleTexts,
): Problem[] {
  const names = table.map((s) => ({
    ...s,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s.en)}(?![\\p{L}\\p{N}])`, 'gu'),
  }));
  const warnings: Problem[] = [];
  for (const t of english) {
    const translated = entries.get(t.path);
    // Only a translation fit to show: an untranslated one is reported once, as such.
    if (!translated || !Object.hasOwn(usable, t.path)) continue;
    for (const name of namedIn(t.text, names)) {
      if ([name.ar, ...(name.forms ?? [])].some((form) => spelledIn(translated.text, form))) continue;
      // A translation that writes the English spelling itself speaks of it ("004 spells the name Adel Abdul
      // Mahdi"): that spelling is what the text is about.
      if (translated.text.match(name.pattern)) continue;
      warnings.push({
        file: translated.file,
        line: translated.line,
        column: translated.column,
        path: t.path,
        message: `warning: the English names "${name.en}", but the translation does not spell it "${name.ar}" (${SPELLING_FILE} at line ${name.line})`,
      });
    }
  }
  return warnings;
}

/**
 * The table's names an English text holds, the longest first where they overlap: "Security Council" inside
 * "National Security Council" is that council's name, spelt as a whole, not the UN's.
 */
function namedIn<N extends { en: string; pattern: RegExp }>(text: string, names: readonly N[]): N[] {
  const spans = names.flatMap((name) =>
    [...text.matchAll(name.pattern)].map((m) => ({ name, from: m.index, to: m.index + m[0].length })),
  );
  const covered = (s: (typeof spans)[number]) =>
    spans.some((o) => o !== s && o.to - o.from > s.to - s.from && o.from <= s.from && o.to >= s.to);
  return [...new Set(spans.filter((s) => !covered(s)).map((s) => s.name))];
}

/** Whether `text` holds the spelling, allowing the clitics Arabic writes joined to a word. */
export function spelledIn(text: string, spelling: string): boolean {
  const plain = (s: string) => s.replace(/[\u064B-\u0652\u0640]/g, ''); // harakat and tatweel are not spelling
  const inText = plain(text);
  const name = plain(spelling);
  if (inText.includes(name)) return true;
  return name.startsWith('ال') && inText.includes(`لل${name.slice(2)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** The locale a folder under locale/ names, if it looks like one (a BCP 47 tag: "ar-IQ", "fr"). */
export function isLocaleTag(name: string): boolean {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(name);
}
