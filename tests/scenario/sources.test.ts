import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenarioFiles } from '../../src/scenario/load.ts';
import { Source } from '../../src/scenario/schema.ts';

const DIR = 'scenarios/baghdad-2021';

function files() {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
}

/** The sources as written in the YAML (before the schema fills in any default). */
const written: Record<string, unknown>[] = parse(readFileSync(join(DIR, 'scenario.yaml'), 'utf8')).meta
  .sources;

describe('the sources of baghdad-2021 can be checked', () => {
  it('validates, with the five seed documents declared', () => {
    const result = parseScenarioFiles(files());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.meta.sources.map((s) => s.file)).toEqual([
      '000_13daa1b8096c03f0.txt',
      '001_d07132d27f195e7a.txt',
      '002_d96facc589c6d417.txt',
      '003_d9293029b1ab2dfc.txt',
      '004_36bb2e97fec8cbad.txt',
    ]);
  });

  it('gives every source its own title and a date, written out (not the default)', () => {
    expect(written).toHaveLength(5);
    for (const source of written) {
      expect(typeof source.title).toBe('string');
      expect((source.title as string).length).toBeGreaterThan(0);
      // A title is the document's, not a file name.
      expect(source.title).not.toMatch(/\.txt\b/);
      expect(typeof source.date).toBe('string');
      // Every date places the document in time by a year, stated or undated with what dates it.
      expect(source.date).toMatch(/\b20\d\d\b/);
    }
  });

  it('names an outlet or an author only where the document gives one', () => {
    const byFile = new Map(written.map((s) => [s.file, s]));
    expect(byFile.get('004_36bb2e97fec8cbad.txt')?.outlet).toBe('International South Connect');
    expect(byFile.get('003_d9293029b1ab2dfc.txt')?.author).toBe('Editorial Team');
    // The encyclopedia article and the news report name neither.
    for (const file of ['000_13daa1b8096c03f0.txt', '001_d07132d27f195e7a.txt', '002_d96facc589c6d417.txt']) {
      expect(byFile.get(file)).not.toHaveProperty('outlet');
      expect(byFile.get(file)).not.toHaveProperty('author');
    }
  });
});

describe('the Source schema', () => {
  const base = { file: 'a.txt', kind: 'news report', perspective: 'news' };

  it('requires a title', () => {
    expect(Source.safeParse({ ...base, date: '7 November 2021' }).success).toBe(false);
    expect(Source.safeParse({ ...base, title: '', date: '7 November 2021' }).success).toBe(false);
  });

  it('refuses an empty date, and says so where a scenario records none', () => {
    expect(Source.safeParse({ ...base, title: 'T', date: '' }).success).toBe(false);
    expect(Source.parse({ ...base, title: 'T' }).date).toBe('date not recorded in the scenario');
  });

  it('takes an outlet, an author and an address, and refuses what is not an address', () => {
    const full = { ...base, title: 'T', date: 'd', outlet: 'O', author: 'A', url: 'https://example.org/a' };
    expect(Source.parse(full)).toMatchObject({ outlet: 'O', author: 'A', url: 'https://example.org/a' });
    expect(Source.safeParse({ ...full, url: 'not an address' }).success).toBe(false);
    expect(Source.safeParse({ ...full, publisher: 'P' }).success).toBe(false);
  });
});
