// simulate in-process and on the command line: its figures, scripted seats, the records it writes (which replay
// and the game's own restore read back), and the command-line mistakes of red-team item 10.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type ExpectStatic, expect, it } from 'vitest';
import { formatReport, replayText } from '../../src/cli/replay.ts';
import { knownScenario } from '../../src/cli/scenario-arg.ts';
import { readChoices, simulate } from '../../src/cli/simulate.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { readRecord } from '../../src/sim/record.ts';
import { restoreSave, saveJson } from '../../src/sim/save.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'cli-'));
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const fixture = 'tests/fixtures/scenarios/valid-mini';

interface Run {
  /** null when the command did not end by itself within the time allowed. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI in a child process, as a user would, and never for more than 30 seconds. */
function run(cli: 'simulate' | 'replay', args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [`src/cli/${cli}.ts`, ...args],
      { encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** A refusal as a person should see it: the exit status, and one line on stderr that says why; no stack trace. */
function expectRefusal(e: ExpectStatic, r: Run, status: number, pattern: RegExp): void {
  e(r.status, r.stderr).toBe(status);
  const lines = r.stderr.trim().split('\n');
  e(lines).toHaveLength(1);
  e(lines[0]).toMatch(pattern);
  e(r.stderr).not.toMatch(/\n\s+at /);
}

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
    let seen = 0;
    for (const o of summary.outcomes) {
      for (const step of o.example?.path ?? []) {
        expect(step.decisions.find((d) => d.actor === 'gov')).toMatchObject({ option: 'raid', by: 'person' });
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
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

  it('refuses a choices file that is not a plan, naming the file and the turn', () => {
    const dir = tmp();
    const refused = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return () => readChoices(join(dir, name), miniScenario, 'gov');
    };
    expect(refused('object.yaml', 't1: {raid: 1}\n')).toThrow(
      /object\.yaml: t1: expected an option id or a list/,
    );
    expect(refused('long.yaml', '- raid\n- raid\n- raid\n- raid\n')).toThrow(
      /long\.yaml: 4 choices, but mini has 3/,
    );
    expect(refused('turn.yaml', 't9: raid\n')).toThrow(/turn\.yaml: t9 is not a turn of mini/);
    expect(refused('big.yaml', `# ${'x'.repeat(70_000)}\nt1: raid\n`)).toThrow(
      /big\.yaml: .*larger than 65,536/,
    );
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
      {
        encoding: 'utf8',
      },
    );
    expect(text).toMatch(/50 games from seed 3/);
    expect(text).toMatch(/mean length \d+\.\d\d turns/);
  });
});

describe.concurrent('simulate: command-line mistakes (red-team item 10)', () => {
  it('says which seed it drew when none is given, on stderr, and that seed plays the same games', async ({
    expect,
  }) => {
    const drawn = await run('simulate', ['--scenario', fixture, '--games', '20', '--json']);
    expect(drawn.status, drawn.stderr).toBe(0);
    const seed = Number(drawn.stderr.match(/playing from seed (\d+)/)?.[1]);
    expect(Number.isInteger(seed)).toBe(true);
    const doc = JSON.parse(drawn.stdout);
    expect(doc.seed).toBe(seed);
    const again = await run('simulate', [
      '--scenario',
      fixture,
      '--games',
      '20',
      '--json',
      '--seed',
      String(seed),
    ]);
    expect(JSON.parse(again.stdout)).toEqual(doc);
    expect(again.stderr).not.toMatch(/seed/);
  });

  it('takes a value that starts with -- as a missing value', async ({ expect }) => {
    const r = await run('simulate', ['--scenario', fixture, '--seed', '--json']);
    expectRefusal(expect, r, 2, /^--seed needs a value$/);
    expect(r.stdout).toBe('');
  });

  it('takes --games in decimal digits only, up to a million', async ({ expect }) => {
    const cases = ['0x10', '1e9', '1000001', '0', '-5', '+5', 'many'];
    const runs = await Promise.all(cases.map((n) => run('simulate', ['--scenario', fixture, '--games', n])));
    runs.forEach((r, i) => {
      const typed = cases[i]!.replace(/[+]/g, '\\+');
      expectRefusal(
        expect,
        r,
        2,
        new RegExp(`^--games takes a whole number from 1 to 1,000,000 .*, not ${typed}$`),
      );
    });
  });

  it('refuses a choices file that is not a regular file, at once', async ({ expect }) => {
    // A hang would be killed by run's time limit, leaving status null: the exit status 2 shows it did not wait.
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const [zero, fifo] = await Promise.all(
      ['/dev/zero', join(dir, 'fifo')].map((f) =>
        run('simulate', ['--scenario', fixture, '--as', 'mayor', '--choices', f, '--seed', '1']),
      ),
    );
    expectRefusal(
      expect,
      zero!,
      2,
      /^\/dev\/zero: cannot be read as a choices file: it is not a regular file$/,
    );
    expectRefusal(expect, fifo!, 2, /fifo: cannot be read as a choices file: it is not a regular file$/);
  });

  it('refuses --record with more than one game', async ({ expect }) => {
    const file = join(tmp(), 'r.json');
    const r = await run('simulate', ['--scenario', fixture, '--games', '2', '--seed', '1', '--record', file]);
    expectRefusal(expect, r, 2, /^--record writes one game's record: use --games 1 with it, not --games 2$/);
  });
});

describe.concurrent('simulate --record, then replay', () => {
  it('writes a computer game’s record that replay and the game’s restore both rebuild', async ({
    expect,
  }) => {
    const file = join(tmp(), 'game.json');
    const made = await run('simulate', [
      '--scenario',
      'baghdad-2021',
      '--seed',
      '7',
      '--record',
      file,
      '--json',
    ]);
    expect(made.status, made.stderr).toBe(0);
    const summary = JSON.parse(made.stdout);
    const outcome = summary.outcomes.find((o: { games: number }) => o.games === 1).id;
    const text = readFileSync(file, 'utf8');
    const c = (await knownScenario('baghdad-2021'))!;
    const { record } = readRecord(JSON.parse(text), (id) => (id === c.scenario.meta.id ? c : undefined));
    expect(record.seed).toBe(7);
    // Exactly the text the game's own save writes, so the game can restore it.
    expect(text).toBe(saveJson(record));
    const restored = restoreSave(text, (id) => (id === 'baghdad-2021' ? c : undefined));
    expect(restored.state.world.outcome?.id).toBe(outcome);

    const replayed = await run('replay', [file]);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout.trim()).toBe(
      `${file}: reproduces: ${summary.meanTurns} turns, ${record.entries.length} commands, outcome ${outcome}`,
    );
  });

  it('records a scripted seat as a person’s: its seat change and every one of its decisions', async ({
    expect,
  }) => {
    const file = join(tmp(), 'pm.json');
    const choices = 'tests/choices/pm-chaos-at-home.yaml';
    const made = await run('simulate', [
      '--scenario',
      'baghdad-2021',
      '--as',
      'pm',
      '--choices',
      choices,
      '--seed',
      '2',
      '--record',
      file,
    ]);
    expect(made.status, made.stderr).toBe(0);
    const { entries } = JSON.parse(readFileSync(file, 'utf8')) as { entries: Entry[] };
    expect(entries).toContainEqual({
      by: { facilitator: true },
      command: { type: 'seat.set', actor: 'pm', holder: 'person' },
    });
    const pm = entries.filter((e) => e.command.type === 'decision.submit' && e.command.actor === 'pm');
    expect(pm.length).toBeGreaterThan(0);
    for (const e of pm) {
      expect(e.by).toEqual({ seat: 'pm', as: 'person' });
      expect(e.command).toMatchObject({ option: 'raid-militia-strongholds' });
    }
    const replayed = await run('replay', [file]);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout).toMatch(/reproduces: \d+ turns, \d+ commands, outcome [\w-]+$/m);
  });

  it('carries over a version-2 save and says so', async ({ expect }) => {
    const c = compileScenario(miniScenario);
    const text = readFileSync('tests/fixtures/saves/mini-ended.json', 'utf8');
    const report = await replayText(text, 'mini-ended.json', async (id) => (id === 'mini' ? c : undefined));
    expect(report).toMatchObject({ migrated: true, phase: 'ended', outcome: 'muddle' });
    expect(formatReport('mini-ended.json', report)).toMatch(
      /^mini-ended\.json: reproduces: \d+ turns, \d+ commands, outcome muddle; a version-2 save, carried over/,
    );
  });
});
