// A saved game: a versioned JSON document with the persisted actor system and the decision log. A document
// from another version, another scenario, or damaged in any way is refused with one clear sentence.
import { createActor } from 'xstate';
import type { Scenario } from '../scenario/types.ts';
import type { Control } from './faction.machine.ts';
import { engineFor, Game } from './game.ts';
import { hashParts } from './rng.ts';
import type { DecisionRecord } from './world.ts';

export const SAVE_FORMAT = 'crisis-table/save';
export const SAVE_VERSION = 1;

export interface SaveDocument {
  format: typeof SAVE_FORMAT;
  version: number;
  scenario: { id: string; version: string; digest: string };
  seed: number;
  seats: Record<string, Control>;
  /** Every choice so far, by turn: with the seed, it reproduces the game. */
  log: DecisionRecord[];
  outcome: string | null;
  savedTurn: number;
  /** Detects a document changed after it was written: a hash of the snapshot's JSON. */
  checksum: string;
  /** Last, so that a reader can hash its text as written without serialising it again. */
  snapshot: unknown;
}

export class SaveError extends Error {
  override name = 'SaveError';
}

function hashText(json: string): string {
  return hashParts(json).toString(16).padStart(8, '0');
}

export function checksumOf(snapshot: unknown): string {
  return hashText(JSON.stringify(snapshot));
}

function envelope(game: Game, checksum: string): Omit<SaveDocument, 'snapshot'> {
  const { context } = game.snapshot;
  const meta = game.compiled.scenario.meta;
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenario: { id: meta.id, version: meta.version, digest: game.compiled.digest },
    seed: context.seed,
    seats: { ...context.seats },
    log: context.world.log,
    outcome: context.world.outcome?.id ?? null,
    savedTurn: context.world.turn,
    checksum,
  };
}

export function saveGame(game: Game): SaveDocument {
  const snapshot = game.actor.getPersistedSnapshot();
  return { ...envelope(game, checksumOf(snapshot)), snapshot };
}

/** The save as JSON text, serialising the snapshot once: autosave runs after every turn. */
export function saveGameJson(game: Game): string {
  const snapshotJson = JSON.stringify(game.actor.getPersistedSnapshot());
  const head = JSON.stringify(envelope(game, hashText(snapshotJson)));
  return `${head.slice(0, -1)},"snapshot":${snapshotJson}}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Checks the envelope and returns the document; throws a SaveError naming what is wrong. `snapshotText` is the
 * snapshot's JSON as it stands in the file, when known; otherwise the snapshot is serialised to be checked.
 */
export function checkSaveDocument(scenario: Scenario, doc: unknown, snapshotText?: string): SaveDocument {
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
    snapshotText !== undefined && hashText(snapshotText) === doc.checksum
      ? doc.checksum
      : checksumOf(doc.snapshot);
  if (doc.checksum !== sum) throw new SaveError('This save is damaged: its checksum does not match.');
  return doc as unknown as SaveDocument;
}

export function restoreGame(scenario: Scenario, doc: unknown, snapshotText?: string): Game {
  const checked = checkSaveDocument(scenario, doc, snapshotText);
  const engine = engineFor(scenario);
  let game: Game;
  try {
    const actor = createActor(engine.machine, {
      snapshot: checked.snapshot as never,
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

export function restoreGameFromJson(scenario: Scenario, json: string): Game {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new SaveError('This save is damaged: it is not valid JSON.');
  }
  // A file as saveGameJson wrote it ends with its snapshot: its text can be hashed as it stands.
  const at = json.indexOf('"snapshot":');
  const text = at >= 0 && json.endsWith('}') ? json.slice(at + 11, -1) : undefined;
  return restoreGame(scenario, doc, text);
}
