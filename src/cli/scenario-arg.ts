// Finds and loads a scenario named on the command line: an id under scenarios/, or a folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../scenario/load.ts';
import { loadScenarioDir } from '../scenario/load-dir.ts';
import type { Scenario } from '../scenario/types.ts';

export class CliError extends Error {}

export async function loadScenarioArg(arg: string): Promise<Scenario> {
  const dir = existsSync(arg) ? arg : join('scenarios', arg);
  if (!existsSync(dir)) throw new CliError(`no scenario ${arg} (looked for ${dir})`);
  const loaded = await loadScenarioDir(dir);
  if (!loaded.ok) {
    throw new CliError(`${dir} is not a valid scenario:\n${loaded.problems.map(formatProblem).join('\n')}`);
  }
  return loaded.scenario;
}

/** Parses --name value pairs and --flags; unknown names are an error. */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]) {
  const values: Record<string, string> = {};
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
      const v = args[++i];
      if (v === undefined) throw new CliError(`--${name} needs a value`);
      values[name] = v;
    } else throw new CliError(`unknown option --${name}`);
  }
  return { values, flags: set, rest };
}

/** Runs a CLI's main, printing errors as one line (or the lines they hold), never a stack trace. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(
        e instanceof CliError ? e.message : `error: ${e instanceof Error ? e.message : String(e)}`,
      );
      process.exit(e instanceof CliError ? 2 : 1);
    },
  );
}
