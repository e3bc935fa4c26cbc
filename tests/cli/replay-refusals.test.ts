// replay against records that were changed or made to hurt (red-team items 7 and 10): each is refused with exit
// 1 and one sentence that says what is wrong and where, and never opens the scenario id a record gives as a path.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, type ExpectStatic, it } from 'vitest';
import { knownScenario } from '../../src/cli/scenario-arg.ts';
import { recordGame } from '../../src/cli/simulate.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { MAX_READ_BYTES } from '../../src/sim/limits.ts';
import type { GameRecord } from '../../src/sim/record.ts';
import { saveJson } from '../../src/sim/save.ts';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'replay-'));
let record: GameRecord;

beforeAll(async () => {
  const c = await knownScenario('baghdad-2021');
  if (!c) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
  record = recordGame(c, 3).record;
});

interface Run {
  /** null when the command did not end by itself within the time allowed. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Writes a file and replays it in a child process, as a user would, for at most 30 seconds. */
function replayFile(name: string, text: string): Promise<Run> {
  const file = join(dir, name);
  writeFileSync(file, text);
  return replayPath(file);
}

function replayPath(file: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['src/cli/replay.ts', file],
      { encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** Exit 1 and one line on stderr, matching; no stack trace, nothing on stdout. */
function expectRefusal(e: ExpectStatic, r: Run, pattern: RegExp): void {
  e(r.status, r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  e(lines).toHaveLength(1);
  e(lines[0]).toMatch(pattern);
  e(r.stderr).not.toMatch(/\n\s+at /);
  e(r.stdout).toBe('');
}

/** The 1-based turn the game is on when command `i` (0-based) comes: one more than the turns resolved before it. */
function turnAt(entries: readonly Entry[], i: number): number {
  return entries.slice(0, i).filter((e) => e.command.type === 'turn.resolve').length + 1;
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.concurrent('replay refuses a record that was changed', () => {
  it('names the command whose option was changed to another actor’s', async ({ expect }) => {
    const entries = structuredClone(record.entries);
    const i = entries.findIndex((e) => e.command.type === 'decision.submit' && e.command.actor === 'pm');
    const theirs = entries.find((e) => e.command.type === 'decision.submit' && e.command.actor === 'us');
    if (i < 0 || theirs?.command.type !== 'decision.submit')
      throw new Error('the game has no pm or us decision');
    const command = entries[i]!.command as { option: string };
    command.option = theirs.command.option;
    // A record as a program keeps it, with no seal: only the engine can find what is wrong.
    const { format, version, scenario, seed } = record;
    const r = await replayFile('option.json', JSON.stringify({ format, version, scenario, seed, entries }));
    expectRefusal(
      expect,
      r,
      new RegExp(
        `command ${i + 1} \\(turn ${turnAt(entries, i)}\\) is refused: ${literally(command.option)} is not open to pm`,
      ),
    );
  });

  it('names the command that no longer follows when one is deleted mid-game', async ({ expect }) => {
    const entries = structuredClone(record.entries);
    const resolves = entries.flatMap((e, i) => (e.command.type === 'turn.resolve' ? [i] : []));
    // The last decision of the third turn: without it, that turn cannot resolve.
    const deleted = resolves[2]! - 1;
    const gone = entries[deleted]!.command as { type: string; actor: string };
    expect(gone.type).toBe('decision.submit');
    entries.splice(deleted, 1);
    const r = await replayFile('deleted.json', saveJson({ ...record, entries }));
    expectRefusal(
      expect,
      r,
      new RegExp(
        `command ${deleted + 1} \\(turn 3\\) is refused: The turn cannot resolve yet: waiting for ${gone.actor}\\.$`,
      ),
    );
  });

  it('says a sealed record changed without resealing is damaged', async ({ expect }) => {
    const text = saveJson(record).replace('"game.start"', '"game.pause"');
    expectRefusal(
      expect,
      await replayFile('unsealed.json', text),
      /json: This save is damaged: its checksum does not match\.$/,
    );
  });

  it('says the scenario’s content has changed when the digest differs', async ({ expect }) => {
    const digest = record.scenario.digest === '00000000' ? '00000001' : '00000000';
    const r = await replayFile(
      'digest.json',
      saveJson({ ...record, scenario: { ...record.scenario, digest } }),
    );
    expectRefusal(
      expect,
      r,
      /The scenario's content has changed since this (save|record) was made \(baghdad-2021 /,
    );
  });
});

describe.concurrent('replay never uses a record’s scenario id as a path', () => {
  // The aliases name a real scenario folder, with its true digest: a replay that opened the id as a path would
  // find the scenario and accept the record. Only ids among scenarios/ are this game's.
  const ids = [
    '/etc',
    '../../proc/self',
    '../../../etc',
    'scenarios/baghdad-2021',
    './baghdad-2021',
    '../scenarios/baghdad-2021',
  ];
  it.for(ids)('refuses %s as not a scenario this game has', async (id, { expect }) => {
    const r = await replayFile(
      `id-${ids.indexOf(id)}.json`,
      saveJson({ ...record, scenario: { ...record.scenario, id } }),
    );
    expectRefusal(
      expect,
      r,
      new RegExp(`is of a scenario this game does not have \\(${literally(id)}\\)\\.$`),
    );
  });

  it('looks an id up only among the names its folder lists', async ({ expect }) => {
    const root = 'tests/fixtures/scenarios';
    expect((await knownScenario('valid-mini', root))?.scenario.meta.id).toBe('valid-mini');
    // As a path, tests/fixtures/scenarios/broken/../valid-mini is the valid scenario.
    expect(await knownScenario('../valid-mini', join(root, 'broken'))).toBeUndefined();
    expect(await knownScenario('/etc', root)).toBeUndefined();
  });
});

describe.concurrent('replay refuses a file made to hurt, in one sentence', () => {
  it('a JSON 100,000 levels deep, bare or inside a record', async ({ expect }) => {
    const deep = 100_000;
    const bare = await replayFile('deep.json', `${'['.repeat(deep)}${']'.repeat(deep)}`);
    expectRefusal(
      expect,
      bare,
      /deep\.json: This is not a game record: it is nested more than 200 levels deep\.$/,
    );
    const inside = `${saveJson(record).slice(0, -1)},"x":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}`;
    const r = await replayFile('deep-inside.json', inside);
    expectRefusal(
      expect,
      r,
      /deep-inside\.json: This is not a game record: it is nested more than 200 levels deep\.$/,
    );
  });

  it('a version given as the text "2", in a save or a record', async ({ expect }) => {
    const save = await replayFile(
      'v2-text.json',
      JSON.stringify({ format: 'crisis-table/save', version: '2' }),
    );
    expectRefusal(
      expect,
      save,
      /v2-text\.json: This save is damaged: its version is the text "2", where a number belongs\.$/,
    );
    expect(save.stderr).not.toMatch(/version 2; this game reads version 2/);
    const doc = { ...JSON.parse(saveJson(record)), version: '1' };
    const rec = await replayFile('v1-text.json', JSON.stringify(doc));
    expectRefusal(
      expect,
      rec,
      /This record is damaged: its version is the text "1", where a number belongs\.$/,
    );
  });

  it('a file over 4 MB, unread, and one that is not a regular file', async ({ expect }) => {
    // The bound every reader and the server share (limits.ts): a little over the record's own, for an export's seal.
    const big = await replayFile('big.json', ' '.repeat(MAX_READ_BYTES + 1));
    const bound = MAX_READ_BYTES.toLocaleString('en');
    expectRefusal(
      expect,
      big,
      new RegExp(`big\\.json: cannot be read as a game record: it is larger than ${bound} bytes$`),
    );
    const zero = await replayPath('/dev/zero');
    expectRefusal(expect, zero, /^\/dev\/zero: cannot be read as a game record: it is not a regular file$/);
  });

  it('text that is not JSON, with its control characters shown, not sent to the terminal', async ({
    expect,
  }) => {
    const r = await replayFile('escape.json', '{"a":\u001b[2J\n');
    expectRefusal(expect, r, /escape\.json: This is not a game record: it is not valid JSON \(.*\\u001b/);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('a command line without one file (a usage mistake: exit 2)', async ({ expect }) => {
    const r = await new Promise<Run>((resolve) =>
      execFile(tsx, ['src/cli/replay.ts'], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ status: error && typeof error.code === 'number' ? error.code : 0, stdout, stderr }),
      ),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: npm run replay -- FILE/);
  });
});
