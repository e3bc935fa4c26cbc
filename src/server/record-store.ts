// Where the classroom server keeps its games: each room's record (the scenario, the seed and every accepted
// command), its settings, the hash of the facilitator's key and the hashes of its devices' tokens. Nothing here
// holds a student's name. A command is appended before its result is sent to anyone, so a restarted server
// rebuilds every room at the command it had reached.
import { createHash } from 'node:crypto';
import type { Entry } from '../sim/commands.ts';
import type { GameRecord } from '../sim/record.ts';

export interface RoomSettings {
  autoResolve: boolean;
  /**
   * A what-if room: the game it forked from, to set beside it when it ends. That game's first `forkedAt` commands
   * are the room's own first commands, so only the rest (`originTail`) is kept: the record is written once.
   */
  forkedAt?: number | undefined;
  originTail?: Entry[] | undefined;
  /** Rooms opened before the above kept the whole origin record here; they are still read. */
  origin?: GameRecord | undefined;
}

/** The record a what-if room forked from, or null for a room that did not fork. */
export function originOf(settings: RoomSettings, record: GameRecord): GameRecord | null {
  if (settings.origin) return settings.origin;
  if (settings.forkedAt === undefined || !settings.originTail) return null;
  return { ...record, entries: record.entries.slice(0, settings.forkedAt).concat(settings.originTail) };
}

export interface StoredRoom {
  code: string;
  record: GameRecord;
  settings: RoomSettings;
  keyHash: string;
  /** Device token hash -> the seat it holds (null: in the room, no seat yet). */
  devices: Map<string, string | null>;
  ended: boolean;
}

export interface RecordStore {
  /** Keeps a new room; false when its code is already taken. */
  create(room: Omit<StoredRoom, 'devices' | 'ended'>): Promise<boolean>;
  /** Appends commands `at`, `at + 1`, …; refuses (throws) a gap or an overlap, so no command is lost or doubled. */
  append(code: string, at: number, entries: readonly Entry[], ended: boolean): Promise<void>;
  setDevice(code: string, tokenHash: string, seat: string | null): Promise<void>;
  load(code: string): Promise<StoredRoom | null>;
  /** Codes of the games not ended that changed since `since` (ms since the epoch), the most recent first. */
  openRooms(since: number): Promise<string[]>;
  close(): Promise<void>;
}

/** Secrets are kept only as hashes: a copied data folder does not let anyone into a room. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export class StoreError extends Error {
  override name = 'StoreError';
}
