// The history beside a game: what each playable actor really did on each turn's date, cited, or "not reported".
// The bundled scenario covers every actor and date explicitly, its quotes are the sources' own words, and the
// attack on 7 November is nobody's: the perpetrator stays unknown. The validator refuses broken history data with
// one line per problem, at its file and line.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const DIR = 'scenarios/baghdad-2021';

function files(change?: (text: string) => string) {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const text = readFileSync(join(DIR, name), 'utf8');
      return { name, text: name === 'history.yaml' && change ? change(text) : text };
    });
}

/** The 1-based line of history.yaml that holds `needle`. */
function lineOf(needle: string): number {
  const lines = readFileSync(join(DIR, 'history.yaml'), 'utf8').split('\n');
  return lines.findIndex((l) => l.includes(needle)) + 1;
}

function bundled(): Scenario {
  const result = parseScenarioFiles(files());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

/** Problems of the bundled scenario after an edit of history.yaml, formatted as validate prints them. */
function problemsAfter(change: (text: string) => string): string[] {
  const result = parseScenarioFiles(files(change));
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The same letters, whatever the typography: curly quotes and apostrophes, runs of spaces, line breaks. */
describe('the history of baghdad-2021', () => {
  it('has an explicit entry for every playable actor on every turn date: did, cited, or notReported', () => {
    const s = bundled();
    const playable = s.actors.filter((a) => a.playable).map((a) => a.id);
    expect(s.history.map((d) => d.turn)).toEqual(s.turns.map((t) => t.id));
    let sourced = 0;
    let unreported = 0;
    for (const day of s.history) {
      expect(Object.keys(day.actors).sort()).toEqual([...playable].sort());
      for (const entry of Object.values(day.actors)) {
        if (entry.did) {
          sourced++;
          expect(entry.did.source).toBeDefined();
          expect(entry.did.invention).toBeUndefined();
        } else {
          unreported++;
          expect(entry.notReported).toBe(true);
        }
      }
    }
    expect(sourced + unreported).toBe(playable.length * s.turns.length);
    // The counts the report gives; a change of the data changes them here on purpose.
    expect({ sourced, unreported }).toEqual({ sourced: 22, unreported: 28 });
  });

  it('says the perpetrator of the 7 November attack is unknown, and credits no actor with it', () => {
    const day = bundled().history.find((d) => d.turn === 'drone-attack')!;
    expect(day.context?.text).toMatch(/Who launched the drones is unknown/);
    expect(day.context?.text).toContain('"Perp: Unknown"');
    expect(day.context?.source).toBe('000_13daa1b8096c03f0.txt');
    for (const entry of Object.values(day.actors)) {
      expect(entry.did?.text ?? '').not.toMatch(
        /\b(launch|order|carr(y|ied) out|perpetrat|behind|responsib)/i,
      );
    }
  });
});

describe('validate refuses broken history data, one line per problem at its file and line', () => {
  it('names an unknown turn, an unknown or simulated actor, a foreign option, an uncited record', () => {
    const problems = problemsAfter((text) =>
      text
        .replace('  - turn: recounts', '  - turn: recount')
        .replace('options: [sit-ins]', 'options: [sit-in]')
        .replace('options: [threaten-pm]\n      iran:', 'options: [dissolve-own-brigade]\n      iran:')
        .replace(
          '      us:\n        notReported: true\n        note: "no US step',
          '      president:\n        notReported: true\n      us:\n        did: { text: "x", invention: true }\n        note: "no US step',
        ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^history\.yaml:\d+:7 history\.0\.actors\.president: actor "president" is simulated/,
      ),
      expect.stringMatching(
        /^history\.yaml:\d+:9 history\.0\.actors\.us\.did: what the real actor did is history: it needs a source/,
      ),
      // Two lines further down than in the bundled file: the edit above adds the president's two lines.
      `history.yaml:${lineOf('- turn: recounts') + 2}:5 history.1.turn: unknown turn "recount" (did you mean "recounts"?)`,
      expect.stringMatching(
        /^history\.yaml:\d+:19 history\.2\.actors\.framework\.options\.0: actor "framework" has no option "sit-in" \(did you mean "sit-ins"\?\)$/,
      ),
      expect.stringMatching(
        /^history\.yaml:\d+:\d+ history\.6\.actors\.framework\.options\.0: actor "framework" has no option "dissolve-own-brigade"/,
      ),
    ]);
    for (const p of problems) expect(p.split('\n')).toHaveLength(1);
  });

  it('refuses an entry that is both done and not reported, and a turn given twice', () => {
    const problems = problemsAfter((text) =>
      text.replace(
        '      us:\n        notReported: true\n        note: "no US step',
        '      us:\n        notReported: true\n        did: { text: "x", source: 000_13daa1b8096c03f0.txt }\n        note: "no US step',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^history\.yaml:\d+:7 history\.0\.actors\.us: a history entry has exactly one of did and notReported: true; it has did and notReported$/,
      ),
    ]);
    const twice = problemsAfter((text) => `${text}\n  - turn: election\n    actors: {}\n`);
    expect(twice).toEqual([
      expect.stringMatching(
        /^history\.yaml:\d+:5 history\.10\.turn: duplicate history turn "election" \(first at history\.yaml:\d+:5\)$/,
      ),
    ]);
  });

  const temp = mkdtempSync(join(tmpdir(), 'crisis-history-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('npm run validate exits 1 and prints FILE:LINE:COLUMN for broken history', () => {
    const dir = join(temp, 'baghdad-2021');
    cpSync(DIR, dir, { recursive: true });
    const path = join(dir, 'history.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('  - turn: recounts', '  - turn: recount'));
    let status = 0;
    let out = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/validate.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      ({ status, stdout: out } = e as { status: number; stdout: string });
    }
    expect(status).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      `${path}:${lineOf('- turn: recounts')}:5 history.1.turn: unknown turn "recount" (did you mean "recounts"?)`,
    ]);
  });
});
