// A saved game is its record (record.ts) with a checksum over all of it, which catches a file damaged in
// storage or by hand. Restoring one replays it through the engine, so every command in it is checked again.
// A version-2 save from before the record (decision log and persisted actors) is carried over, not lost.
import type { CompiledScenario } from './compile.ts';
import { hashText } from './hash-text.ts';
import { MAX_READ_BYTES } from './limits.ts';
import { asSaveProblem, type ReadProblem, readProblemSentence } from './read-problem.ts';
import { type GameRecord, RECORD_FORMAT, RecordError, readRecord, replay } from './record.ts';
import { migrateV2Save, V2_FORMAT } from './save-v2.ts';
import type { GameState } from './state.ts';

/** More than any real save (a finished class game is about 20 KB): a bigger text is refused unread (limits.ts). */
export const MAX_SAVE_CHARS = MAX_READ_BYTES;

/** A save that cannot be used: one sentence that says why, and where; and the same as data, for the screens. */
export class SaveError extends Error {
  override name = 'SaveError';
  /** The problem and its place, which a screen says in its own language (read-problem.ts). */
  readonly problem: ReadProblem;

  constructor(problem: ReadProblem) {
    super(readProblemSentence(problem));
    this.problem = problem;
  }
}

/**
 * The checksum covers every field of the record: the scenario, the seed and the commands. A changed seed would
 * replay as another game, so it is damage too. The head is hashed as a list, so that the order of keys in a
 * reformatted file does not matter.
 */
function checksumOf(record: GameRecord, entriesJson = JSON.stringify(record.entries)): string {
  const { format, version, scenario, seed } = record;
  return hashText(
    JSON.stringify([format, version, scenario.id, scenario.version, scenario.digest, seed]) + entriesJson,
  );
}

/** The save as JSON text: the record, its checksum before its commands. */
export function saveJson(record: GameRecord): string {
  const { entries, ...head } = record;
  const entriesJson = JSON.stringify(entries);
  return `${JSON.stringify(head).slice(0, -1)},"checksum":"${checksumOf(record, entriesJson)}","entries":${entriesJson}}`;
}

export interface Restored {
  c: CompiledScenario;
  record: GameRecord;
  state: GameState;
  /** The save was of an older format and has been carried over: the caller should write it again. */
  migrated: boolean;
}

/**
 * Reads a save written by this game or by its previous format. Every refusal is one sentence: not a save, another
 * scenario or edition, damaged (with where), or a command the engine refuses.
 */
export function restoreSave(json: string, known: (id: string) => CompiledScenario | undefined): Restored {
  if (json.length > MAX_SAVE_CHARS) throw new SaveError({ key: 'save.too-large', params: {} });
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new SaveError({ key: e instanceof RangeError ? 'save.too-deep' : 'save.not-json', params: {} });
  }
  try {
    if (isObject(doc) && doc.format === V2_FORMAT) {
      const { c, record } = migrateV2Save(doc, known);
      return { c, record, state: replay(c, record), migrated: true };
    }
    if (!isObject(doc) || doc.format !== RECORD_FORMAT)
      throw new SaveError({ key: 'save.not-save', params: {} });
    const { record, checksum, c } = readRecord(doc, known);
    if (checksum !== undefined && checksum !== checksumOf(record)) {
      throw new SaveError({ key: 'save.checksum', params: {} });
    }
    return { c, record, state: replay(c, record), migrated: false };
  } catch (e) {
    if (e instanceof SaveError) throw e;
    // The record's problem, said of the save: the same place.
    if (e instanceof RecordError) throw new SaveError(asSaveProblem(e.problem));
    throw new SaveError({
      key: 'save.unreadable',
      params: { detail: e instanceof Error ? e.message : String(e) },
    });
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
