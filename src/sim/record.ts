// A game is its record: the scenario's id and content digest, the seed, and every accepted command in order.
// Every state, view, save, replay and fork is rebuilt from it; a state is only ever a cache of a record.
import { z } from 'zod';
import { type Entry, EntrySchema } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { applyOwned } from './engine.ts';
import { MAX_RECORD_ENTRIES } from './limits.ts';
import { damagedAt, type ReadProblem, readProblemSentence } from './read-problem.ts';
import { type GameState, initialState } from './state.ts';

export const RECORD_FORMAT = 'crisis-table/record';
export const RECORD_VERSION = 1;
/** More commands than any game needs: the one bound the server and every reader share (limits.ts). */
export const MAX_ENTRIES = MAX_RECORD_ENTRIES;

export interface GameRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  scenario: { id: string; version: string; digest: string };
  seed: number;
  entries: Entry[];
}

/** A record that cannot be used: one sentence that says why, and where; and the same as data, for the screens. */
export class RecordError extends Error {
  override name = 'RecordError';
  /** The problem and its place, which a screen says in its own language (read-problem.ts). */
  readonly problem: ReadProblem;

  constructor(problem: ReadProblem) {
    super(readProblemSentence(problem));
    this.problem = problem;
  }
}

export function newRecord(c: CompiledScenario, seed: number): GameRecord {
  const { id, version } = c.scenario.meta;
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    scenario: { id, version, digest: c.digest },
    seed,
    entries: [],
  };
}

/** Where to stop a replay: before command number `command` (1-based), or when turn `turn` (0-based) opens. */
export interface ReplayStop {
  command?: number;
  turn?: number;
}

/**
 * The state after the record's commands, or at a stop. Throws a RecordError naming the first command the engine
 * refuses: a record holds only accepted commands, so a refusal means it was changed or belongs to another game.
 */
export function replay(c: CompiledScenario, record: GameRecord, stop: ReplayStop = {}): GameState {
  return replayEntries(c, record.seed, record.entries, stop).state;
}

function replayEntries(
  c: CompiledScenario,
  seed: number,
  entries: readonly Entry[],
  stop: ReplayStop,
): { state: GameState; applied: number } {
  let state = initialState(c, seed);
  let i = 0;
  for (; i < entries.length; i++) {
    if (stop.command !== undefined && i + 1 >= stop.command) break;
    if (stop.turn !== undefined && state.phase !== 'setup' && state.world.turn >= stop.turn) break;
    const result = applyOwned(c, state, entries[i]!);
    if (!result.ok && result.code === 'unchanged') {
      // A record written before a repeated decision was refused holds it: it was accepted then, and changed nothing.
      state.accepted++;
      continue;
    }
    if (!result.ok) {
      const params = { command: i + 1, turn: state.world.turn + 1, detail: result.message };
      throw new RecordError({ key: 'record.command', params });
    }
    state = result.state;
  }
  return { state, applied: i };
}

/**
 * A new record that shares this one's past up to the moment turn `turn` opened, ready to go on with other
 * commands. Forking at a turn the game never reached keeps the whole record.
 */
export function forkAt(c: CompiledScenario, record: GameRecord, turn: number): GameRecord {
  const { applied } = replayEntries(c, record.seed, record.entries, { turn });
  return { ...record, scenario: { ...record.scenario }, entries: record.entries.slice(0, applied) };
}

// --- reading a record that comes from outside ----------------------------------------------------------------

/** Built on first use, as the commands' schemas are (commands.ts): a game the page plays itself reads no record. */
const RecordSchema = z.lazy(() =>
  z.strictObject({
    format: z.literal(RECORD_FORMAT),
    version: z.literal(RECORD_VERSION),
    scenario: z.strictObject({
      id: z.string().min(1).max(100),
      version: z.string().max(100),
      digest: z.string().regex(/^[0-9a-f]{8}$/),
    }),
    seed: z.number().int().min(0).max(0xffffffff),
    entries: z.array(EntrySchema).max(MAX_ENTRIES),
    /** A save's seal (save.ts); a record read elsewhere may leave it out. */
    checksum: z
      .string()
      .regex(/^[0-9a-f]{8}$/)
      .optional(),
  }),
);

export type RecordDocument = z.output<typeof RecordSchema>;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Checks a record document field by field and finds its scenario among the known ones (never as a path).
 * `known` maps a scenario id to its compiled scenario, or undefined when this game does not have it.
 */
export function readRecord(
  raw: unknown,
  known: (id: string) => CompiledScenario | undefined,
): { record: GameRecord; checksum: string | undefined; c: CompiledScenario } {
  if (!isObject(raw) || raw.format !== RECORD_FORMAT)
    throw new RecordError({ key: 'record.not-record', params: {} });
  if (raw.version !== RECORD_VERSION) {
    const params = { version: JSON.stringify(raw.version) ?? 'undefined', reads: RECORD_VERSION };
    throw new RecordError({ key: 'record.version', params });
  }
  const parsed = RecordSchema.safeParse(raw);
  if (!parsed.success) throw new RecordError(damagedAt('record.damaged', parsed.error));
  const { checksum, ...record } = parsed.data;
  const c = known(record.scenario.id);
  const { id, version } = record.scenario;
  if (!c) throw new RecordError({ key: 'record.unknown-scenario', params: { scenario: id } });
  if (record.scenario.digest !== c.digest)
    throw new RecordError({ key: 'record.scenario-changed', params: { scenario: id, version } });
  return { record: record as GameRecord, checksum, c };
}
