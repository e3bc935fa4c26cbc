// The shared store for several server processes: the records live in the Redis that already carries Colyseus's
// presence and room listings, so scaling out needs no second service, and any process can rebuild a room. An
// append is one Lua script that checks the list's length first: two processes can never interleave a record.
import { Redis } from 'ioredis';
import type { Entry } from '../sim/commands.ts';
import type { GameRecord } from '../sim/record.ts';
import { type RecordStore, type RoomSettings, type StoredRoom, StoreError } from './record-store.ts';

const APPEND = `
local n = redis.call('LLEN', KEYS[1])
if n ~= tonumber(ARGV[1]) then return redis.error_reply('holds ' .. n .. ' commands') end
for i = 5, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('HSET', KEYS[2], 'ended', ARGV[2], 'updatedAt', ARGV[3])
if ARGV[2] == '1' then redis.call('ZREM', KEYS[3], ARGV[4]) else redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4]) end
return n`;

export async function openRedisStore(url: string): Promise<RecordStore> {
  // Fail-stop: while Redis is away a write fails at once (no offline queue), and a write whose answer was lost is
  // not sent again on reconnecting: a command the room answered "storage" for is never written later.
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
  });
  // Without a listener ioredis writes every failed reconnection attempt (141 lines in 10 s with Redis down): the
  // loss is logged once, and the return once.
  let down = false;
  redis.on('error', (e: Error) => {
    if (!down) console.error(`redis: the record store is unreachable (${e.message.split('\n')[0]})`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) console.error('redis: the record store is reachable again');
    down = false;
  });
  await redis.connect();
  return new RedisStore(redis);
}

const key = {
  room: (code: string) => `crisis-table:room:${code}`,
  entries: (code: string) => `crisis-table:entries:${code}`,
  devices: (code: string) => `crisis-table:devices:${code}`,
  open: 'crisis-table:open',
};

class RedisStore implements RecordStore {
  constructor(private readonly redis: Redis) {}

  async create(room: Omit<StoredRoom, 'devices' | 'ended'>): Promise<boolean> {
    const { entries, ...header } = room.record;
    const created = await this.redis.hsetnx(key.room(room.code), 'header', JSON.stringify(header));
    if (created !== 1) return false;
    const now = Date.now();
    await this.redis
      .multi()
      .hset(key.room(room.code), {
        settings: JSON.stringify(room.settings),
        keyHash: room.keyHash,
        ended: '0',
        updatedAt: String(now),
      })
      .zadd(key.open, now, room.code)
      .exec();
    if (entries.length > 0) await this.append(room.code, 0, entries, false);
    return true;
  }

  async append(code: string, at: number, entries: readonly Entry[], ended: boolean): Promise<void> {
    try {
      await this.redis.eval(
        APPEND,
        3,
        key.entries(code),
        key.room(code),
        key.open,
        String(at),
        ended ? '1' : '0',
        String(Date.now()),
        code,
        ...entries.map((e) => JSON.stringify(e)),
      );
    } catch (e) {
      throw new StoreError(`room ${code}: the append at ${at} is refused (${String(e)})`);
    }
  }

  async setDevice(code: string, tokenHash: string, seat: string | null): Promise<void> {
    try {
      await this.redis.hset(key.devices(code), tokenHash, seat ?? '');
    } catch (e) {
      throw new StoreError(`room ${code}: keeping a device failed (${String(e)})`);
    }
  }

  async load(code: string): Promise<StoredRoom | null> {
    const [room, entries, devices] = await Promise.all([
      this.redis.hgetall(key.room(code)),
      this.redis.lrange(key.entries(code), 0, -1),
      this.redis.hgetall(key.devices(code)),
    ]);
    if (!room.header || !room.settings || !room.keyHash) return null;
    return {
      code,
      record: {
        ...(JSON.parse(room.header) as Omit<GameRecord, 'entries'>),
        entries: entries.map((e) => JSON.parse(e) as Entry),
      },
      settings: JSON.parse(room.settings) as RoomSettings,
      keyHash: room.keyHash,
      devices: new Map(Object.entries(devices).map(([k, v]) => [k, v === '' ? null : v])),
      ended: room.ended === '1',
    };
  }

  async openRooms(since: number): Promise<string[]> {
    return this.redis.zrevrangebyscore(key.open, '+inf', since);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
