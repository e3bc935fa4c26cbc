// What the command lines share: finding a scenario (one named by the user, or one a record names, which is only
// ever looked up among this game's own scenarios), reading options, reading files that may be hostile, and
// printing one line instead of a stack trace.
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../scenario/load.ts';
import { loadScenarioDir, ScenarioPathError } from '../scenario/load-dir.ts';
import { loadScenarioLocale, scenarioLocales } from '../scenario/locale-dir.ts';
import { localizeScenario } from '../scenario/localize.ts';
import type { Scenario } from '../scenario/types.ts';
import { type CompiledScenario, compileScenario } from '../sim/compile.ts';

/** A refusal the user can act on; `exitCode` 2 is a usage mistake, 1 a file that is not what it should be. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** A scenario named on the command line: a folder or file the user points at, or an id under scenarios/. */
export async function loadScenarioArg(arg: string): Promise<Scenario> {
  const dir = existsSync(arg) ? arg : join('scenarios', arg);
  if (!existsSync(dir)) throw new CliError(`no scenario ${arg} (looked for ${dir})`);
  const loaded = await loadScenarioDir(dir).catch((e: unknown) => {
    if (e instanceof ScenarioPathError) throw new CliError(`--scenario ${arg}: ${e.message}`);
    throw e;
  });
  if (!loaded.ok) {
    throw new CliError(`${dir} is not a valid scenario:\n${loaded.problems.map(formatProblem).join('\n')}`);
  }
  return loaded.scenario;
}

/** This game's scenarios: the folders under scenarios/ beside the source, wherever the command is run from. */
export const SCENARIOS_ROOT = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/**
 * The scenario this game has with this id, compiled, or undefined. The id comes from a file and may be hostile
 * (`/etc`, `../../proc/self`), so it is never made into a path: it is only compared with the names that
 * `readdir` gives and with each scenario's own meta.id. A folder named as the id is tried first; failing that,
 * every folder (one may have been renamed).
 */
export async function knownScenario(
  id: string,
  root = SCENARIOS_ROOT,
): Promise<CompiledScenario | undefined> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new CliError(`this game's scenarios are missing: there is no folder ${root}`, 1);
  });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const inOrder = [...folders.filter((name) => name === id), ...folders.filter((name) => name !== id)];
  for (const name of inOrder) {
    const loaded = await loadScenarioDir(join(root, name)).catch(() => null);
    if (loaded?.ok) {
      if (loaded.scenario.meta.id === id) return compileScenario(loaded.scenario);
    } else if (name === id) {
      throw new CliError(`scenarios/${name} does not load as a scenario: run npm run validate`, 1);
    }
  }
  return undefined;
}

/**
 * A compiled scenario in another language (its locale/<language>/ texts; those with problems stay English), for the
 * words of an export in that language: the same game, the same digest. Refused in one sentence when the scenario has
 * no such language.
 */
export async function compiledIn(
  c: CompiledScenario,
  language: string,
  root = SCENARIOS_ROOT,
): Promise<CompiledScenario> {
  const id = c.scenario.meta.id;
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    const loaded = await loadScenarioDir(dir).catch(() => null);
    if (!loaded?.ok || loaded.scenario.meta.id !== id) continue;
    if (!(await scenarioLocales(dir)).includes(language))
      throw new CliError(`scenarios/${entry.name} has no ${language} texts (locale/${language}/)`, 1);
    const { texts } = await loadScenarioLocale(dir, language, loaded.scenario);
    return compileScenario(localizeScenario(loaded.scenario, texts));
  }
  throw new CliError(`the scenario ${id} is not among this game's scenarios`, 1);
}

/**
 * Parses --name value pairs and --flags; unknown names are an error. A value that starts with `--` is taken as
 * a missing value (`--seed --json` must not play from seed "--json"), and a name given twice is refused rather
 * than one of its values winning in silence.
 */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]) {
  const values: Record<string, string> = Object.create(null);
  const set = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const name = a.slice(2);
    if (flags.includes(name)) set.add(name);
    else if (valued.includes(name)) {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CliError(`--${name} needs a value`);
      if (name in values) throw new CliError(`--${name} is given twice`);
      values[name] = v;
      i++;
    } else throw new CliError(`unknown option --${oneLine(name, 40)}`);
  }
  return { values, flags: set, rest };
}

/** A whole number typed in decimal digits, within bounds: `0x10`, `1e9`, `+5` and ` 5` are refused. */
export function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) {
    const range = `${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
    throw new CliError(
      `${option} takes a whole number from ${range} in decimal digits, not ${oneLine(text, 40)}`,
    );
  }
  return n;
}

/**
 * The text of a file that may be anything: refused unless it is a regular file of at most `maxBytes` of UTF-8.
 * Opened without blocking (a FIFO would wait for a writer) and read with a limit (a device such as /dev/zero
 * says size 0 and never ends). `what` names the file's purpose in the refusal.
 */
export function readBoundedText(file: string, maxBytes: number, what: string, exitCode = 2): string {
  const fail = (why: string) => new CliError(`${file}: cannot be read as ${what}: ${why}`, exitCode);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(
      code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : `${code}`,
    );
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw fail('it is not a regular file');
    const tooLarge = () => fail(`it is larger than ${maxBytes.toLocaleString('en')} bytes`);
    if (info.size > maxBytes) throw tooLarge();
    // Read to the end, whatever the size said (a file under /proc says 0), but never past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) throw tooLarge();
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, length));
    } catch {
      throw fail('it is not UTF-8 text');
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Text from a file made printable on one line: control characters (newlines, terminal escapes) shown as
 * escapes, and cut at `max` characters, so that a hostile file cannot write over the terminal or flood it.
 */
export function oneLine(text: string, max = 300): string {
  const shown = text.replace(
    // Everything but the printable: C0 and C1 controls, DEL, and the line and paragraph separators.
    /[^ -~\u00a0-\u2027\u202a-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** Runs a CLI's main, printing errors as one line (or the lines they hold), never a stack trace. */
export function runCli(main: () => Promise<number>): void {
  // The exit code is set, not forced: process.exit() would drop what is still queued for a pipe (a --json
  // document over 64 KB piped into another program came out cut), and nothing else keeps a command running.
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(
        e instanceof CliError ? e.message : `error: ${oneLine(e instanceof Error ? e.message : String(e))}`,
      );
      process.exitCode = e instanceof CliError ? e.exitCode : 1;
    },
  );
}
