// An ending's summary and debrief are lists of parts, each shown only where what it presupposes holds in the game
// (src/sim/ending-text.ts); the validator holds every such presupposition to name what exists and what is public,
// at its file and line. The bundled scenario's game-wide property is tests/scenario/ending-text.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debriefModel } from '../../src/present/debrief.presenter.ts';
import { Lookup } from '../../src/present/lookup.ts';
import { reportHtml } from '../../src/present/report-html.ts';
import { checkScenario } from '../../src/scenario/check.ts';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { endingTexts, partsThatHold } from '../../src/sim/ending-text.ts';
import { newRecord } from '../../src/sim/record.ts';
import { reportData } from '../../src/sim/report.ts';
import { viewFor, worldContext } from '../../src/sim/view.ts';

const VALID = 'tests/fixtures/scenarios/valid-mini';

function files(change: (name: string, text: string) => string = (_n, t) => t) {
  return readdirSync(VALID).map((name) => ({
    name,
    text: change(name, readFileSync(join(VALID, name), 'utf8')),
  }));
}

function validMini(): Scenario {
  const result = parseScenarioFiles(files());
  if (!result.ok) throw new Error(`valid-mini should load: ${result.problems.map(formatProblem).join('\n')}`);
  return result.scenario;
}

function issuesAfter(change: (s: Scenario) => void): string[] {
  const s = structuredClone(validMini());
  change(s);
  return checkScenario(s).map((i) => `${i.path}: ${i.message}`);
}

describe('ending texts in parts', () => {
  const s = validMini();
  const c = compileScenario(s);
  const uneasy = s.outcomes.find((o) => o.id === 'uneasy-town')!;

  it('shows the parts whose presupposition holds, and of variants the first that holds', () => {
    // The mayor closes the bridge every turn: the town ends uneasy, and the paper never runs its story.
    const closed = playBatchGame(c, 1, () => 'close-bridge').world;
    expect(closed.outcome?.id).toBe('uneasy-town');
    const shown = endingTexts(uneasy, worldContext(c, closed));
    expect(shown.summary.map((p) => p.text.text)).toEqual([
      'The quarrel goes on.',
      'The mayor closed the bridge, and the town is still uneasy.',
    ]);
    expect(shown.debrief.map((p) => p.text.text)).toEqual(['Nothing was settled.']);
    // Judged on a game where the mayor waited: the last variant, and the paper's story.
    const waited = playBatchGame(c, 1, () => 'wait').world;
    const other = endingTexts(uneasy, worldContext(c, waited));
    expect(other.summary.map((p) => p.text.text)).toEqual([
      'The quarrel goes on.',
      'The bridge stayed open.',
    ]);
    expect(other.debrief.map((p) => p.text.text)).toEqual([
      'Nothing was settled.',
      'The paper asked why the bridge was still open.',
    ]);
    // A single text is one part that presupposes nothing.
    const calm = s.outcomes.find((o) => o.id === 'calm-town')!;
    expect(partsThatHold(calm.summary, worldContext(c, waited))).toEqual([
      { text: calm.summary, presupposes: null },
    ]);
  });

  it('gives every view, the debrief and the report only the parts that hold', () => {
    const played = playBatchGame(c, 1, () => 'close-bridge', true);
    const view = viewFor(c, played.state, 'mayor');
    expect(view.outcome?.summary.map((t) => t.text)).toEqual([
      'The quarrel goes on.',
      'The mayor closed the bridge, and the town is still uneasy.',
    ]);
    const model = debriefModel(view, new Lookup(s));
    // Consecutive parts with the same citation read as one passage.
    expect(model.outcome?.summary).toEqual([
      {
        text: 'The quarrel goes on. The mayor closed the bridge, and the town is still uneasy.',
        cite: 'Invented for the game',
      },
    ]);
    // The ending not reached is described by its parts that presuppose nothing.
    expect(model.otherOutlooks.map((o) => o.summary.map((p) => p.text))).toEqual([
      ['The streets stay quiet.'],
    ]);
    const record = { ...newRecord(c, 1), entries: played.entries ?? [] };
    const html = reportHtml(s, reportData(c, played.state, record));
    expect(html).toContain('The mayor closed the bridge');
    expect(html).not.toContain('The bridge stayed open.');
  });

  it('refuses a presupposition that names nothing, or what is private, at its path', () => {
    const issues = issuesAfter((x) => {
      const o = x.outcomes.find((y) => y.id === 'uneasy-town')!;
      o.debrief = [
        { text: 'a', invention: true, presupposes: { fired: 'paper-stroy' } },
        { text: 'b', invention: true, presupposes: { believes: { actor: 'mayor', fact: 'bridge-unsafe' } } },
        { text: 'c', invention: true, presupposes: { chance: 0.5 } },
        {
          variants: [
            { text: 'd', invention: true },
            { text: 'e', invention: true, presupposes: { fired: 'paper-story' } },
          ],
        },
      ];
    });
    expect(issues).toEqual([
      'outcomes.1.debrief.0.presupposes.fired: unknown event "paper-stroy" (did you mean "paper-story"?)',
      expect.stringMatching(/^outcomes\.1\.debrief\.1\.presupposes: a presupposition cannot name a belief/),
      expect.stringMatching(
        /^outcomes\.1\.debrief\.2\.presupposes: a presupposition cannot depend on chance/,
      ),
      expect.stringMatching(
        /^outcomes\.1\.debrief\.3\.variants\.0: only the last variant may leave out presupposes/,
      ),
    ]);
  });

  it('refuses a secret choice in a presupposition, at its file and line', () => {
    const result = parseScenarioFiles(
      files((name, text) =>
        name === 'play.yaml'
          ? text.replace(
              'presupposes: { fired: paper-story }',
              'presupposes: { chose: { actor: mayor, option: wait } }',
            )
          : text,
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^play\.yaml:\d+:\d+ outcomes\.1\.debrief\.1\.presupposes\.chose\.option: option "wait" of actor "mayor" is secret/,
      ),
    ]);
  });
});
