// npm run validate [-- DIR_OR_FILE...]: loads each scenario (default: every folder under scenarios/ that
// holds YAML), checks it, and prints one line per problem. Exit 0 valid, 1 problems, 2 usage error.
// Authors read this output: never a stack trace.

import { formatProblem, locateIssues, type Problem } from '../scenario/load.ts';
import { findScenarioDirs, loadScenarioDir, ScenarioPathError } from '../scenario/load-dir.ts';
import { checkScenarioLocales } from '../scenario/locale-dir.ts';
import type { Scenario } from '../scenario/types.ts';
import { checkPlayability } from '../sim/reach.ts';

const USAGE =
  'usage: npm run validate [-- DIR_OR_FILE...]   (default: every scenario folder under scenarios/)';

class UsageError extends Error {}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const option = args.find((a) => a.startsWith('-'));
  if (option !== undefined) throw new UsageError(`unknown option ${option}\n${USAGE}`);
  const targets = args.length > 0 ? args : await findScenarioDirs('scenarios');
  if (targets.length === 0) throw new UsageError('no scenario folders with YAML files under scenarios/');

  let status = 0;
  for (const target of targets) {
    const problems = await validate(target);
    if (problems.length === 0) continue;
    status = 1;
    for (const p of problems) console.log(formatProblem(p));
  }
  return status;
}

/** The problems of one scenario; prints the summary line itself when there are none. */
async function validate(target: string): Promise<Problem[]> {
  const loaded = await loadScenarioDir(target);
  if (!loaded.ok) return loaded.problems;
  const playability = locateIssues(loaded.scenario, checkPlayability(loaded.scenario));
  if (playability.length > 0) return playability;
  // Each language of the scenario (locale/<locale>/): complete, fresh, citing as the English. A name spelt
  // otherwise than the spelling table is a warning: printed, but it does not fail the scenario.
  const locales = await checkScenarioLocales(target, loaded.scenario);
  for (const w of locales.warnings) console.log(formatProblem(w));
  if (locales.problems.length > 0) return locales.problems;
  console.log(`${target}: valid (${summary(loaded.scenario)})`);
  return [];
}

function summary(s: Scenario): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    count(s.turns.length, 'turn'),
    count(s.actors.filter((a) => a.playable).length, 'playable actor'),
    count(s.events.length, 'event'),
    count(s.outcomes.length, 'outcome'),
  ].join(', ');
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    const usage = e instanceof UsageError || e instanceof ScenarioPathError;
    const message = e instanceof Error ? e.message : String(e);
    console.error(`validate: ${usage ? message : (message.split('\n')[0] ?? message)}`);
    process.exitCode = 2;
  },
);
