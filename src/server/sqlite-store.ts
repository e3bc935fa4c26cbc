// The embedded store: one SQLite file in the data folder (better-sqlite3 12). Writes are synchronous and in WAL
// mode, so a command is on disk before the room answers, and a killed process loses nothing it acknowledged.
// Fail-stop: every write first checks that the file is still the one opened and still writable, and any error is a
// StoreError in one sentence; the room then stops taking commands (classroom.room.ts).
import { accessSync, constants, mkdirSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Entry } from '../sim/commands.ts';
import type { GameRecord } from '../sim/record.ts';
import { type RecordStore, type RoomSettings, type StoredRoom, StoreError } from './record-store.ts';

export const SQLITE_FILE = 'crisis-table.sqlite';

/**
 * Opens (or creates) the store in `dataDir`. A folder or database that cannot be used is a StoreError of one
 * sentence naming the path and why: missing and not creatable, not a folder, read-only, not a database, damaged.
 */
export function openSqliteStore(dataDir: string): RecordStore {
  const file = join(dataDir, SQLITE_FILE);
  const fail = (why: string) => new StoreError(`cannot use the database ${file}: ${why}.`);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw fail(`the data folder cannot be created (${codeOf(e)})`);
  }
  let dir: Stats;
  try {
    dir = statSync(dataDir);
  } catch (e) {
    throw fail(`the data folder cannot be read (${codeOf(e)})`);
  }
  if (!dir.isDirectory()) throw fail('the data folder is not a folder');
  const existing = statOrNull(file);
  if (existing && !existing.isFile()) throw fail('it is not a file');
  if (!writable(dataDir) || (existing && !writable(file))) throw fail('it is read-only');
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    // Exclusive locking, set before the WAL is first read, keeps the WAL index in the process's memory, not in a
    // mapped -shm file: a file changed or made immutable under the server then fails a write with an error, not
    // the process with SIGBUS. (Another process cannot open the database while the server runs.)
    db.pragma('locking_mode = EXCLUSIVE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`it is damaged (${String(check).slice(0, 80)})`);
    return new SqliteStore(db, file);
  } catch (e) {
    db?.close();
    if (e instanceof StoreError) throw e;
    throw fail(oneSentence(e));
  }
}

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? oneSentence(e);
}

function oneSentence(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/\.$/, '');
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Writable by this process, and not marked read-only by its owner (root may write a file with no write bit). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  return (statSync(path).mode & 0o222) !== 0;
}

class SqliteStore implements RecordStore {
  private readonly q;
  private readonly opened: { dev: number; ino: number };

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        code TEXT PRIMARY KEY, header TEXT NOT NULL, settings TEXT NOT NULL, key_hash TEXT NOT NULL,
        ended INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS entries (
        code TEXT NOT NULL, n INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (code, n));
      CREATE TABLE IF NOT EXISTS devices (
        code TEXT NOT NULL, token_hash TEXT NOT NULL, seat TEXT, PRIMARY KEY (code, token_hash));`);
    this.q = {
      insertRoom: db.prepare(
        'INSERT OR IGNORE INTO rooms (code, header, settings, key_hash, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      count: db.prepare('SELECT COUNT(*) AS n FROM entries WHERE code = ?'),
      insertEntry: db.prepare('INSERT INTO entries (code, n, entry) VALUES (?, ?, ?)'),
      touch: db.prepare('UPDATE rooms SET ended = ?, updated_at = ? WHERE code = ?'),
      setDevice: db.prepare('INSERT OR REPLACE INTO devices (code, token_hash, seat) VALUES (?, ?, ?)'),
      room: db.prepare('SELECT header, settings, key_hash, ended FROM rooms WHERE code = ?'),
      entries: db.prepare('SELECT entry FROM entries WHERE code = ? ORDER BY n'),
      devices: db.prepare('SELECT token_hash, seat FROM devices WHERE code = ?'),
      open: db.prepare(
        'SELECT code FROM rooms WHERE ended = 0 AND updated_at >= ? ORDER BY updated_at DESC, code',
      ),
    };
    const st = statSync(file);
    this.opened = { dev: st.dev, ino: st.ino };
  }

  /**
   * Before each write: the file at the path is still the one open (not deleted, not replaced) and not made
   * read-only. Otherwise a write would go to a file nobody will read again, and be lost silently at the restart.
   */
  private checkFile(): void {
    const st = statOrNull(this.file);
    if (!st) throw new StoreError(`the database ${this.file} is gone`);
    if (st.dev !== this.opened.dev || st.ino !== this.opened.ino)
      throw new StoreError(`the database ${this.file} was replaced by another file`);
    if (!writable(this.file)) throw new StoreError(`the database ${this.file} was made read-only`);
  }

  /** Runs a write, every failure a StoreError in one line. */
  private write<T>(what: string, run: () => T): T {
    try {
      this.checkFile();
      return run();
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(`${what} failed: ${oneSentence(e)}`);
    }
  }

  async create(room: Omit<StoredRoom, 'devices' | 'ended'>): Promise<boolean> {
    const { entries: _, ...header } = room.record;
    const info = this.write('keeping a new room', () =>
      this.q.insertRoom.run(
        room.code,
        JSON.stringify(header),
        JSON.stringify(room.settings),
        room.keyHash,
        Date.now(),
      ),
    );
    if (info.changes === 1 && room.record.entries.length > 0) {
      await this.append(room.code, 0, room.record.entries, false);
    }
    return info.changes === 1;
  }

  async append(code: string, at: number, entries: readonly Entry[], ended: boolean): Promise<void> {
    this.write(`room ${code}: writing commands`, () =>
      this.db.transaction(() => {
        const { n } = this.q.count.get(code) as { n: number };
        if (n !== at)
          throw new StoreError(`room ${code} holds ${n} commands, not ${at}: the append is refused`);
        for (const [i, e] of entries.entries()) this.q.insertEntry.run(code, at + i, JSON.stringify(e));
        this.q.touch.run(ended ? 1 : 0, Date.now(), code);
      })(),
    );
  }

  async setDevice(code: string, tokenHash: string, seat: string | null): Promise<void> {
    this.write(`room ${code}: keeping a device`, () => this.q.setDevice.run(code, tokenHash, seat));
  }

  async load(code: string): Promise<StoredRoom | null> {
    const row = this.q.room.get(code) as
      | { header: string; settings: string; key_hash: string; ended: number }
      | undefined;
    if (!row) return null;
    const entries = (this.q.entries.all(code) as { entry: string }[]).map(
      (r) => JSON.parse(r.entry) as Entry,
    );
    const devices = new Map(
      (this.q.devices.all(code) as { token_hash: string; seat: string | null }[]).map((d) => [
        d.token_hash,
        d.seat,
      ]),
    );
    return {
      code,
      record: { ...(JSON.parse(row.header) as Omit<GameRecord, 'entries'>), entries },
      settings: JSON.parse(row.settings) as RoomSettings,
      keyHash: row.key_hash,
      devices,
      ended: row.ended === 1,
    };
  }

  async openRooms(since: number): Promise<string[]> {
    return (this.q.open.all(since) as { code: string }[]).map((r) => r.code);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
