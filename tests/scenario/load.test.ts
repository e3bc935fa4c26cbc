import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  type LoadResult,
  parseScenarioFiles,
  type ScenarioText,
} from '../../src/scenario/load.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/scenarios');
const KEYS =
  'a scenario file may have: meta, indicators, actors, facts, turns, decisions, events, outcomes, glossary, people, history, teaching, agreements, rulingEffects, statementClaims';

function readDir(dir: string): ScenarioText[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

const validMini = (): ScenarioText[] => readDir(join(FIXTURES, 'valid-mini'));

/** valid-mini plus extra files (by name and text). */
function withFiles(...extra: ScenarioText[]): LoadResult {
  return parseScenarioFiles([...validMini(), ...extra]);
}

/** valid-mini plus one file of broken/, as the lines the validator prints. */
function brokenLines(name: string): string[] {
  return lines(withFiles({ name, text: readFileSync(join(FIXTURES, 'broken', name), 'utf8') }));
}

function lines(result: LoadResult): string[] {
  if (result.ok) return ['(valid)'];
  return result.problems.map(formatProblem);
}

describe('parseScenarioFiles on a valid scenario', () => {
  it('loads valid-mini, joining the lists of its files', () => {
    const result = parseScenarioFiles(validMini());
    expect(lines(result)).toEqual(['(valid)']);
    if (!result.ok) return;
    expect(result.scenario.meta.id).toBe('valid-mini');
    expect(result.scenario.indicators.map((i) => i.id)).toEqual(['calm', 'trust']);
    // Defaults from the schema are filled in.
    expect(result.scenario.indicators[0]).toMatchObject({ min: 0, max: 100, visibility: 'public' });
    expect(result.scenario.events[0]?.once).toBe(true);
  });

  it('joins a list split over files in file-name order, whatever order the files come in', () => {
    const more = {
      name: 'zz-events.yaml',
      text: readFileSync(join(FIXTURES, 'broken/zz-more-events.yaml'), 'utf8'),
    };
    const fixed = {
      ...more,
      text: more.text.replace('kind: gossip', 'kind: rumour').replace('everyone', 'public'),
    };
    const result = parseScenarioFiles([fixed, ...validMini().reverse()]);
    expect(result.ok && result.scenario.events.map((e) => e.id)).toEqual([
      'paper-story',
      'council-meets',
      'gossip-spreads',
    ]);
  });
});

describe('parseScenarioFiles reports each broken fixture on the right line', () => {
  const cases: [string, string[]][] = [
    [
      'top-level-list.yaml',
      [`top-level-list.yaml:2:1: not a scenario file: it holds a list, not a mapping; ${KEYS}`],
    ],
    [
      'top-level-scalar.yaml',
      [`top-level-scalar.yaml:1:1: not a scenario file: it holds a single value, not a mapping; ${KEYS}`],
    ],
    [
      'not-scenario-keys.yaml',
      [
        `not-scenario-keys.yaml:1:1: not a scenario file: none of its keys ("title", "author") is a scenario key; ${KEYS}`,
      ],
    ],
    ['empty.yaml', [`empty.yaml:1:1: empty file; ${KEYS}`]],
    [
      'unknown-key.yaml',
      [`unknown-key.yaml:2:1: unknown top-level key "eventz" (did you mean "events"?); ${KEYS}`],
    ],
    [
      'unknown-field.yaml',
      [
        'unknown-field.yaml:2:5 glossary.0.definition: missing (required)',
        'unknown-field.yaml:3:5 glossary.0.defintion: unknown key "defintion" (did you mean "definition"?); allowed here: term, definition',
      ],
    ],
    ['duplicate-keys.yaml', ['duplicate-keys.yaml:4:5: duplicate key "term" (first at line 2)']],
    [
      'dangling-ids.yaml',
      [
        'dangling-ids.yaml:4:5 events.0.speaker: unknown actor "prss" (did you mean "press"?)',
        'dangling-ids.yaml:5:23 events.0.audience.1: unknown actor "council"',
        'dangling-ids.yaml:6:14 events.0.turns.from: unknown turn "t0" (did you mean "t1"?)',
        'dangling-ids.yaml:9:22 events.0.when.all.0.atLeast.calmness: unknown indicator "calmness"',
        'dangling-ids.yaml:10:34 events.0.when.all.1.chose.option: actor "mayor" has no option "open-bridge"',
        'dangling-ids.yaml:11:11 events.0.when.all.2.fired: unknown event "no-such-event"',
        'dangling-ids.yaml:12:36 events.0.when.all.3.posture.is: "angry" is not a posture of actor "mayor" (its postures: patient, stern)',
        'dangling-ids.yaml:14:14 events.0.claim.fact: unknown fact "bridge-safe" (did you mean "bridge-unsafe"?)',
        'dangling-ids.yaml:16:16 events.0.effects.0.add.trst: unknown indicator "trst" (did you mean "trust"?)',
      ],
    ],
    [
      // The fixture sorts before world.yaml, so its ids are the first ones.
      'duplicate-ids.yaml',
      [
        'world.yaml:3:5 indicators.1.id: duplicate indicator "calm" (first at duplicate-ids.yaml:2:5)',
        'world.yaml:36:5 facts.1.id: duplicate fact "bridge-unsafe" (first at duplicate-ids.yaml:7:5)',
      ],
    ],
    [
      'out-of-range.yaml',
      [
        'out-of-range.yaml:5:5 indicators.0.start: start 150 is outside the range [0, 100]',
        'out-of-range.yaml:10:23 events.0.when.atMost.trust: threshold 20 is outside the range of "trust" [0, 10]',
        'out-of-range.yaml:13:16 events.0.effects.0.set.trust: value -1 is outside the range of "trust" [0, 10]',
      ],
    ],
    [
      'missing-source.yaml',
      [
        'missing-source.yaml:3:5 glossary.0.definition: a displayable text needs a source (a seed file name) or invention: true',
      ],
    ],
    [
      'undeclared-source.yaml',
      [
        'undeclared-source.yaml:3:70 glossary.0.definition.source.1: source "seed-999.txt" is not declared in meta.sources',
      ],
    ],
    [
      'no-decision.yaml',
      [
        'no-decision.yaml:5:5 actors.0.playable: playable actor "council" has no decision in turn "t2"; a playable actor needs one every turn (or playable: false)',
      ],
    ],
    [
      'second-meta.yaml',
      ['second-meta.yaml:1:1 meta: already in meta.yaml; meta stands in exactly one file'],
    ],
    [
      'zz-last-outcome-has-when.yaml',
      [
        'zz-last-outcome-has-when.yaml:3:5 outcomes.2: never reached: the earlier at-end outcome "uneasy-town" has no when and always ends the game',
        'zz-last-outcome-has-when.yaml:8:5 outcomes.2.when: the last at-end outcome must have no when, so that every game ends in an outcome',
      ],
    ],
    [
      // events.2 of the merged list is the second event of this file: the origin map finds it.
      'zz-more-events.yaml',
      [
        'zz-more-events.yaml:8:5 events.2.kind: expected one of "news", "statement", "rumour", "intel", "report", found "gossip"',
        'zz-more-events.yaml:9:5 events.2.audience: expected "public" or a list, found "everyone"',
      ],
    ],
  ];

  it('has a case for every fixture', () => {
    const fixtures = readdirSync(join(FIXTURES, 'broken')).filter((n) => n.endsWith('.yaml'));
    expect(cases.map(([name]) => name).sort()).toEqual(fixtures.sort());
  });

  it.each(cases)('%s', (name, expected) => {
    expect(brokenLines(name)).toEqual(expected);
  });
});

describe('parseScenarioFiles on hostile or odd input', () => {
  it('reports a YAML syntax error with its line and column', () => {
    // Inline, not a fixture: biome parses the YAML files of the repository and would fail on it.
    const text =
      'events:\n  - id: rumour\n    kind: rumour\n    audience: [mayor, press\n    headline: { text: A rumour, invention: true }\n';
    expect(lines(withFiles({ name: 'syntax-error.yaml', text }))).toEqual([
      'syntax-error.yaml:5:5: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('refuses a 20 MB file before parsing it, in one line', () => {
    const entry = '  - term: x\n    definition: { text: y, invention: true }\n';
    const huge = `glossary:\n${entry.repeat(300_000)}`.padEnd(20 * 2 ** 20, '#');
    expect(lines(withFiles({ name: 'huge.yaml', text: huge }))).toEqual([
      'huge.yaml:1:1: file is 20.0 MB, over the 2 MB limit; not parsed',
    ]);
  });

  it('refuses a "billion laughs" alias bomb in one line', () => {
    let bomb = 'glossary:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++)
      bomb += `  - &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    expect(lines(withFiles({ name: 'bomb.yaml', text: bomb }))).toEqual([
      'bomb.yaml:3:10: aliases expand too far (a "billion laughs" document); not loaded',
    ]);
  });

  it('reports absurd nesting in one line', () => {
    const deep = `glossary: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const result = lines(withFiles({ name: 'deep.yaml', text: deep }));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(/^deep\.yaml:1:\d+: YAML: nested too deeply$/);
  });

  it('takes a file of comments only as empty, and refuses several documents in one file', () => {
    expect(lines(withFiles({ name: 'notes.yaml', text: '# to do\n' }))).toEqual([
      `notes.yaml:1:1: empty file; ${KEYS}`,
    ]);
    expect(lines(withFiles({ name: 'two.yaml', text: 'glossary: []\n---\npeople: []\n' }))).toEqual([
      'two.yaml:2:1: YAML: a scenario file holds one document; this one has several (---)',
    ]);
  });

  it('wants a list under a list key', () => {
    expect(lines(withFiles({ name: 'x.yaml', text: 'people:\n' }))).toEqual([
      'x.yaml:1:1 people: expected a list, found nothing',
    ]);
  });

  it('says which key no file has', () => {
    const noOutcomes = validMini().map((f) =>
      f.name === 'play.yaml' ? { ...f, text: 'glossary: []\n' } : f,
    );
    expect(lines(parseScenarioFiles(noOutcomes))).toEqual([
      'meta.yaml:1:1 outcomes: no file of the scenario has outcomes',
    ]);
  });

  it('gives a condition with two keys a message that names them', () => {
    const text =
      'events:\n  - id: e\n    kind: news\n    audience: public\n    when: { fact: bridge-unsafe, fired: e }\n    headline: { text: x, invention: true }\n';
    expect(lines(withFiles({ name: 'x.yaml', text }))).toEqual([
      'x.yaml:5:5 events.1.when: a condition has exactly one of: all, any, not, atLeast, atMost, fact, believes, chose, fired, turn, posture, chance, agreed; it has fact and fired',
    ]);
  });

  it("puts the schema's complaints in an author's words", () => {
    const text = [
      'people:',
      '  - id: Ann',
      '    name: ""',
      '    description: { text: "  ", invention: yes }',
      'decisions:',
      '  - id: d',
      '    actor: press',
      '    turns: some',
      '    prompt: { text: x, source: 3 }',
      '    options: []',
      'outcomes:',
      '  - id: early',
      '    title: { text: x, invention: true }',
      '    summary: { text: x, invention: true }',
      '    debrief: { text: x, invention: true }',
      '    check: every-turn',
      '    when: { any: [{ chance: 2 }, { atleast: { calm: 3 } }] }',
      '',
    ].join('\n');
    expect(lines(withFiles({ name: 'x.yaml', text }))).toEqual([
      'x.yaml:2:5 people.0.id: an id starts with a lower-case letter and has only letters, digits and -; found "Ann"',
      'x.yaml:3:5 people.0.name: must not be empty',
      'x.yaml:4:20 people.0.description.text: text is empty',
      'x.yaml:4:32 people.0.description.invention: expected true, found "yes"',
      'x.yaml:8:5 decisions.1.turns: expected "all" or a list, found "some"',
      'x.yaml:9:24 decisions.1.prompt.source: expected a text or a list, found 3',
      'x.yaml:10:5 decisions.1.options: needs at least 1 item',
      'x.yaml:17:21 outcomes.2.when.any.0.chance: must be at most 1, found 2',
      'x.yaml:17:36 outcomes.2.when.any.1.atleast: unknown key "atleast" (did you mean "atLeast"?); allowed here: all, any, not, atLeast, atMost, fact, believes, chose, fired, turn, posture, chance, agreed',
    ]);
  });

  it('never throws and always answers in single lines, whatever the text', () => {
    const yamlish = fc.stringMatching(/^[a-z:\-[\]{}&*!|>'" \n#,0-9]{0,80}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish), (text) => {
        const result = parseScenarioFiles([{ name: 'any.yaml', text }]);
        const out = result.ok ? [] : result.problems.map(formatProblem);
        for (const line of out) expect(line).toMatch(/^any\.yaml:\d+:\d+[ :][^\n]*$/);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatProblem', () => {
  it('prints FILE:LINE:COLUMN path: message, and no path when there is none', () => {
    const p = { file: 'a.yaml', line: 3, column: 5, path: 'events.3.when.atLeast', message: 'm' };
    expect(formatProblem(p)).toBe('a.yaml:3:5 events.3.when.atLeast: m');
    expect(formatProblem({ ...p, line: 1, column: 1, path: '' })).toBe('a.yaml:1:1: m');
  });
});
