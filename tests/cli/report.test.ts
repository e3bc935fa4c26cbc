// npm run report: a record's decision log as CSV and the record as JSON, which replay reads back; a format it does
// not know and a damaged record are refused in one sentence.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayText } from '../../src/cli/replay.ts';
import { parseDecisionCsv } from '../../src/sim/decision-log.ts';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

function run(
  cli: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [`src/cli/${cli}.ts`, ...args],
      { encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run report', () => {
  it('exports the decision log as CSV and the record as JSON, which replay reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const file = join(dir, 'game.json');
    const simulated = await run('simulate', [
      '--scenario',
      'baghdad-2021',
      '--games',
      '1',
      '--seed',
      '12',
      '--record',
      file,
    ]);
    expect(simulated.status).toBe(0);

    const csv = await run('report', [file, '--format', 'csv']);
    expect(csv.status).toBe(0);
    const rows = parseDecisionCsv(csv.stdout);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]).toMatchObject({ turn: 1, date: '2021-10-10', by: 'computer' });

    const json = await run('report', [file, '--format', 'json']);
    expect(json.status).toBe(0);
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, json.stdout);
    const original = await replayText(readFileSync(file, 'utf8'), file);
    expect(await replayText(json.stdout, copy)).toEqual(original);
  }, 90_000);

  it('refuses a format it does not know and a damaged record, in one sentence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"format":"crisis-table/record","version":1,"scenario":{"id":"baghdad-2021"');
    const bad = await run('report', [damaged, '--format', 'csv']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const html = await run('report', [damaged, '--format', 'pdf']);
    expect(html.status).toBe(2);
    expect(html.stderr).toMatch(/--format pdf: csv, json or html/);
  }, 90_000);
});

describe('the printable report', () => {
  it('is an HTML page whose texts are escaped: a scenario text is never markup', async () => {
    const { reportHtml, esc } = await import('../../src/present/report-html.ts');
    const { loadScenarioDir } = await import('../../src/scenario/load-dir.ts');
    const { compileScenario } = await import('../../src/sim/compile.ts');
    const { playBatchGame } = await import('../../src/sim/batch.ts');
    const { newRecord, replay } = await import('../../src/sim/record.ts');
    const { reportData } = await import('../../src/sim/report.ts');
    expect(esc('<img src=x onerror="a(1)">&')).toBe('&lt;img src=x onerror=&quot;a(1)&quot;&gt;&amp;');
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error('the bundled scenario does not load');
    // A hostile text in the scenario: every title of the turns.
    for (const t of loaded.scenario.turns) t.title = { ...t.title, text: '<script>alert(1)</script>' };
    const c = compileScenario(loaded.scenario);
    const game = playBatchGame(c, 4, undefined, true);
    const record = { ...newRecord(c, 4), entries: game.entries! };
    const html = reportHtml(c.scenario, reportData(c, replay(c, record), record));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('The decisions, beside history');
  });
});

describe('npm run report with several records', () => {
  it('sets the groups side by side, each named by its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const files = ['room-a.json', 'room-b.json'].map((f) => join(dir, f));
    for (const [i, f] of files.entries()) {
      const r = await run('simulate', [
        '--scenario',
        'baghdad-2021',
        '--games',
        '1',
        '--seed',
        String(20 + i),
        '--record',
        f,
      ]);
      expect(r.status).toBe(0);
    }
    const out = await run('report', [...files]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Groups side by side');
    expect(out.stdout).toContain('room-a');
    expect(out.stdout).toContain('room-b');
    const csv = await run('report', [...files, '--format', 'csv']);
    expect(csv.status).toBe(2);
  }, 120_000);
});

describe('npm run report in another language', () => {
  it('prints the report in Arabic with --language ar-IQ, and the decision log the same in every language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const file = join(dir, 'game.json');
    const args = ['--scenario', 'baghdad-2021', '--games', '1', '--seed', '12', '--record', file];
    expect((await run('simulate', args)).status).toBe(0);
    const ar = await run('report', [file, '--format', 'html', '--language', 'ar-IQ']);
    expect(ar.status).toBe(0);
    expect(ar.stdout).toContain('<html lang="ar-IQ" dir="rtl">');
    // The report's own words, and the scenario's (its title), in Arabic; none of the English headings.
    expect(ar.stdout).toContain('تقرير ما بعد اللعبة');
    expect(ar.stdout).toContain('القرارات، إلى جانب ما جرى فعلًا');
    expect(ar.stdout).not.toContain('The decisions, beside history');
    const en = await run('report', [file, '--format', 'html']);
    expect(en.stdout).toContain('<html lang="en" dir="ltr">');
    expect(en.stdout).toContain('The decisions, beside history');
    const title = /<h1>([^<]*)<\/h1>/;
    expect(ar.stdout.match(title)?.[1]).toMatch(/[\u0600-\u06FF]/);
    expect(en.stdout.match(title)?.[1]).not.toMatch(/[\u0600-\u06FF]/);
    // The CSV is data: its headers and rows are the same whichever language is asked for.
    const csvAr = await run('report', [file, '--format', 'csv', '--language', 'ar-IQ']);
    const csvEn = await run('report', [file, '--format', 'csv']);
    expect(csvAr.stdout).toBe(csvEn.stdout);
    const bad = await run('report', [file, '--format', 'html', '--language', 'fr']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
