// A restart brings back at most --restore-max rooms (src/server/server.ts): the store lists the open ones the most
// recently changed first, so that the rooms a class is using now are the ones that come back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredRoom } from '../../src/server/record-store.ts';
import { openSqliteStore } from '../../src/server/sqlite-store.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function room(code: string): Omit<StoredRoom, 'devices' | 'ended'> {
  return {
    code,
    record: { entries: [] } as unknown as StoredRoom['record'],
    settings: {} as StoredRoom['settings'],
    keyHash: `hash-${code}`,
  };
}

describe('the SQLite store lists open rooms', () => {
  it('the most recently changed first, and none that ended or changed before the window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-order-'));
    dirs.push(dir);
    const store = openSqliteStore(dir);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    await store.create(room('AAAAAA'));
    vi.setSystemTime(2_000);
    await store.create(room('BBBBBB'));
    vi.setSystemTime(3_000);
    await store.create(room('CCCCCC'));
    vi.setSystemTime(4_000);
    await store.append('BBBBBB', 0, [{ by: { facilitator: true }, command: { type: 'game.start' } }], false);
    vi.setSystemTime(5_000);
    await store.create(room('DDDDDD'));
    vi.setSystemTime(6_000);
    await store.append('DDDDDD', 0, [{ by: { facilitator: true }, command: { type: 'game.end' } }], true);
    expect(await store.openRooms(0)).toEqual(['BBBBBB', 'CCCCCC', 'AAAAAA']);
    expect(await store.openRooms(2_500)).toEqual(['BBBBBB', 'CCCCCC']);
    await store.close();
  });
});
