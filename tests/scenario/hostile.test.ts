// The red team's hostile scenarios (notes of November 2026, items 1-5): each is refused in one line
// FILE:LINE:COLUMN path: message, at the place the author has to change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  type LoadResult,
  parseScenarioFiles,
  type ScenarioText,
} from '../../src/scenario/load.ts';
import { RESERVED_IDS } from '../../src/scenario/schema.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/scenarios');
const BAGHDAD = join(import.meta.dirname, '../../scenarios/baghdad-2021');

function readDir(dir: string): ScenarioText[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

const validMini = (): ScenarioText[] => readDir(join(FIXTURES, 'valid-mini'));

function lines(result: LoadResult): string[] {
  return result.ok ? ['(valid)'] : result.problems.map(formatProblem);
}

/** valid-mini with one file's text changed, plus extra files. */
function changed(name: string, change: (text: string) => string, ...extra: ScenarioText[]): string[] {
  const files = validMini().map((f) => (f.name === name ? { ...f, text: change(f.text) } : f));
  return lines(parseScenarioFiles([...files, ...extra]));
}

/** valid-mini plus extra files. */
const plus = (...extra: ScenarioText[]): string[] => lines(parseScenarioFiles([...validMini(), ...extra]));

/** Replaces a text that must be there, so that a changed fixture fails the test rather than passing it. */
const replace = (from: string, to: string) => (text: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

const inv = (text: string) => `{ text: ${text}, invention: true }`;
const RESERVED = (id: string) =>
  `"${id}" cannot be an id: every JavaScript object has a property of that name; choose another`;

describe('ids that are names every JavaScript object has (red team 1)', () => {
  // Every kind of id, and the references to ids (record keys, chose, fired, postures), in one file.
  const text = [
    'indicators:',
    `  - { id: valueOf, label: ${inv('V')}, meaning: ${inv('V')}, start: 1 }`,
    'actors:',
    '  - id: constructor',
    `    name: ${inv('C')}`,
    `    role: ${inv('C')}`,
    '    playable: false',
    `    postures: [{ id: toLocaleString, label: ${inv('P')} }]`,
    '    posture: toLocaleString',
    '    knowledge: { isPrototypeOf: true }',
    'facts:',
    `  - { id: hasOwnProperty, statement: ${inv('F')}, truth: true }`,
    'turns:',
    `  - { id: toString, date: 2021-12-01, title: ${inv('T')}, summary: ${inv('T')} }`,
    'decisions:',
    `  - id: __lookupGetter__`,
    '    actor: mayor',
    '    turns: [t1]',
    `    prompt: ${inv('D')}`,
    `    options: [{ id: __defineSetter__, label: ${inv('O')}, description: ${inv('O')} }]`,
    'events:',
    '  - id: prototype',
    '    kind: news',
    '    audience: public',
    '    when: { any: [{ fired: __proto__ }, { chose: { actor: mayor, option: propertyIsEnumerable } }] }',
    `    headline: ${inv('E')}`,
    '    effects: [{ add: { __lookupSetter__: 1 } }]',
    'outcomes:',
    `  - { id: __defineGetter__, title: ${inv('O')}, summary: ${inv('O')}, debrief: ${inv('O')}, check: at-end }`,
    'people:',
    `  - { id: toString, name: X, description: ${inv('X')} }`,
    '',
  ].join('\n');

  it('refuses each in one line that names it, for every kind of id and reference', () => {
    expect(lines(parseScenarioFiles([...validMini(), { name: 'hostile.yaml', text }]))).toEqual([
      `hostile.yaml:2:7 indicators.0.id: ${RESERVED('valueOf')}`,
      `hostile.yaml:4:5 actors.0.id: ${RESERVED('constructor')}`,
      `hostile.yaml:8:18 actors.0.postures.0.id: ${RESERVED('toLocaleString')}`,
      `hostile.yaml:9:5 actors.0.posture: ${RESERVED('toLocaleString')}`,
      `hostile.yaml:10:18 actors.0.knowledge.isPrototypeOf: ${RESERVED('isPrototypeOf')}`,
      `hostile.yaml:12:7 facts.0.id: ${RESERVED('hasOwnProperty')}`,
      `hostile.yaml:14:7 turns.0.id: ${RESERVED('toString')}`,
      `hostile.yaml:16:5 decisions.0.id: ${RESERVED('__lookupGetter__')}`,
      `hostile.yaml:20:17 decisions.0.options.0.id: ${RESERVED('__defineSetter__')}`,
      `hostile.yaml:22:5 events.0.id: ${RESERVED('prototype')}`,
      `hostile.yaml:25:21 events.0.when.any.0.fired: ${RESERVED('__proto__')}`,
      `hostile.yaml:25:66 events.0.when.any.1.chose.option: ${RESERVED('propertyIsEnumerable')}`,
      `hostile.yaml:27:24 events.0.effects.0.add.__lookupSetter__: ${RESERVED('__lookupSetter__')}`,
      `hostile.yaml:29:7 outcomes.0.id: ${RESERVED('__defineGetter__')}`,
      `hostile.yaml:31:7 people.0.id: ${RESERVED('toString')}`,
    ]);
  });

  it('reserves every name that Object.prototype gives a plain object here', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(RESERVED_IDS).toContain(name);
    expect(RESERVED_IDS).toContain('prototype');
  });

  it('finds none in the shipped scenario, among its ids and the keys of its mappings', () => {
    const result = parseScenarioFiles(readDir(BAGHDAD));
    expect(lines(result)).toEqual(['(valid)']);
    const names = new Set<string>();
    const walk = (node: unknown, key?: string): void => {
      if (typeof node === 'string' && key === 'id') names.add(node);
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        names.add(k);
        walk(v, k);
      }
    };
    walk(result.ok && result.scenario);
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((n) => RESERVED_IDS.has(n))).toEqual([]);
  });
});

describe("an actor's option id in two of its decisions (red team 2)", () => {
  const later = (option: string, actor = 'mayor', turns = '[t2]') => ({
    // Named to sort after play.yaml: its decision is the later one.
    name: 'zz-later.yaml',
    text: [
      'decisions:',
      '  - id: later',
      `    actor: ${actor}`,
      `    turns: ${turns}`,
      `    prompt: ${inv('Later')}`,
      '    options:',
      `      - { id: ${option}, label: ${inv('W')}, description: ${inv('W')} }`,
      '',
    ].join('\n'),
  });
  const earlyOnly = replace('    turns: all\n', '    turns: [t1]\n');

  it('is refused at the repeat, naming the first', () => {
    expect(changed('play.yaml', earlyOnly, later('wait'))).toEqual([
      'zz-later.yaml:7:11 decisions.1.options.0.id: actor "mayor" already has option "wait" in decision "mayor-bridge"; ' +
        "an option id stands once among all of an actor's decisions (first at play.yaml:15:9)",
    ]);
  });

  it('accepts a new id, and the same id in the decision of another actor', () => {
    expect(changed('play.yaml', earlyOnly, later('wait-more'))).toEqual(['(valid)']);
    const pressPlays = replace('    playable: false\n', '    playable: true\n');
    expect(changed('world.yaml', pressPlays, later('wait', 'press', 'all'))).toEqual(['(valid)']);
  });
});

describe('a decision for a simulated actor (red team 3)', () => {
  const pressDecision = {
    name: 'press.yaml',
    text: [
      'decisions:',
      '  - id: press-story',
      '    actor: press',
      '    turns: all',
      `    prompt: ${inv('Print it?')}`,
      `    options: [{ id: print, label: ${inv('Print')}, description: ${inv('Print')} }]`,
      '',
    ].join('\n'),
  };

  it('is refused at its actor', () => {
    expect(plus(pressDecision)).toEqual([
      'press.yaml:3:5 decisions.1.actor: actor "press" is simulated (playable: false) and makes no decisions; ' +
        'it speaks through events (speaker), or make it playable',
    ]);
  });

  it('is not in the shipped scenario: every decision belongs to a playable actor', () => {
    const result = parseScenarioFiles(readDir(BAGHDAD));
    expect(lines(result)).toEqual(['(valid)']);
    if (!result.ok) return;
    const playable = new Set(result.scenario.actors.filter((a) => a.playable).map((a) => a.id));
    expect(result.scenario.decisions.filter((d) => !playable.has(d.actor))).toEqual([]);
  });
});

describe('a __proto__ key in a mapping (red team 4)', () => {
  const PROTO =
    'a key cannot be "__proto__": a JavaScript object takes it as its prototype, so this entry would be lost';

  it('is reported, not dropped, in knowledge, effects, conditions and texts, once each', () => {
    const result = changed(
      'world.yaml',
      replace('knowledge: { bridge-unsafe: false }', 'knowledge: { bridge-unsafe: false, __proto__: true }'),
      {
        name: 'x.yaml',
        text: [
          'events:',
          '  - id: proto',
          '    kind: news',
          '    audience: public',
          '    when: { atLeast: { __proto__: 1 } }',
          '    headline: { text: x, invention: true, __proto__: { text: y } }',
          '    effects: [{ add: { calm: 1, __proto__: 2 } }, { facts: { __proto__: true } }]',
          '',
        ].join('\n'),
      },
    );
    expect(result).toEqual([
      `world.yaml:26:40 actors.0.knowledge.__proto__: ${PROTO}`,
      `x.yaml:5:24 events.1.when.atLeast.__proto__: ${PROTO}`,
      `x.yaml:6:43 events.1.headline.__proto__: ${PROTO}`,
      `x.yaml:7:33 events.1.effects.0.add.__proto__: ${PROTO}`,
      `x.yaml:7:62 events.1.effects.1.facts.__proto__: ${PROTO}`,
    ]);
  });

  it('is reported beside the schema problems of the same scenario', () => {
    expect(
      changed(
        'world.yaml',
        replace('knowledge: { bridge-unsafe: false }', 'knowledge: { __proto__: true }\n    emblem: 3'),
      ),
    ).toEqual([
      `world.yaml:26:18 actors.0.knowledge.__proto__: ${PROTO}`,
      'world.yaml:27:5 actors.0.emblem: expected a text, found 3',
    ]);
  });
});

describe('the places of validator messages (red team 5)', () => {
  /** A file with one event holding the given lines, and more events after it. */
  const event = (lines: string[], after: string[] = []) => ({
    name: 'x.yaml',
    text: [
      'events:',
      '  - id: loop',
      '    kind: news',
      '    audience: public',
      ...lines,
      '    headline: { text: x, invention: true }',
      ...after,
      '',
    ].join('\n'),
  });
  const CYCLE = (a: string) =>
    `alias *${a} stands inside the node it refers to (&${a}), a loop without end; write the repeated part out`;

  it('reports an alias cycle in a condition at the alias, not as "nested too deeply"', () => {
    expect(plus(event(['    when: &c { not: { any: [*c] } }']))).toEqual([`x.yaml:5:29: ${CYCLE('c')}`]);
  });

  it('reports an alias cycle in an effects list at the alias', () => {
    const effects = ['    effects: &fx', '      - if: { fact: bridge-unsafe }', '        then: *fx'];
    expect(plus(event(effects))).toEqual([`x.yaml:7:15: ${CYCLE('fx')}`]);
  });

  it('reports an alias without an anchor at that alias, not at the first alias of the file', () => {
    const lines = ['    when: &w { fact: bridge-unsafe }', '    effects: [{ if: *w, then: [] }, *nope]'];
    expect(plus(event(lines))).toEqual(['x.yaml:6:37: alias *nope has no anchor &nope before it']);
  });

  it('still loads an alias that refers to an earlier node, and places problems inside it', () => {
    const again = [
      '  - { id: again, kind: news, audience: public, when: *w, headline: { text: y, invention: true } }',
    ];
    const anchored = (calm: string) => event([`    when: &w { atLeast: { ${calm}: 10 } }`], again);
    expect(plus(anchored('calm'))).toEqual(['(valid)']);
    expect(plus(anchored('calmm'))).toEqual([
      'x.yaml:5:27 events.1.when.atLeast.calmm: unknown indicator "calmm" (did you mean "calm"?)',
      // The alias's own problem is placed in the node it refers to, where the author fixes it.
      'x.yaml:5:27 events.2.when.atLeast.calmm: unknown indicator "calmm" (did you mean "calm"?)',
    ]);
  });

  it('reads a file with CR line endings as lines, and places its problems on them', () => {
    const cr = (text: string) => text.replace(/\n/g, '\r');
    expect(changed('world.yaml', (t) => cr(replace('start: 60', 'start: 600')(t)))).toEqual([
      'world.yaml:6:5 indicators.0.start: start 600 is outside the range [0, 100]',
    ]);
    expect(lines(parseScenarioFiles(validMini().map((f) => ({ ...f, text: cr(f.text) }))))).toEqual([
      '(valid)',
    ]);
  });

  it('places problems in a file with CRLF line endings, or mixed ones, on the right line too', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    expect(changed('world.yaml', (t) => crlf(replace('start: 5', 'start: 50')(t)))).toEqual([
      'world.yaml:12:5 indicators.1.start: start 50 is outside the range [0, 10]',
    ]);
    // Lines 1-9 end in CR, the rest in LF.
    const mixed = (text: string) =>
      text.replace(/\n/g, (m, at: number) => (text.slice(0, at).split('\n').length < 10 ? '\r' : m));
    expect(changed('world.yaml', (t) => mixed(replace('start: 5', 'start: 50')(t)))).toEqual([
      'world.yaml:12:5 indicators.1.start: start 50 is outside the range [0, 10]',
    ]);
  });
});
