// A turn's title and summary say what they take for granted (presupposes); the validator holds every such
// presupposition to name things that exist, one line per problem at the file, line and column of the name.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/scenario/check.ts';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const VALID = 'tests/fixtures/scenarios/valid-mini';
const temp = mkdtempSync(join(tmpdir(), 'crisis-presupposes-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The second turn of valid-mini, as it stands in world.yaml. */
const T2 = `  - id: t2
    date: 2021-10-20
    title: { text: The vote, invention: true }
    summary: { text: The council votes on the bridge., invention: true }
`;

/** A copy of valid-mini whose second turn has the given extra lines. */
function miniWithT2(name: string, lines: string): { dir: string; file: string; text: string } {
  const dir = join(temp, name);
  cpSync(VALID, dir, { recursive: true });
  const file = join(dir, 'world.yaml');
  const before = readFileSync(file, 'utf8');
  if (!before.includes(T2)) throw new Error('valid-mini changed: update T2 in this test');
  const text = before.replace(T2, `${T2}${lines}`);
  writeFileSync(file, text);
  return { dir, file, text };
}

/** 1-based line and column of the first occurrence of needle in text. */
function lineColumn(text: string, needle: string): string {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function validMini(): Scenario {
  const files = readdirSync(VALID).map((name) => ({ name, text: readFileSync(join(VALID, name), 'utf8') }));
  const result = parseScenarioFiles(files);
  if (!result.ok) throw new Error('valid-mini should load');
  return result.scenario;
}

const ANY_GAME = { text: 'The council meets.', invention: true as const };

/** The checker's issues after a change to a parsed copy of valid-mini, as "path: message". */
function issuesAfter(change: (s: Scenario) => void): string[] {
  const s = structuredClone(validMini());
  change(s);
  return checkScenario(s).map((i) => `${i.path}: ${i.message}`);
}

describe('presupposes in the scenario format', () => {
  it('accepts a presupposition that names an existing event, with its summary for any game', async () => {
    const { dir } = miniWithT2(
      'valid',
      '    presupposes: { fired: paper-story }\n    summaryAnyGame: { text: The council meets., invention: true }\n',
    );
    const result = await loadScenarioDir(dir);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(result.ok && result.scenario.turns[1]!.presupposes).toEqual({ fired: 'paper-story' });
  });

  it('reports a misspelled event as FILE:LINE:COLUMN path: message', async () => {
    const { dir, file, text } = miniWithT2(
      'misspelled',
      '    presupposes: { fired: paper-stroy }\n    summaryAnyGame: { text: The council meets., invention: true }\n',
    );
    const result = await loadScenarioDir(dir);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `${file}:${lineColumn(text, 'fired: paper-stroy')} turns.1.presupposes.fired: unknown event "paper-stroy" (did you mean "paper-story"?)`,
    ]);
  });

  it('npm run validate exits 1 with that one line', () => {
    const { dir, file, text } = miniWithT2(
      'cli',
      '    presupposes:\n      all:\n        - { chose: { actor: mayor, option: wiat } }\n' +
        '    summaryAnyGame: { text: The council meets., invention: true }\n',
    );
    let status = 0;
    let out = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/validate.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      ({ status, stdout: out } = e as { status: number; stdout: string });
    }
    expect(status).toBe(1);
    expect(out).toContain(
      `${file}:${lineColumn(text, 'option: wiat')} turns.1.presupposes.all.0.chose.option: actor "mayor" has no option "wiat" (did you mean "wait"?)`,
    );
  });

  it('checks facts, events and options in a presupposition like any condition', () => {
    expect(
      issuesAfter((s) => {
        s.turns[1]!.presupposes = {
          all: [{ fact: 'bridge-safe' }, { fired: 'paper-story' }, { not: { fired: 'papr-story' } }],
        };
        s.turns[1]!.summaryAnyGame = ANY_GAME;
      }),
    ).toEqual([
      'turns.1.presupposes.all.0.fact: unknown fact "bridge-safe" (did you mean "bridge-unsafe"?)',
      'turns.1.presupposes.all.2.not.fired: unknown event "papr-story" (did you mean "paper-story"?)',
    ]);
  });

  it('refuses what everyone must not learn from the text: chance, beliefs, stances, secret choices', () => {
    expect(
      issuesAfter((s) => {
        s.turns[1]!.presupposes = {
          any: [
            { chance: 0.5 },
            { believes: { actor: 'mayor', fact: 'bridge-unsafe' } },
            { posture: { actor: 'mayor', is: 'stern' } },
            { chose: { actor: 'mayor', option: 'wait' } },
            { chose: { actor: 'mayor', option: 'close-bridge' } },
          ],
        };
        s.turns[1]!.summaryAnyGame = ANY_GAME;
      }),
    ).toEqual([
      'turns.1.presupposes.any.0: a presupposition cannot depend on chance: it states what the text takes for granted',
      'turns.1.presupposes.any.1: a presupposition cannot name a belief: it is private to the actor, and the text everyone sees would give it away',
      'turns.1.presupposes.any.2: a presupposition cannot name a stance: it is private to the actor, and the text everyone sees would give it away',
      'turns.1.presupposes.any.3.chose.option: option "wait" of actor "mayor" is secret (it has no announce): a text everyone sees cannot take it for granted',
    ]);
  });

  it('needs a summary for any game, and refuses texts for any game without presupposes', () => {
    expect(
      issuesAfter((s) => {
        s.turns[0]!.presupposes = { fired: 'paper-story' };
        s.turns[1]!.titleAnyGame = ANY_GAME;
      }),
    ).toEqual([
      'turns.0.presupposes: a turn that presupposes needs summaryAnyGame: a summary true of any game, shown where the presupposition fails',
      'turns.1.titleAnyGame: titleAnyGame is shown only where presupposes fails; add presupposes or remove it',
    ]);
  });

  it('the bundled scenario names only what exists in its presuppositions', async () => {
    const result = await loadScenarioDir('scenarios/baghdad-2021');
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems.filter((p) => p.includes('presupposes') || p.includes('AnyGame'))).toEqual([]);
    // The turns the audit named (scenario-audit.md, rule 4) take their events for granted openly.
    if (result.ok) {
      const presupposing = result.scenario.turns.filter((t) => t.presupposes).map((t) => t.id);
      expect(presupposing).toEqual(
        expect.arrayContaining([
          'sit-ins',
          'clashes',
          'drone-attack',
          'statements',
          'qaani-visit',
          'weapons-debate',
        ]),
      );
    }
  });
});
