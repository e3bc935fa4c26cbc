import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/check-boundaries.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the simulation boundary check', () => {
  it('passes on this repository', () => {
    expect(checkBoundaries(process.cwd())).toEqual([]);
  });

  it('fails on Phaser, Howler, views and unseeded chance in the simulation', () => {
    const root = tree({
      'src/sim/a.ts': "import Phaser from 'phaser';\nconst x = Math.random();\n",
      'src/sim/b.ts': "import { Howl } from 'howler';\nconst t = Date.now();\n",
      'src/scenario/c.ts': "import { x } from '../game/title.scene.ts';\n",
      'src/game/ok.ts': "import Phaser from 'phaser';\n",
    });
    const problems = checkBoundaries(root);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/src\/sim\/a\.ts:1: imports phaser/);
    expect(problems.join('\n')).toMatch(/src\/sim\/a\.ts:2: Math\.random breaks determinism/);
    expect(problems.join('\n')).toMatch(/src\/sim\/b\.ts:2: Date\.now breaks determinism/);
    expect(problems.join('\n')).toMatch(/src\/scenario\/c\.ts:1: imports \.\.\/game\/title\.scene\.ts/);
  });

  it('the simulation compiles without the DOM, so a use of the DOM fails the typecheck', () => {
    const root = tree({
      'sim-file.ts': 'export const width = window.innerWidth;\n',
      'tsconfig.json': JSON.stringify({
        extends: join(process.cwd(), 'tsconfig.sim.json'),
        include: ['sim-file.ts'],
      }),
    });
    let output = '';
    try {
      execFileSync(join(process.cwd(), 'node_modules/.bin/tsc'), ['--noEmit', '-p', root], {
        encoding: 'utf8',
      });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/sim-file\.ts.*Cannot find name 'window'/);
  });
});
