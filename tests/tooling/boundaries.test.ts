// The layer checks of `npm run lint`: dependency-cruiser on the import graph (.dependency-cruiser.cjs), the
// syntax-tree checks of scripts/check-sources.ts, and the DOM-less compile of the engine and the presenters.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSources, formatFinding } from '../../scripts/check-sources.ts';

const ROOT = process.cwd();
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Stand-ins for the packages the layers are kept from, so that an import of them resolves. */
const PACKAGES = {
  'node_modules/phaser/package.json': '{ "name": "phaser", "main": "index.js" }',
  'node_modules/phaser/index.js': 'module.exports = {};',
};

/** A throwaway repository with the given files. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  temps.push(root);
  for (const [path, text] of Object.entries({ ...PACKAGES, ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function cruise(root: string): { status: number | null; output: string } {
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the layers, on the import graph (dependency-cruiser)', () => {
  it('hold in this repository', () => {
    const { status, output } = cruise(ROOT);
    expect(output).toMatch(/no dependency violations found/);
    expect(status).toBe(0);
  });

  const breaches: { breach: string; files: Record<string, string>; fires: RegExp }[] = [
    {
      breach: 'Phaser in the engine',
      files: { 'src/sim/a.ts': "import Phaser from 'phaser';\nexport const game = Phaser.Game;\n" },
      fires: /error layer-sim: src\/sim\/a\.ts → node_modules\/phaser\//,
    },
    {
      breach: 'a Node built-in in the engine',
      files: {
        'src/sim/a.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      },
      fires: /error layer-sim: src\/sim\/a\.ts → fs\n/,
    },
    {
      breach: 'the DOM layer importing a scene',
      files: {
        'src/game/title.scene.ts': 'export const key = "title";\n',
        'src/ui/title.view.ts': "import { key } from '../game/title.scene.ts';\nexport const scene = key;\n",
      },
      fires: /error layer-ui: src\/ui\/title\.view\.ts → src\/game\/title\.scene\.ts/,
    },
    {
      breach: 'a scene importing the DOM layer',
      files: {
        'src/ui/title.view.ts': 'export const view = 1;\n',
        'src/game/title.scene.ts':
          "import { view } from '../ui/title.view.ts';\nexport const scene = view;\n",
      },
      fires: /error layer-game: src\/game\/title\.scene\.ts → src\/ui\/title\.view\.ts/,
    },
    {
      breach: 'Phaser in a presenter, even for a type',
      files: {
        'src/present/map.presenter.ts':
          "import type Phaser from 'phaser';\nexport type Scene = Phaser.Scene;\n",
      },
      fires: /error layer-present: src\/present\/map\.presenter\.ts → node_modules\/phaser\//,
    },
    {
      breach: 'a cycle',
      files: {
        'src/sim/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'src/sim/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      },
      fires: /error no-circular: src\/sim\/(a|b)\.ts →/,
    },
  ];

  it.each(breaches)('refuse $breach', ({ files, fires }) => {
    const { status, output } = cruise(tree(files));
    expect(output).toMatch(fires);
    expect(output).toMatch(/x 1 dependency violations/);
    expect(status).not.toBe(0);
  });
});

describe('the source checks (scripts/check-sources.ts, on the TypeScript syntax tree)', () => {
  it('pass on this repository', () => {
    expect(checkSources(ROOT).map(formatFinding)).toEqual([]);
  });

  it('find unseeded chance, clocks and computed imports however spelled, and nothing in comments, strings or types', () => {
    const root = tree({
      'src/sim/chance.ts': [
        '// Math.random() and Date.now() in a comment are words',
        "const words = 'Math.random, Date.now and new Date() in a string';",
        "export const a = Math['random']();",
        'export const { random } = Math;',
        'export const b = (globalThis as unknown as { Math: Math }).Math.random();',
        'export const c = crypto.getRandomValues(new Uint8Array(4));',
        'export const d = Math.floor(Math.max(1, 2));',
        'export const e = Math[words as keyof Math];',
      ].join('\n'),
      'src/sim/clock.ts': [
        'export const a = Date.now();',
        'export const b = new Date();',
        "export const c = new Date('2021-10-10T00:00:00Z');",
        'export const d: Date | null = c instanceof Date ? c : null;',
        'export const e = performance.now();',
      ].join('\n'),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the planted source holds a template literal
      'src/sim/load.ts': ["const name = 'a';", 'export const mod = await import(`./${name}.ts`);'].join('\n'),
      'src/scenario/dates.ts': 'export const today = Date();\n',
      'src/ui/jitter.ts': 'export const jitter = Math.random();\n',
      'src/ui/load.ts': 'export const load = (name: string) => import(name);\n',
    });
    expect(checkSources(root).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'src/scenario/dates.ts:1 no-clock',
      'src/sim/chance.ts:3 no-unseeded-chance',
      'src/sim/chance.ts:4 no-unseeded-chance',
      'src/sim/chance.ts:5 no-unseeded-chance',
      'src/sim/chance.ts:6 no-unseeded-chance',
      'src/sim/chance.ts:8 no-unseeded-chance',
      'src/sim/clock.ts:1 no-clock',
      'src/sim/clock.ts:2 no-clock',
      'src/sim/clock.ts:5 no-clock',
      'src/sim/load.ts:2 no-computed-import',
      'src/ui/load.ts:1 no-computed-import',
    ]);
  });

  it("say in one line what is wrong and where: Math['random'] and a template import() in the engine", () => {
    const root = tree({
      'src/sim/draw.ts': "export const x = 1;\nexport const draw = Math['random']();\n",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the planted source holds a template literal
      'src/sim/load.ts': 'const n = 1;\nexport const load = () => import(`./part-${n}.ts`);\n',
    });
    expect(checkSources(root).map(formatFinding)).toEqual([
      "src/sim/draw.ts:2: Math['random'] draws unseeded chance; draw from the seeded rng (src/sim/rng.ts) [no-unseeded-chance]",
      'src/sim/load.ts:2: import() of a computed path: the layer check cannot see what it loads; name the module in a string [no-computed-import]',
    ]);
  });

  it('let presenters import the engine and the scenario as types only', () => {
    const root = tree({
      'src/present/a.presenter.ts': [
        "import type { ActorView } from '../sim/view.ts';",
        "import { compileScenario } from '../sim/compile.ts';",
        "export type { Scenario } from '../scenario/types.ts';",
        "export { Text } from '../scenario/schema.ts';",
        "import { cite } from './cite.ts';",
      ].join('\n'),
    });
    expect(checkSources(root).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'src/present/a.presenter.ts:2 present-engine-types-only',
      'src/present/a.presenter.ts:4 present-engine-types-only',
    ]);
  });
});

describe('the DOM-less compile (tsconfig.sim.json)', () => {
  it('covers the engine and the presenters', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.sim.json'), 'utf8')) as { include: string[] };
    expect(config.include).toEqual(expect.arrayContaining(['src/sim', 'src/present']));
  });

  it('fails on a use of the DOM', () => {
    const root = tree({
      'sim-file.ts': 'export const width = window.innerWidth;\n',
      'tsconfig.json': JSON.stringify({ extends: join(ROOT, 'tsconfig.sim.json'), include: ['sim-file.ts'] }),
    });
    let output = '';
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', root], { encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/sim-file\.ts.*Cannot find name 'window'/);
  });
});
