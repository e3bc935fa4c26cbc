import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const temp = mkdtempSync(join(tmpdir(), 'crisis-validate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs npm run validate's script; returns its exit code and its output lines. */
function validate(...args: string[]): { status: number; out: string[]; err: string[] } {
  const split = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
  try {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/validate.ts', ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, out: split(stdout), err: [] };
  } catch (e) {
    const { status, stdout, stderr } = e as { status: number; stdout: string; stderr: string };
    return { status, out: split(stdout), err: split(stderr) };
  }
}

const noStackTrace = (lines: string[]) => expect(lines.filter((l) => /^\s*at /.test(l))).toEqual([]);

describe('npm run validate', () => {
  it('exits 0 with one summary line for a valid scenario', () => {
    const run = validate('tests/fixtures/scenarios/valid-mini');
    expect(run).toEqual({
      status: 0,
      out: ['tests/fixtures/scenarios/valid-mini: valid (2 turns, 1 playable actor, 1 event, 2 outcomes)'],
      err: [],
    });
  });

  it('exits 1 with one line per problem, and 2 for a missing folder, never with a stack trace', () => {
    const dir = join(temp, 'broken');
    cpSync('tests/fixtures/scenarios/valid-mini', dir, { recursive: true });
    const dangling = readFileSync('tests/fixtures/scenarios/broken/dangling-ids.yaml', 'utf8');
    writeFileSync(join(dir, 'dangling-ids.yaml'), dangling);
    const broken = validate(dir);
    expect(broken.status).toBe(1);
    expect(broken.out).toHaveLength(9);
    expect(broken.out[0]).toBe(
      `${dir}/dangling-ids.yaml:4:5 events.0.speaker: unknown actor "prss" (did you mean "press"?)`,
    );
    noStackTrace([...broken.out, ...broken.err]);

    const missing = validate(join(temp, 'no-such-scenario'));
    expect(missing.status).toBe(2);
    expect(missing.err).toEqual([`validate: no such file or folder: ${join(temp, 'no-such-scenario')}`]);
    noStackTrace([...missing.out, ...missing.err]);
  });
});
