// A saved game: a versioned JSON document with the decision log and the persisted actor system. A document
// from another version, another scenario, or damaged in any way is refused with one clear sentence.
import { createActor } from 'xstate';
import type { Scenario } from '../scenario/types.ts';
import type { Control } from './faction.machine.ts';
import { engineFor, Game } from './game.ts';
import { compactSnapshot, expandSnapshot } from './save-format.ts';
import type { DecisionRecord } from './world.ts';

export const SAVE_FORMAT = 'crisis-table/save';
export const SAVE_VERSION = 2;

export interface SaveDocument {
  format: typeof SAVE_FORMAT;
  version: number;
  scenario: { id: string; version: string; digest: string };
  seed: number;
  seats: Record<string, Control>;
  outcome: string | null;
  savedTurn: number;
  /** Detects a document changed after it was written: a hash of the text of what follows it, log and snapshot. */
  checksum: string;
  /** Every choice so far, by turn: with the seed, it reproduces the game. */
  log: DecisionRecord[];
  /**
   * The persisted actor system, less the log (above) and what follows from it (see save-format.ts). Last, with
   * the log before it, so that a reader can hash their text as written without serialising them again.
   */
  snapshot: unknown;
}

export class SaveError extends Error {
  override name = 'SaveError';
}

// The WHATWG encoder is in every browser and in Node; the simulation's typing, which has no DOM, does not name it.
interface Encoder {
  encodeInto(text: string, into: Uint8Array): { written: number };
}
const encoder = new (globalThis as unknown as { TextEncoder: new () => Encoder }).TextEncoder();
// Reused: allocating a fresh buffer for every save costs more than hashing it.
let scratch = new Uint8Array(1 << 16);

/**
 * A 32-bit hash of the text's UTF-8 bytes, four at a time: the save is hashed on every autosave and every load,
 * and this is many times faster than hashing it character by character. Words are read in the machine's byte
 * order, which is little-endian on every platform the game runs on.
 */
function hashText(text: string): string {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const length = encoder.encodeInto(text, scratch).written;
  const words = new Int32Array(scratch.buffer, 0, length >> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i]!, 0x01000193);
    h ^= h >>> 15;
  }
  for (let i = words.length * 4; i < length; i++) h = Math.imul(h ^ scratch[i]!, 0x01000193);
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The text the checksum covers: the log and the snapshot, as saveGameJson writes them. */
function sealedText(logJson: string, snapshotJson: string): string {
  return `"log":${logJson},"snapshot":${snapshotJson}`;
}

export function checksumOf(doc: { log: unknown; snapshot: unknown }): string {
  return hashText(sealedText(JSON.stringify(doc.log), JSON.stringify(doc.snapshot)));
}

function envelope(game: Game): Omit<SaveDocument, 'checksum' | 'log' | 'snapshot'> {
  const { context } = game.snapshot;
  const meta = game.compiled.scenario.meta;
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenario: { id: meta.id, version: meta.version, digest: game.compiled.digest },
    seed: context.seed,
    seats: { ...context.seats },
    outcome: context.world.outcome?.id ?? null,
    savedTurn: context.world.turn,
  };
}

export function saveGame(game: Game): SaveDocument {
  const log = game.snapshot.context.world.log;
  const snapshot = compactSnapshot(game.actor.getPersistedSnapshot());
  return { ...envelope(game), checksum: checksumOf({ log, snapshot }), log, snapshot };
}

/** The save as JSON text, serialising each part once: autosave runs after every turn. */
export function saveGameJson(game: Game): string {
  const sealed = sealedText(
    JSON.stringify(game.snapshot.context.world.log),
    JSON.stringify(compactSnapshot(game.actor.getPersistedSnapshot())),
  );
  const head = JSON.stringify(envelope(game));
  return `${head.slice(0, -1)},"checksum":"${hashText(sealed)}",${sealed}}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Checks the envelope and returns the document; throws a SaveError naming what is wrong. `sealedText` is the text
 * of the log and snapshot as it stands in the file, when known; otherwise they are serialised to be checked.
 */
export function checkSaveDocument(scenario: Scenario, doc: unknown, sealedText?: string): SaveDocument {
  if (!isRecord(doc) || doc.format !== SAVE_FORMAT)
    throw new SaveError('This is not a Crisis Table saved game.');
  if (doc.version !== SAVE_VERSION) {
    throw new SaveError(
      `This save is format version ${String(doc.version)}; this game reads version ${SAVE_VERSION}.`,
    );
  }
  const { compiled } = engineFor(scenario);
  const s = doc.scenario;
  if (!isRecord(s) || s.id !== scenario.meta.id) {
    throw new SaveError(`This save is of another scenario (${isRecord(s) ? String(s.id) : 'unknown'}).`);
  }
  if (s.digest !== compiled.digest) {
    throw new SaveError(
      `This save was made with another edition of ${scenario.meta.id} (${String(s.version)}).`,
    );
  }
  if (
    typeof doc.seed !== 'number' ||
    !isRecord(doc.seats) ||
    !Array.isArray(doc.log) ||
    !isRecord(doc.snapshot)
  ) {
    throw new SaveError('This save is damaged: a part of it is missing.');
  }
  const sum =
    sealedText !== undefined && hashText(sealedText) === doc.checksum
      ? doc.checksum
      : checksumOf({ log: doc.log, snapshot: doc.snapshot });
  if (doc.checksum !== sum) throw new SaveError('This save is damaged: its checksum does not match.');
  return doc as unknown as SaveDocument;
}

/** The persisted snapshot of a checked document, whole again. */
export function savedSnapshot(scenario: Scenario, doc: SaveDocument): unknown {
  try {
    return expandSnapshot(engineFor(scenario).compiled, doc.snapshot, doc.log);
  } catch (e) {
    throw new SaveError(`This save is damaged: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

export function restoreGame(scenario: Scenario, doc: unknown, sealedText?: string): Game {
  const checked = checkSaveDocument(scenario, doc, sealedText);
  const snapshot = savedSnapshot(scenario, checked);
  const engine = engineFor(scenario);
  let game: Game;
  try {
    const actor = createActor(engine.machine, {
      snapshot: snapshot as never,
      input: { seed: checked.seed, seats: checked.seats },
    });
    actor.start();
    game = new Game(engine, actor);
  } catch (e) {
    throw new SaveError(`This save is damaged: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const missing = engine.compiled.actorIds.filter((a) => !game.snapshot.children[a]);
  if (game.snapshot.status !== 'active' || missing.length > 0) {
    game.stop();
    throw new SaveError('This save is damaged: the game in it cannot be restored.');
  }
  return game;
}

// The checksum's 8 hex digits then the log: no actor or option id can spell this.
const SEALED_START = /"checksum":"[0-9a-f]{8}","log":/;

export function restoreGameFromJson(scenario: Scenario, json: string): Game {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new SaveError('This save is damaged: it is not valid JSON.');
  }
  // A file as saveGameJson wrote it ends with its log and snapshot: their text can be hashed as it stands.
  const at = SEALED_START.exec(json);
  const text = at && json.endsWith('}') ? json.slice(at.index + at[0].length - 6, -1) : undefined;
  return restoreGame(scenario, doc, text);
}
