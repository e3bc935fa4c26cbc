// The embedded store: one SQLite file in the data folder (better-sqlite3 12). Writes are synchronous and in WAL
// mode, so a command is on disk before the room answers, and a killed process loses nothing it acknowledged.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Entry } from '../sim/commands.ts';
import type { GameRecord } from '../sim/record.ts';
import { type RecordStore, type RoomSettings, type StoredRoom, StoreError } from './record-store.ts';

export function openSqliteStore(dataDir: string): RecordStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(new Database(join(dataDir, 'crisis-table.sqlite')));
}

class SqliteStore implements RecordStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
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
      open: db.prepare('SELECT code FROM rooms WHERE ended = 0 AND updated_at >= ? ORDER BY code'),
    };
  }

  async create(room: Omit<StoredRoom, 'devices' | 'ended'>): Promise<boolean> {
    const { entries: _, ...header } = room.record;
    const info = this.q.insertRoom.run(
      room.code,
      JSON.stringify(header),
      JSON.stringify(room.settings),
      room.keyHash,
      Date.now(),
    );
    if (info.changes === 1 && room.record.entries.length > 0) {
      await this.append(room.code, 0, room.record.entries, false);
    }
    return info.changes === 1;
  }

  async append(code: string, at: number, entries: readonly Entry[], ended: boolean): Promise<void> {
    this.db.transaction(() => {
      const { n } = this.q.count.get(code) as { n: number };
      if (n !== at)
        throw new StoreError(`room ${code} holds ${n} commands, not ${at}: the append is refused`);
      for (const [i, e] of entries.entries()) this.q.insertEntry.run(code, at + i, JSON.stringify(e));
      this.q.touch.run(ended ? 1 : 0, Date.now(), code);
    })();
  }

  async setDevice(code: string, tokenHash: string, seat: string | null): Promise<void> {
    this.q.setDevice.run(code, tokenHash, seat);
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
