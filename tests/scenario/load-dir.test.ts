import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/load.ts';
import { findScenarioDirs, loadScenarioDir, ScenarioPathError } from '../../src/scenario/load-dir.ts';

const VALID = 'tests/fixtures/scenarios/valid-mini';
const temp = mkdtempSync(join(tmpdir(), 'crisis-load-dir-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of valid-mini plus the given files, in a fresh folder. */
function scenarioWith(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  cpSync(VALID, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadScenarioDir', () => {
  it('loads a folder, naming files as the folder was typed', async () => {
    const result = await loadScenarioDir(VALID);
    expect(result.ok).toBe(true);
    const broken = await loadScenarioDir(`${VALID}/`);
    expect(broken.ok).toBe(true);
  });

  it('leaves process.env as it was (the parse reads a plain copy of it), whether the scenario loads or not', async () => {
    const env = process.env;
    expect((await loadScenarioDir(VALID)).ok).toBe(true);
    expect(process.env).toBe(env);
    const broken = scenarioWith('env', { 'zz.yaml': 'glossary: [\n' });
    expect((await loadScenarioDir(broken)).ok).toBe(false);
    expect(process.env).toBe(env);
  });

  it('names files by the folder as given, relative to the working directory', async () => {
    const dir = scenarioWith('relative', { 'zz.yaml': 'glossary:\n  - term: x\n' });
    const result = await loadScenarioDir(dir);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `${join(dir, 'zz.yaml')}:2:5 glossary.0.definition: missing (required)`,
    ]);
  });

  it('accepts a single file', async () => {
    const result = await loadScenarioDir(`${VALID}/meta.yaml`);
    expect(result.ok ? [] : result.problems.map(formatProblem)[0]).toBe(
      `${VALID}/meta.yaml:1:1 indicators: no file of the scenario has indicators`,
    );
  });

  it('refuses a 20 MB file on its size, in one line', async () => {
    const dir = scenarioWith('huge', { 'huge.yaml': `glossary: []\n${'#'.repeat(20 * 2 ** 20)}\n` });
    const result = await loadScenarioDir(dir);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `${join(dir, 'huge.yaml')}:1:1: file is 20.0 MB, over the 2 MB limit; not parsed`,
    ]);
  });

  it('throws a ScenarioPathError for a missing path or a folder without YAML', async () => {
    await expect(loadScenarioDir(join(temp, 'nowhere'))).rejects.toThrow(ScenarioPathError);
    await expect(loadScenarioDir(join(temp, 'nowhere'))).rejects.toThrow(/^no such file or folder: /);
    const empty = join(temp, 'empty');
    cpSync(VALID, empty, { recursive: true, filter: (src) => !src.endsWith('.yaml') });
    await expect(loadScenarioDir(empty)).rejects.toThrow(`no .yaml or .yml files in ${empty}`);
  });
});

describe('findScenarioDirs', () => {
  it('lists the folders that hold YAML', async () => {
    expect(await findScenarioDirs('tests/fixtures/scenarios')).toEqual([
      'tests/fixtures/scenarios/broken',
      'tests/fixtures/scenarios/harbour-test',
      'tests/fixtures/scenarios/valid-mini',
    ]);
  });
});
