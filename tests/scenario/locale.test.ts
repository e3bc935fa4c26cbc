// The scenario in another language (issue 20): the locale checker (src/scenario/locale.ts) on a small complete
// Arabic translation of valid-mini (tests/fixtures/locales/valid-mini/ar-IQ), each kind of fault made on a copy of
// it; and localizeScenario: the same game, record for record, in both languages.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioFiles, type ScenarioText } from '../../src/scenario/load.ts';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { checkLocale, spelledIn } from '../../src/scenario/locale.ts';
import { loadScenarioLocale } from '../../src/scenario/locale-dir.ts';
import {
  englishOf,
  localizeScenario,
  localizeWords,
  originalOf,
  wordsOf,
} from '../../src/scenario/localize.ts';
import { scenarioTexts } from '../../src/scenario/scenario-texts.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { forkAt, newRecord, replay } from '../../src/sim/record.ts';
import { publicView, viewFor } from '../../src/sim/view.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const LOCALE = join(FIXTURES, 'locales/valid-mini/ar-IQ');

function readDir(dir: string): ScenarioText[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function english(): Scenario {
  const loaded = parseScenarioFiles(readDir(join(FIXTURES, 'scenarios/valid-mini')));
  if (!loaded.ok) throw new Error(formatProblem(loaded.problems[0]!));
  return loaded.scenario;
}

/** The fixture's locale files, one of them changed by `edit`. */
function localeWith(file: string, edit: (text: string) => string): ScenarioText[] {
  return readDir(LOCALE).map((f) => (f.name === file ? { ...f, text: edit(f.text) } : f));
}

function check(files: ScenarioText[] = readDir(LOCALE)) {
  const checked = checkLocale({ locale: 'ar-IQ', english: english(), files });
  return {
    ...checked,
    lines: checked.problems.map(formatProblem),
    warned: checked.warnings.map(formatProblem),
  };
}

/** The line of a file on which `text` first stands (1-based). */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(LOCALE, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}

describe('checkLocale', () => {
  it('passes the complete translation, every text usable', () => {
    const { lines, warned, texts, spelling } = check();
    expect(lines).toEqual([]);
    expect(warned).toEqual([]);
    expect(Object.keys(texts).sort()).toEqual(
      scenarioTexts(english())
        .map((t) => t.path)
        .sort(),
    );
    expect(spelling).toContainEqual({ en: 'bridge', ar: 'الجسر' });
  });

  it('names a missing path, in the file it belongs in', () => {
    const files = localeWith('world.yaml', (t) =>
      t.replace(/ {2}turns\/t2\/title:\n(?: {4}.*\n)+?(?= {2}\S)/, ''),
    );
    const checked = checkLocale({
      locale: 'ar-IQ',
      english: english(),
      files,
      homeOf: (path) => (path.startsWith('turns/') ? 'locale/ar-IQ/world.yaml' : undefined),
    });
    expect(checked.problems.map(formatProblem)).toEqual([
      'locale/ar-IQ/world.yaml:1:1 turns/t2/title: missing: no ar-IQ translation of this text',
    ]);
    expect(checked.texts['turns/t2/title']).toBeUndefined();
    expect(checked.texts['turns/t1/title']).toBe('الشقّ');
  });

  it('refuses a path no English text has, at its line', () => {
    const { lines } = check(
      localeWith('world.yaml', (t) =>
        t.replace(
          '  turns/t1/title:',
          '  turns/t9/title:\n    of: 41f518a2\n    invention: true\n    text: ما\n  turns/t1/title:',
        ),
      ),
    );
    expect(lines).toEqual([
      `world.yaml:${lineOf('world.yaml', 'turns/t1/title:')}:3 turns/t9/title: no English text has this path (renamed or removed?); delete it`,
    ]);
  });

  it('refuses a changed citation: another source, or a source turned into an invention', () => {
    const { lines } = check(
      localeWith('world.yaml', (t) =>
        t
          .replace(
            /(facts\/bridge-unsafe\/statement:\n.*\n {4}source:\n {6}- )seed-001\.txt/,
            '$1seed-002.txt',
          )
          .replace(/(turns\/t1\/title:\n.*\n) {4}invention: true/, '$1    source: [seed-001.txt]'),
      ),
    );
    expect(lines).toEqual([
      `world.yaml:${lineOf('world.yaml', 'facts/bridge-unsafe/statement:')}:3 facts/bridge-unsafe/statement: cites seed-002.txt, but the English text cites seed-001.txt: a translation keeps its text's citations`,
      `world.yaml:${lineOf('world.yaml', 'turns/t1/title:')}:3 turns/t1/title: cites seed-001.txt, but the English text cites an invention: a translation keeps its text's citations`,
    ]);
  });

  it('calls a translation of another English text stale, saying which path', () => {
    const { lines, texts } = check(localeWith('meta.yaml', (t) => t.replace('of: 3c506436', 'of: 0000abcd')));
    expect(lines).toEqual([
      `meta.yaml:${lineOf('meta.yaml', 'meta/title:')}:3 meta/title: stale: the English text changed since this translation (of 0000abcd, the English is now 3c506436); translate it again and set of: 3c506436`,
    ]);
    // The game shows the English rather than a translation of something else.
    expect(texts['meta/title']).toBeUndefined();
  });

  it('flags a text still in English, and a name in Latin letters', () => {
    const { lines } = check(
      localeWith('world.yaml', (t) =>
        t
          .replace('text: "الجسر غير آمن"', 'text: "The bridge is unsafe"')
          .replace('"رئيس البلدية"', '"The mayor"'),
      ),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^world\.yaml:\d+:3 actors\/mayor\/name: untranslated: /),
      expect.stringMatching(/^world\.yaml:\d+:3 facts\/bridge-unsafe\/statement: untranslated: /),
    ]);
  });

  it('warns where a translation spells a name otherwise than the table, allowing the clitics', () => {
    const { lines, warned } = check(
      localeWith('play.yaml', (t) => t.replace('"أغلق الجسر"', '"أغلق القنطرة"')),
    );
    expect(lines).toEqual([]);
    expect(warned).toEqual([
      `play.yaml:${lineOf('play.yaml', 'close-bridge/label:')}:3 decisions/mayor-bridge/options/close-bridge/label: warning: the English names "bridge", but the translation does not spell it "الجسر" (spelling.yaml at line 3)`,
    ]);
    expect(spelledIn('وبالجسر', 'الجسر')).toBe(true);
    expect(spelledIn('للجسر', 'الجسر')).toBe(true);
    expect(spelledIn('لجسر', 'الجسر')).toBe(false);
    expect(spelledIn('مُقْتَدى الصَّدر', 'مقتدى الصدر')).toBe(true);
  });

  it('takes a form the table lists beside a name (here the indefinite accusative), and the English spelling the text speaks of', () => {
    const renamed = (t: string) => t.replace('"أغلق الجسر"', '"أغلق جسرًا"');
    // Without the form in the table, it is a mismatch to read.
    expect(check(localeWith('play.yaml', renamed)).warned).toHaveLength(1);
    const withForm = localeWith('play.yaml', renamed).map((f) =>
      f.name === 'spelling.yaml'
        ? {
            ...f,
            text: f.text.replace('{ en: bridge, ar: الجسر }', '{ en: bridge, ar: الجسر, forms: [جسرًا] }'),
          }
        : f,
    );
    const listed = check(withForm);
    expect(listed.lines).toEqual([]);
    expect(listed.warned).toEqual([]);
    expect(listed.spelling).toContainEqual({ en: 'bridge', ar: 'الجسر', forms: ['جسرًا'] });
    // A text about how a source spells the name keeps that spelling, in Latin letters.
    const spoken = check(
      localeWith('play.yaml', (t) => t.replace('"أغلق الجسر"', '"أغلقْه (يكتبه المصدر bridge)"')),
    );
    expect(spoken.warned).toEqual([]);
  });

  it('refuses forms that are not a list of spellings', () => {
    const { lines } = check(
      localeWith('spelling.yaml', (t) =>
        t.replace('{ en: mayor, ar: رئيس البلدية }', '{ en: mayor, ar: رئيس البلدية, forms: [""] }'),
      ),
    );
    expect(lines).toEqual([
      'spelling.yaml:4:5 spelling.1: forms: expected a list of spellings (for "mayor")',
    ]);
  });

  it('refuses a spelling table with a repeated or empty entry', () => {
    const { lines } = check(
      localeWith('spelling.yaml', (t) => `${t}  - { en: bridge, ar: قنطرة }\n  - { en: town, ar: "" }\n`),
    );
    expect(lines).toEqual([
      'spelling.yaml:5:5 spelling.2: "bridge" is already in the table at spelling.yaml:3',
      'spelling.yaml:6:5 spelling.3: ar: missing or empty (for "town")',
    ]);
  });

  it('refuses malformed YAML at its line, and a file of other keys, in one line each', () => {
    const broken = check(localeWith('meta.yaml', (t) => t.replace('  meta/summary:', '  meta/summary: [')));
    expect(broken.lines).toHaveLength(1);
    expect(broken.lines[0]).toMatch(/^meta\.yaml:\d+:\d+ ?: YAML syntax error: /);
    expect(Number(broken.lines[0]!.split(':')[1])).toBeGreaterThanOrEqual(
      lineOf('meta.yaml', 'meta/summary:'),
    );
    const other = check([...readDir(LOCALE), { name: 'x.yaml', text: 'words:\n  a: b\n' }]);
    expect(other.lines).toEqual([
      'x.yaml:1:1: not a locale file: none of its keys ("words") is one of its keys; a locale file may have: texts, spelling',
    ]);
    const twice = check([
      ...readDir(LOCALE),
      { name: 'y.yaml', text: 'texts:\n  meta/title: { of: 3c506436, invention: true, text: عنوان }\n' },
    ]);
    expect(twice.lines).toEqual([
      expect.stringMatching(/^y\.yaml:2:3 meta\/title: already translated at meta\.yaml:\d+$/),
    ]);
  });
});

describe('the locale folder, read from disk', () => {
  it('places a missing path in the locale file named as its English file, and npm run validate reports it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-locale-'));
    try {
      cpSync(join(FIXTURES, 'scenarios/valid-mini'), dir, { recursive: true });
      cpSync(LOCALE, join(dir, 'locale/ar-IQ'), { recursive: true });
      const world = join(dir, 'locale/ar-IQ/world.yaml');
      writeFileSync(
        world,
        readFileSync(world, 'utf8').replace(/ {2}turns\/t2\/title:\n(?: {4}.*\n)+?(?= {2}\S)/, ''),
      );
      const loaded = await loadScenarioDir(dir);
      if (!loaded.ok) throw new Error('valid-mini');
      const checked = await loadScenarioLocale(dir, 'ar-IQ', loaded.scenario);
      expect(checked.problems.map(formatProblem)).toEqual([
        `${dir}/locale/ar-IQ/world.yaml:1:1 turns/t2/title: missing: no ar-IQ translation of this text`,
      ]);
      const run = spawnSync('npx', ['tsx', 'src/cli/validate.ts', dir], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout.trim().split('\n')).toEqual([
        `${dir}/locale/ar-IQ/world.yaml:1:1 turns/t2/title: missing: no ar-IQ translation of this text`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('localizeScenario', () => {
  const en = english();
  const { texts } = check();
  const ar = localizeScenario(en, texts);

  it('replaces every text, and keeps the English words of a cited text beside it', () => {
    expect(ar.meta.title.text).toBe('أزمة صغيرة للاختبار');
    expect(ar.actors[0]!.name.text).toBe('رئيس البلدية');
    expect(originalOf(ar.events[0]!.headline)).toBe('Paper asks why the bridge is still open');
    expect(scenarioTexts(ar).every((t) => t.text === texts[t.path])).toBe(true);
    // The English scenario is not touched, and is the one the localized scenario names.
    expect(en.meta.title.text).toBe('A small test crisis');
    expect(originalOf(en.events[0]!.headline)).toBeUndefined();
    expect(englishOf(ar)).toBe(en);
    expect(englishOf(localizeScenario(ar, texts))).toBe(en);
  });

  it('keeps every id, number and citation', () => {
    const strip = (s: Scenario) => {
      const copy = structuredClone(s) as unknown as Record<string, unknown>;
      const walk = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        const record = node as Record<string, unknown>;
        for (const key of ['text', 'original', 'quote']) delete record[key];
        if (typeof record.name === 'string') delete record.name;
        // A source's date note, kind and perspective are the game's words about it: translated, as texts are.
        if (typeof record.file === 'string')
          for (const key of ['date', 'kind', 'perspective']) delete record[key];
        for (const value of Object.values(record)) walk(value);
      };
      walk(copy);
      return copy;
    };
    expect(strip(ar)).toEqual(strip(en));
  });

  it('has the English digest, so that a record or save is the same in both languages', () => {
    const cEn = compileScenario(en);
    const cAr = compileScenario(ar);
    expect(cAr.digest).toBe(cEn.digest);
    expect(newRecord(cAr, 7)).toEqual(newRecord(cEn, 7));
    // A different text is a different scenario: the digest is still the content's.
    expect(compileScenario({ ...en, meta: { ...en.meta, version: '9.9.9' } }).digest).not.toBe(cEn.digest);
  });

  it('plays, replays and forks the same game in both languages, command for command', () => {
    const cEn = compileScenario(en);
    const cAr = compileScenario(ar);
    for (const seed of [1, 2, 3, 42]) {
      const gameEn = playBatchGame(cEn, seed, undefined, true);
      const gameAr = playBatchGame(cAr, seed, undefined, true);
      expect(gameAr.entries).toEqual(gameEn.entries);
      expect(gameAr.state).toEqual(gameEn.state);
      const record = { ...newRecord(cEn, seed), entries: gameEn.entries ?? [] };
      // A record written in English replays in Arabic to the same state, and the other way round.
      expect(replay(cAr, record)).toEqual(replay(cEn, record));
      expect(forkAt(cAr, record, 1)).toEqual(forkAt(cEn, record, 1));
      // Only the words of the views differ.
      const view = viewFor(cAr, gameAr.state, 'mayor');
      expect(JSON.stringify(view)).toMatch(/[\u0600-\u06FF]/);
      expect(JSON.stringify(publicView(cEn, gameEn.state))).not.toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('translates a screen built from the English scenario, word for word, keeping the English of a cited text', () => {
    const words = wordsOf(ar);
    expect(words.get('The bridge is unsafe')).toBe('الجسر غير آمن');
    expect(words.get('The mayor')).toBe('رئيس البلدية');
    expect(wordsOf(en).size).toBe(0);
    const screen = {
      heading: 'The mayor',
      sentence: 'You chose “Wait”',
      news: [{ text: 'Paper asks why the bridge is still open', cite: 'Source: news report (seed)' }],
      turn: 2,
      id: 'wait',
    };
    expect(localizeWords(screen, words)).toEqual({
      heading: 'رئيس البلدية',
      sentence: 'You chose “Wait”',
      news: [
        {
          text: 'الصحيفة تسأل: «لماذا ما زال الجسر مفتوحًا؟»',
          cite: 'Source: news report (seed)',
          original: 'Paper asks why the bridge is still open',
        },
      ],
      turn: 2,
      id: 'wait',
    });
    expect(screen.heading).toBe('The mayor');
  });
});

describe('the shipped scenario in Arabic', () => {
  it('has a complete ar-IQ translation, fresh and citing as the English', async () => {
    const dir = 'scenarios/baghdad-2021';
    const loaded = await loadScenarioDir(dir);
    if (!loaded.ok) throw new Error(formatProblem(loaded.problems[0]!));
    const checked = await loadScenarioLocale(dir, 'ar-IQ', loaded.scenario);
    expect(checked.problems.map(formatProblem).slice(0, 10)).toEqual([]);
    expect(checked.spelling.length).toBeGreaterThan(50);
    expect(Object.keys(checked.texts)).toHaveLength(scenarioTexts(loaded.scenario).length);
  }, 30_000);
});
