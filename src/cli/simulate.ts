// npm run simulate -- --scenario ID --games N --seed S [--as ACTOR --choices FILE | --history] [--record FILE] [--json]
// Plays N games (every seat by the computer, or one seat from a file of scripted choices, or every seat on the
// historical path) and prints the distribution of outcomes, the mean length, one example path per outcome, and how
// often each event fired and on which dates. With --record it plays one game and writes
// its record, which the game's own restore and `npm run replay` read.
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Scenario } from '../scenario/types.ts';
import { type Chooser, playBatchGame } from '../sim/batch.ts';
import { type CompiledScenario, compileScenario } from '../sim/compile.ts';
import { historicalChooser } from '../sim/history.ts';
import { type GameRecord, newRecord } from '../sim/record.ts';
import { normaliseSeed } from '../sim/rng.ts';
import { saveJson } from '../sim/save.ts';
import { type EventFigures, EventTally, type SimulationSummary, SummaryBuilder } from '../sim/summary.ts';
import type { World } from '../sim/world.ts';
import {
  CliError,
  knownScenario,
  loadScenarioArg,
  oneLine,
  parseArgs,
  readBoundedText,
  runCli,
  wholeNumber,
} from './scenario-arg.ts';

const USAGE = `usage: npm run simulate -- --scenario ID --games N --seed S [--as ACTOR --choices FILE | --history] [--record FILE] [--json]
  --games N        1 to 1,000,000 games (default 1000; 1 with --as or --record)
  --seed S         the first game's seed, 0 to 4294967295 or a word (game i plays from S + i); without it one is drawn
                   and printed on stderr, so that the games can be played again
  --as, --choices  plays ACTOR's seat from a YAML file of choices (at most 64 KB), the others by the computer
  --history        every seat takes what its real actor did on that date (the scenario's history) where it is
                   open; the computer decides where the sources report nothing
  --record FILE    writes the game's record (as the game saves it) to FILE; one game only, so --games must be 1
  --json           prints the summary as one JSON document on stdout`;

const MAX_GAMES = 1_000_000;
/** Far more than a plan for every turn of any scenario needs; /dev/zero or a log file by mistake is refused. */
const MAX_CHOICES_BYTES = 64 * 1024;

/**
 * A file of one actor's choices: a list (one entry per turn) or a map of turn id to entry. An entry is an
 * option, or a list of options in order of preference: the first one open at that moment is taken, as a
 * person would take a move the moment it becomes possible.
 */
export function readChoices(file: string, scenario: Scenario, actor: string): Chooser {
  const text = readBoundedText(file, MAX_CHOICES_BYTES, 'a choices file');
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new CliError(
      `${file}: cannot read the choices (${oneLine(e instanceof Error ? e.message.split('\n')[0]! : String(e))})`,
    );
  }
  const turns = scenario.turns.map((t) => t.id);
  const byTurn = new Map<string, string[]>();
  const entry = (turn: string, x: unknown): string[] => {
    const options = Array.isArray(x) ? x : [x];
    if (options.length === 0 || !options.every((o) => typeof o === 'string')) {
      throw new CliError(`${file}: ${turn}: expected an option id or a list of them`);
    }
    return options;
  };
  if (Array.isArray(data)) {
    if (data.length > turns.length) {
      throw new CliError(
        `${file}: ${data.length} choices, but ${scenario.meta.id} has ${turns.length} turns`,
      );
    }
    for (const [i, o] of data.entries()) byTurn.set(turns[i]!, entry(turns[i]!, o));
  } else if (data && typeof data === 'object') {
    for (const [turn, option] of Object.entries(data)) {
      if (!turns.includes(turn))
        throw new CliError(`${file}: ${oneLine(turn, 60)} is not a turn of ${scenario.meta.id}`);
      byTurn.set(turn, entry(turn, option));
    }
  } else throw new CliError(`${file}: expected a list of options or a map of turn id to option`);
  return (who, offer) => {
    // An offer with nothing open is a pass, whatever the file says.
    if (who !== actor || offer.options.length === 0) return undefined;
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
  return playMany(compileScenario(scenario), games, seed, chooser, onProgress);
}

function playMany(
  compiled: CompiledScenario,
  games: number,
  seed: number,
  chooser?: Chooser,
  onProgress?: (n: number) => void,
  events?: EventTally,
): SimulationSummary {
  const summary = new SummaryBuilder(compiled, seed);
  for (let i = 0; i < games; i++) {
    const gameSeed = (seed + i) >>> 0;
    const { world } = playBatchGame(compiled, gameSeed, chooser);
    summary.add(world, gameSeed);
    events?.add(world);
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
  }
  return summary.result();
}

/** One game and its record: every command it took, the scripted seat's seat changes and decisions among them. */
export function recordGame(
  c: CompiledScenario,
  seed: number,
  chooser?: Chooser,
): { record: GameRecord; world: World } {
  const { world, entries } = playBatchGame(c, seed, chooser, true);
  const record = newRecord(c, seed);
  record.entries = entries!;
  return { record, world };
}

export function formatSummary(s: SimulationSummary, who: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${s.scenario}: ${s.games.toLocaleString('en')} game${s.games === 1 ? '' : 's'} from seed ${s.seed} (${who})`,
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

/**
 * The events table: each of the scenario's events, in the scenario's order, with the games it fired in and the
 * dates it fired on. The ones that never fired stay in the table and are named again at the end, since an event
 * no path reaches is what an author most needs to see.
 */
export function formatEvents(events: readonly EventFigures[], games: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const width = Math.max(26, ...events.map((e) => e.id.length + 2));
  const never = events.filter((e) => e.games === 0).map((e) => e.id);
  return [
    `events over ${games.toLocaleString('en')} game${games === 1 ? '' : 's'}: the games each fired in, and on which dates (games that date)`,
    '',
    `${'event'.padEnd(width)}${'games'.padStart(8)}${'share'.padStart(9)}  dates`,
    ...events.map((e) => {
      const dates = e.dates.length
        ? e.dates.map((d) => `${d.date} (${d.games.toLocaleString('en')})`).join(', ')
        : 'never fired';
      return `${e.id.padEnd(width)}${e.games.toLocaleString('en').padStart(8)}${pct(e.share).padStart(9)}  ${dates}`;
    }),
    '',
    never.length
      ? `${never.length} of ${events.length} events never fired: ${never.join(', ')}`
      : `every one of the ${events.length} events fired at least once`,
  ].join('\n');
}

/** The seed typed, or one drawn and said on stderr (stdout stays one document with --json). */
function seedOf(typed: string | undefined): number {
  if (typed !== undefined) return normaliseSeed(typed);
  const drawn = randomInt(0, 0x1_0000_0000);
  process.stderr.write(
    `no --seed given: playing from seed ${drawn} (--seed ${drawn} plays these games again)\n`,
  );
  return drawn;
}

/** Writes the record where asked, and warns when `npm run replay` will not find its scenario among this game's. */
async function writeRecord(file: string, c: CompiledScenario, record: GameRecord): Promise<void> {
  try {
    writeFileSync(file, saveJson(record));
  } catch (e) {
    throw new CliError(`--record ${file}: cannot write it (${(e as NodeJS.ErrnoException).code ?? e})`, 1);
  }
  process.stderr.write(`wrote the record of the game from seed ${record.seed} to ${file}\n`);
  const known = await knownScenario(c.scenario.meta.id).catch(() => undefined);
  if (known?.digest !== c.digest) {
    process.stderr.write(
      `note: ${c.scenario.meta.id} as played here is not one of this game's scenarios/, so replay will refuse the record\n`,
    );
  }
}

async function main(): Promise<number> {
  const { values, flags, rest } = parseArgs(
    process.argv.slice(2),
    ['scenario', 'games', 'seed', 'as', 'choices', 'record'],
    ['json', 'help', 'history'],
  );
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length > 0) throw new CliError(`unexpected ${oneLine(rest.join(' '), 80)}\n${USAGE}`);
  const games =
    values.games === undefined
      ? values.as || values.record
        ? 1
        : 1000
      : wholeNumber('--games', values.games, 1, MAX_GAMES);
  // One record is one game; a record per game of a million-game run would be a million files.
  if (values.record !== undefined && games !== 1) {
    throw new CliError(`--record writes one game's record: use --games 1 with it, not --games ${games}`);
  }
  const scenario = await loadScenarioArg(values.scenario ?? 'baghdad-2021');
  const compiled = compileScenario(scenario);
  const history = flags.has('history');
  let chooser: Chooser | undefined;
  if (history && (values.as !== undefined || values.choices !== undefined)) {
    throw new CliError(
      '--history plays every seat on the historical path: it cannot be combined with --as/--choices',
    );
  }
  if (history) chooser = historicalChooser(compiled);
  // Every run reports how often each event fired and on which dates: the 7 November attack on its day in every
  // game is the scenario's premise, and a reader checks it here as for the historical path.
  const events = new EventTally(compiled);
  if (values.as !== undefined || values.choices !== undefined) {
    if (!values.as || !values.choices) throw new CliError(`--as and --choices go together\n${USAGE}`);
    if (!compiled.playableIds.includes(values.as)) {
      throw new CliError(`--as ${oneLine(values.as, 60)}: not a playable actor of ${scenario.meta.id}`);
    }
    chooser = readChoices(values.choices, scenario, values.as);
  }
  const seed = seedOf(values.seed);
  let summary: SimulationSummary;
  if (values.record !== undefined) {
    const { record, world } = recordGame(compiled, seed, chooser);
    await writeRecord(values.record, compiled, record);
    const builder = new SummaryBuilder(compiled, seed);
    builder.add(world, seed);
    events.add(world);
    summary = builder.result();
  } else {
    let lastReport = Date.now();
    summary = playMany(
      compiled,
      games,
      seed,
      chooser,
      (n) => {
        // Progress goes to stderr, so that stdout stays one clean document with --json.
        if (Date.now() - lastReport > 500) {
          process.stderr.write(`  ${n.toLocaleString('en')} / ${games.toLocaleString('en')} games\n`);
          lastReport = Date.now();
        }
      },
      events,
    );
  }
  const who = history
    ? 'every actor its historical option where one is open, the computer elsewhere'
    : chooser
      ? `${values.as} played from ${values.choices}, the others by the computer`
      : 'every actor by the computer';
  const eventFigures = events.result();
  if (flags.has('json')) {
    console.log(JSON.stringify({ ...summary, played: who, events: eventFigures }, null, 2));
  } else {
    console.log(formatSummary(summary, who));
    console.log(`\n${formatEvents(eventFigures, summary.games)}`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
