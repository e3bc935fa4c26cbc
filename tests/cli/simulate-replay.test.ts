import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/cli/replay.ts';
import { readChoices, simulate } from '../../src/cli/simulate.ts';
import { createGame } from '../../src/sim/game.ts';
import { checksumOf, saveGame } from '../../src/sim/save.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { playTurns } from '../helpers/play.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'cli-'));
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const fixture = 'tests/fixtures/scenarios/valid-mini';

describe('simulate', () => {
  it('counts every game once, in declared outcomes, and is reproducible from its seed', () => {
    const a = simulate(miniScenario, 500, 9);
    expect(a.games).toBe(500);
    expect(a.outcomes.reduce((s, o) => s + o.games, 0)).toBe(500);
    expect(a.outcomes.map((o) => o.id)).toEqual(miniScenario.outcomes.map((o) => o.id));
    for (const o of a.outcomes) if (o.games > 0) expect(o.example?.path.length).toBeGreaterThan(0);
    expect(simulate(miniScenario, 500, 9)).toEqual(a);
    expect(simulate(miniScenario, 500, 10)).not.toEqual(a);
  });

  it('plays a person’s scripted choices, and refuses one that is not open', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ok.yaml'), '- raid\n- raid\n- raid\n');
    const summary = simulate(miniScenario, 50, 1, readChoices(join(dir, 'ok.yaml'), miniScenario, 'gov'));
    for (const o of summary.outcomes) {
      for (const step of o.example?.path ?? []) {
        expect(step.decisions.find((d) => d.actor === 'gov')).toMatchObject({ option: 'raid', by: 'human' });
      }
    }
    // A list is an order of preference: accuse is not open (gov does not believe the militia struck), raid is.
    writeFileSync(join(dir, 'prefer.yaml'), 't1: [accuse, raid]\nt2: raid\nt3: [accuse, restraint]\n');
    const preferred = simulate(
      miniScenario,
      20,
      1,
      readChoices(join(dir, 'prefer.yaml'), miniScenario, 'gov'),
    );
    const first = preferred.outcomes.find((o) => o.example)!.example!.path[0]!;
    expect(first.decisions.find((d) => d.actor === 'gov')?.option).toBe('raid');
    writeFileSync(join(dir, 'bad.yaml'), 't1: accuse\n');
    expect(() =>
      simulate(miniScenario, 1, 1, readChoices(join(dir, 'bad.yaml'), miniScenario, 'gov')),
    ).toThrow(/bad\.yaml: turn t1: accuse is not open to gov \(open: restraint, raid\)/);
  });

  it('prints one JSON document with --json and a table without', () => {
    const json = execFileSync(
      tsx,
      ['src/cli/simulate.ts', '--scenario', fixture, '--games', '200', '--seed', '3', '--json'],
      {
        encoding: 'utf8',
      },
    );
    const doc = JSON.parse(json);
    expect(doc.games).toBe(200);
    expect(doc.outcomes.reduce((s: number, o: { games: number }) => s + o.games, 0)).toBe(200);
    const text = execFileSync(
      tsx,
      ['src/cli/simulate.ts', '--scenario', fixture, '--games', '50', '--seed', '3'],
      { encoding: 'utf8' },
    );
    expect(text).toMatch(/50 games from seed 3/);
    expect(text).toMatch(/mean length \d+\.\d\d turns/);
  });

  it('gives a one-line error for bad arguments', () => {
    const r = spawnSync(tsx, ['src/cli/simulate.ts', '--scenario', fixture, '--games', 'many'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/--games takes a whole number/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('replay', () => {
  const played = () => playTurns(createGame(miniScenario, { seed: 11, humans: ['gov'] }), [1, 0, 2]);

  it('reproduces a saved game, ended or in progress', () => {
    expect(replay(miniScenario, JSON.parse(JSON.stringify(saveGame(played()))))).toMatchObject({
      reproduces: true,
      difference: null,
    });
    const mid = playTurns(createGame(miniScenario, { seed: 11, humans: ['gov', 'militia'] }), [1, 2], 2);
    expect(replay(miniScenario, saveGame(mid))).toMatchObject({ reproduces: true, turns: 2 });
  });

  it('says where a game does not reproduce', () => {
    const doc = saveGame(played());
    // A computer seat's recorded choice that its policy would not make: the replay's choice differs there.
    const entry = doc.log.find((d) => d.actor === 'militia')!;
    entry.option = entry.option === 'wait' ? 'parade' : 'wait';
    expect(() => replay(miniScenario, doc)).toThrow(/checksum/);
    const resealed = { ...doc, checksum: checksumOf(doc) };
    const report = replay(miniScenario, resealed);
    expect(report.reproduces).toBe(false);
    expect(report.difference).toMatch(
      /^decision \d+: saved militia (wait|parade) \(turn \d\), replayed militia \w+/,
    );
  });
});
