// simulate --history on the command line: every seat on the historical path, the events report (JSON and
// table) over the real scenario, and the refusal when it is mixed with a scripted seat.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/scenario-arg.ts';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

interface Run {
  /** null when the command did not end by itself within the time allowed. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs simulate in a child process, as a user would, and never for more than 30 seconds. */
function simulate(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['src/cli/simulate.ts', ...args],
      { encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

interface EventEntry {
  id: string;
  games: number;
  share: number;
  dates: { date: string; turn: string; games: number }[];
}

describe.concurrent('simulate --history', () => {
  it('reports every event of baghdad-2021 in JSON, with the drone attack’s dates', async ({ expect }) => {
    const [r, scenario] = await Promise.all([
      simulate(['--history', '--games', '20', '--seed', '1', '--json']),
      loadScenarioArg('baghdad-2021'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      games: number;
      played: string;
      outcomes: { id: string; games: number }[];
      events: EventEntry[];
    };
    expect(doc.games).toBe(20);
    expect(doc.played).toMatch(/historical/);
    expect(doc.outcomes.reduce((s, o) => s + o.games, 0)).toBe(20);
    expect(doc.events.map((e) => e.id)).toEqual(scenario.events.map((e) => e.id));
    const dates = new Map(scenario.turns.map((t) => [t.id, t.date]));
    for (const e of doc.events) {
      expect(e.games).toBeLessThanOrEqual(20);
      expect(e.share).toBeCloseTo(e.games / 20);
      // A date is a turn's date from turns.yaml, counted in games that fired then: never more than fired at all.
      for (const d of e.dates) {
        expect(dates.get(d.turn)).toBe(d.date);
        expect(d.games).toBeGreaterThan(0);
        expect(d.games).toBeLessThanOrEqual(e.games);
      }
      expect(e.dates.length > 0).toBe(e.games > 0);
    }
    const drone = doc.events.find((e) => e.id === 'drone-attack')!;
    expect(drone).toBeDefined();
    expect(Array.isArray(drone.dates)).toBe(true);
    // The event is bound to its own turn: whenever it fires, it fires on 7 November.
    for (const d of drone.dates) expect(d.date).toBe('2021-11-07');
    // The first turn's events fire in every game, whoever decides.
    expect(doc.events.find((e) => e.id === 'preliminary-results')).toMatchObject({
      games: 20,
      dates: [{ date: '2021-10-10', games: 20 }],
    });
  });

  it('plays the same games again from the same seed', async ({ expect }) => {
    const args = ['--history', '--games', '5', '--seed', '9', '--json'];
    const [a, b] = await Promise.all([simulate(args), simulate(args)]);
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });

  it('prints a table of events, the ones that never fired included, after the outcomes', async ({
    expect,
  }) => {
    const [r, scenario] = await Promise.all([
      simulate(['--history', '--games', '10', '--seed', '1']),
      loadScenarioArg('baghdad-2021'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/10 games from seed 1 \(every actor its historical option/);
    expect(r.stdout).toMatch(/^outcome\s+games\s+share\s+mean turns$/m);
    expect(r.stdout).toMatch(/^events over 10 games/m);
    expect(r.stdout).toMatch(/^preliminary-results\s+10\s+100\.0%\s+2021-10-10 \(10\)$/m);
    for (const e of scenario.events)
      expect(r.stdout).toMatch(new RegExp(`^${e.id}\\s+\\d+\\s+[\\d.]+%  `, 'm'));
    const never = r.stdout.match(/^(\d+) of (\d+) events never fired: (.*)$/m);
    if (never) {
      expect(Number(never[2])).toBe(scenario.events.length);
      for (const id of never[3]!.split(', ')) {
        expect(r.stdout).toMatch(new RegExp(`^${id}\\s+0\\s+0\\.0%  never fired$`, 'm'));
      }
    } else expect(r.stdout).toMatch(/every one of the \d+ events fired at least once/);
  });

  it('refuses --history with --as or --choices in one line', async ({ expect }) => {
    const runs = await Promise.all([
      simulate(['--history', '--as', 'pm']),
      simulate(['--history', '--choices', 'tests/choices/pm-chaos-at-home.yaml', '--as', 'pm']),
    ]);
    for (const r of runs) {
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^--history .*cannot be combined with --as\/--choices$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('simulate without --history', () => {
  it('reports the events too: the 7 November attack on its date in every computer game', async () => {
    const r = await simulate(['--games', '20', '--seed', '2021', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { events: { id: string; games: number; dates: unknown[] }[] };
    const attack = json.events.find((e) => e.id === 'drone-attack');
    expect(attack).toEqual({
      id: 'drone-attack',
      games: 20,
      share: 1,
      dates: [{ date: '2021-11-07', turn: 'drone-attack', games: 20 }],
    });
  });
});
