// A game is its record: the scenario's id and content digest, the seed, and every accepted command in order.
// Every state, view, save, replay and fork is rebuilt from it; a state is only ever a cache of a record.
import { z } from 'zod';
import { type Entry, EntrySchema, firstIssue } from './commands.ts';
import type { CompiledScenario } from './compile.ts';
import { applyOwned } from './engine.ts';
import { MAX_RECORD_ENTRIES } from './limits.ts';
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

/** A record that cannot be used: one sentence that says why, and where. */
export class RecordError extends Error {
  override name = 'RecordError';
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
      throw new RecordError(`Command ${i + 1} (turn ${state.world.turn + 1}) is refused: ${result.message}`);
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
    throw new RecordError('This is not a Crisis Table game record.');
  if (raw.version !== RECORD_VERSION) {
    throw new RecordError(
      `This record is format version ${JSON.stringify(raw.version)}; this game reads version ${RECORD_VERSION}.`,
    );
  }
  const parsed = RecordSchema.safeParse(raw);
  if (!parsed.success) throw new RecordError(`This record is damaged: ${firstIssue(parsed.error)}.`);
  const { checksum, ...record } = parsed.data;
  const c = known(record.scenario.id);
  if (!c)
    throw new RecordError(`This record is of a scenario this game does not have (${record.scenario.id}).`);
  if (record.scenario.digest !== c.digest) {
    throw new RecordError(
      `The scenario's content has changed since this record was made (${record.scenario.id} ${record.scenario.version}).`,
    );
  }
  return { record: record as GameRecord, checksum, c };
}
