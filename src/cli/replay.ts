// npm run replay -- FILE: rebuilds a game from its record (a record, a saved game, or a version-2 save, which is
// carried over) through the game's own restore, so that replay and restore never disagree. Exit 0 when every
// command is accepted again, with one line on the game; exit 1 with one sentence saying what is wrong and where.
// The file may be hostile: its size and nesting are bounded before it is parsed, and the scenario it names is
// looked up only among this game's own (never used as a path).
import type { CompiledScenario } from '../sim/compile.ts';
import { RECORD_FORMAT } from '../sim/record.ts';
import { MAX_SAVE_CHARS, type Restored, restoreSave, SaveError } from '../sim/save.ts';
import { V2_FORMAT } from '../sim/save-v2.ts';
import { CliError, knownScenario, oneLine, parseArgs, readBoundedText, runCli } from './scenario-arg.ts';

const USAGE = 'usage: npm run replay -- FILE   (a record written by simulate --record, or a saved game)';

/** Far deeper than any record or save (a version-2 save's persisted actors are about 20 levels). */
export const MAX_NESTING = 200;

export interface ReplayReport {
  /** Turns resolved, the last one included when the game has ended. */
  turns: number;
  commands: number;
  outcome: string | null;
  phase: 'setup' | 'deciding' | 'ended';
  /** A version-2 save, carried over to a record. */
  migrated: boolean;
}

/** Whether JSON text nests deeper than `limit`, found without parsing it (parsing and printing it recurse). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // a backslash escapes the next character, a quote among them
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describeValue(x: unknown): string {
  if (typeof x === 'string')
    return `the text ${oneLine(JSON.stringify(x.slice(0, 20)))}${x.length > 20 ? '…' : ''}`;
  if (x === null) return 'null';
  return Array.isArray(x) ? 'a list' : typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}

/**
 * What is checked before restore sees the text: its nesting (printing or walking a value 100,000 levels deep
 * overflows the stack, so it is counted on the text), and a version that is not a number at all: restore would
 * print "2" as format version 2 and say it reads version 2, which makes no sense. Returns the parsed document.
 */
function precheck(text: string, file: string): unknown {
  const refuse = (why: string) => new CliError(`${file}: ${why}`, 1);
  if (nestsDeeperThan(text, MAX_NESTING)) {
    throw refuse(`This is not a game record: it is nested more than ${MAX_NESTING} levels deep.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw refuse(`This is not a game record: it is not valid JSON (${oneLine((e as Error).message, 120)}).`);
  }
  const ours = (d: unknown): d is Record<string, unknown> =>
    isObject(d) && (d.format === RECORD_FORMAT || d.format === V2_FORMAT);
  if (ours(doc) && typeof doc.version !== 'number') {
    const what = doc.format === V2_FORMAT ? 'save' : 'record';
    throw refuse(
      `This ${what} is damaged: its version is ${describeValue(doc.version)}, where a number belongs.`,
    );
  }
  return doc;
}

/**
 * The game of a record's text, rebuilt command by command, with its scenario; throws a one-sentence CliError
 * (exit 1) naming what is wrong. `npm run replay` and `npm run report` both read records through it.
 */
export async function restoreText(
  text: string,
  file: string,
  find = knownScenario,
): Promise<Restored & { c: CompiledScenario }> {
  const doc = precheck(text, file);
  const scenario = isObject(doc) && isObject(doc.scenario) ? doc.scenario : {};
  // Only the id the record gives is looked for; anything restore does not ask about stays unknown.
  const id = typeof scenario.id === 'string' && scenario.id.length <= 100 ? scenario.id : undefined;
  const compiled = id === undefined ? undefined : await find(id);
  try {
    const restored = restoreSave(text, (asked) => (asked === id ? compiled : undefined));
    return { ...restored, c: compiled! };
  } catch (e) {
    if (e instanceof SaveError) throw new CliError(`${file}: ${oneLine(e.message)}`, 1);
    throw e;
  }
}

/** Rebuilds the game of a record's text; throws a one-sentence CliError (exit 1) naming what is wrong. */
export async function replayText(text: string, file: string, find = knownScenario): Promise<ReplayReport> {
  const { state, record, migrated } = await restoreText(text, file, find);
  const outcome = state.world.outcome;
  return {
    turns: outcome ? outcome.turn + 1 : state.world.turn,
    commands: record.entries.length,
    outcome: outcome?.id ?? null,
    phase: state.phase,
    migrated,
  };
}

export function formatReport(file: string, r: ReplayReport): string {
  const where =
    r.phase === 'ended'
      ? `outcome ${r.outcome ?? 'none (ended by the facilitator)'}`
      : r.phase === 'setup'
        ? 'not started'
        : `no outcome yet (turn ${r.turns + 1} open)`;
  const carried = r.migrated ? '; a version-2 save, carried over to a record' : '';
  return `${file}: reproduces: ${r.turns} turns, ${r.commands} commands, ${where}${carried}`;
}

async function main(): Promise<number> {
  const { flags, rest } = parseArgs(process.argv.slice(2), [], ['help']);
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length !== 1) throw new CliError(USAGE);
  const file = rest[0]!;
  const text = readBoundedText(file, MAX_SAVE_CHARS, 'a game record', 1);
  console.log(formatReport(file, await replayText(text, file)));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
