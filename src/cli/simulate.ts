// npm run simulate -- --scenario ID --games N --seed S [--as ACTOR --choices FILE] [--json]
// Plays N games (every seat by the computer, or one seat from a file of scripted choices) and prints the
// distribution of outcomes, the mean length and one example path per outcome.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Scenario } from '../scenario/types.ts';
import { type Chooser, playBatchGame } from '../sim/batch.ts';
import { engineFor } from '../sim/game.ts';
import { normaliseSeed } from '../sim/rng.ts';
import { type SimulationSummary, SummaryBuilder } from '../sim/summary.ts';
import { CliError, loadScenarioArg, parseArgs, runCli } from './scenario-arg.ts';

const USAGE =
  'usage: npm run simulate -- --scenario ID --games N --seed S [--as ACTOR --choices FILE] [--json]';

/**
 * A file of one actor's choices: a list (one entry per turn) or a map of turn id to entry. An entry is an
 * option, or a list of options in order of preference: the first one open at that moment is taken, as a
 * person would take a move the moment it becomes possible.
 */
export function readChoices(file: string, scenario: Scenario, actor: string): Chooser {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `${file}: cannot read the choices (${e instanceof Error ? e.message.split('\n')[0] : e})`,
    );
  }
  const byTurn = new Map<string, string[]>();
  const turns = scenario.turns.map((t) => t.id);
  const entry = (x: unknown) => (Array.isArray(x) ? x.map(String) : [String(x)]);
  if (Array.isArray(data)) {
    data.forEach((o, i) => {
      if (turns[i] !== undefined) byTurn.set(turns[i]!, entry(o));
    });
  } else if (data && typeof data === 'object') {
    for (const [turn, option] of Object.entries(data)) {
      if (!turns.includes(turn)) throw new CliError(`${file}: ${turn} is not a turn of ${scenario.meta.id}`);
      byTurn.set(turn, entry(option));
    }
  } else throw new CliError(`${file}: expected a list of options or a map of turn id to option`);
  return (who, offer) => {
    if (who !== actor) return undefined;
    const turn = turns[offer.turn]!;
    const wanted = byTurn.get(turn);
    if (wanted === undefined) throw new CliError(`${file}: no choice for turn ${turn}`);
    const option = wanted.find((o) => offer.options.includes(o));
    if (option === undefined) {
      throw new CliError(
        `${file}: turn ${turn}: ${wanted.join(' or ')} is not open to ${actor} (open: ${offer.options.join(', ')})`,
      );
    }
    return option;
  };
}

export function simulate(
  scenario: Scenario,
  games: number,
  seed: number,
  chooser?: Chooser,
  onProgress?: (n: number) => void,
): SimulationSummary {
  const { compiled } = engineFor(scenario);
  const summary = new SummaryBuilder(compiled, seed);
  for (let i = 0; i < games; i++) {
    const gameSeed = (seed + i) >>> 0;
    summary.add(playBatchGame(compiled, gameSeed, chooser).world, gameSeed);
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
  }
  return summary.result();
}

export function formatSummary(s: SimulationSummary, who: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${s.scenario}: ${s.games.toLocaleString('en')} games from seed ${s.seed} (${who})`,
    `mean length ${s.meanTurns.toFixed(2)} turns`,
    '',
    `${'outcome'.padEnd(26)}${'games'.padStart(8)}${'share'.padStart(9)}${'mean turns'.padStart(12)}`,
    ...s.outcomes.map(
      (o) =>
        `${o.id.padEnd(26)}${o.games.toLocaleString('en').padStart(8)}${pct(o.share).padStart(9)}${o.meanTurns.toFixed(2).padStart(12)}`,
    ),
    '',
    'an example path of each outcome reached (* marks what the real actor did):',
  ];
  for (const o of s.outcomes) {
    if (!o.example) continue;
    lines.push(`${o.id} (seed ${o.example.seed})`);
    for (const step of o.example.path) {
      const decisions = step.decisions
        .map((d) => `${d.actor}: ${d.option}${d.historical ? '*' : ''}`)
        .join('; ');
      lines.push(`  ${step.date} ${step.turn}: ${decisions}`);
      if (step.events.length > 0) lines.push(`    events: ${step.events.join(', ')}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values, flags, rest } = parseArgs(
    process.argv.slice(2),
    ['scenario', 'games', 'seed', 'as', 'choices'],
    ['json', 'help'],
  );
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length > 0) throw new CliError(`unexpected ${rest.join(' ')}\n${USAGE}`);
  const scenario = await loadScenarioArg(values.scenario ?? 'baghdad-2021');
  const games = Number(values.games ?? (values.as ? 1 : 1000));
  if (!Number.isInteger(games) || games < 1)
    throw new CliError(`--games takes a whole number from 1 up\n${USAGE}`);
  const seed = normaliseSeed(values.seed ?? 1);
  let chooser: Chooser | undefined;
  if (values.as !== undefined || values.choices !== undefined) {
    if (!values.as || !values.choices) throw new CliError(`--as and --choices go together\n${USAGE}`);
    if (!engineFor(scenario).compiled.playableIds.includes(values.as)) {
      throw new CliError(`--as ${values.as}: not a playable actor of ${scenario.meta.id}`);
    }
    chooser = readChoices(values.choices, scenario, values.as);
  }
  const started = Date.now();
  let lastReport = started;
  const summary = simulate(scenario, games, seed, chooser, (n) => {
    // Progress goes to stderr, so that stdout stays one clean document with --json.
    if (Date.now() - lastReport > 500) {
      process.stderr.write(`  ${n.toLocaleString('en')} / ${games.toLocaleString('en')} games\n`);
      lastReport = Date.now();
    }
  });
  const who = chooser
    ? `${values.as} played from ${values.choices}, the others by the computer`
    : 'every actor by the computer';
  console.log(
    flags.has('json') ? JSON.stringify({ ...summary, played: who }, null, 2) : formatSummary(summary, who),
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
