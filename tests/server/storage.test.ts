// Storage is fail-stop: a command is acknowledged only once written; when the database fails under a running room
// (deleted, made read-only, replaced), the next command is refused in one sentence, every device is told why, and
// nothing is written afterwards. A database that cannot be used stops the server at start, in one line. Also: a
// seat's repeated decision adds nothing and its changes are capped; a what-if room writes its record once; what
// the server exports, `replay` reads.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { replayText } from '../../src/cli/replay.ts';
import type { SeatClientView } from '../../src/present/classroom-screens.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import { SQLITE_FILE } from '../../src/server/sqlite-store.ts';
import { ClassroomClient } from '../../src/session/classroom-client.ts';
import { MAX_DECISION_CHANGES_PER_TURN } from '../../src/sim/limits.ts';
import { newRecord } from '../../src/sim/record.ts';
import { saveJson } from '../../src/sim/save.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, LiveGame } from '../helpers/play.ts';
import { bootClassroom, freePort, midTurnGame, spawnServer, startRedis, untilLinked } from './support.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

async function boot() {
  await ensureWebSocketGlobal();
  // A generous allowance per device: these tests send quickly, and the rate is not what they test.
  const rate = { burst: 1000, perSecond: 1000, disconnectAbove: 10_000 };
  const server = await bootClassroom(mkdtempSync(join(tmpdir(), 'crisis-table-storage-')), rate);
  cleanup.push(() => server.running.close().catch(() => undefined));
  return { server, endpoint: `http://127.0.0.1:${server.running.port}` };
}

function countEntries(dataDir: string, code: string): number {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM entries WHERE code = ?').get(code) as { n: number }).n;
  } finally {
    db.close();
  }
}

const oneSentence = /^[^\n]+\.$/;

describe('a seat cannot flood the record', () => {
  it('adds nothing for a repeated decision, refuses past the cap, and the export replays', async () => {
    const { endpoint } = await boot();
    const game = await midTurnGame(endpoint, endpoint, 5);
    const seat = await untilLinked<SeatClientView>(game.pm, (v) => v.kind === 'seat', 'the pm seat');
    const options = seat.situation.decision!.options.filter((o) => o.open).map((o) => o.id);
    const submitted = seat.submitted ?? options[0]!;
    const send = (option: string) =>
      game.pm.request('command', { command: { type: 'decision.submit', actor: 'pm', option } });
    const first = await send(submitted);
    expect(first.ok).toBe(true);
    const again = await send(submitted);
    expect(again).toEqual(first);
    // Changes of mind, up to the cap (midTurnGame's decision was the first).
    const other = options.find((o) => o !== submitted)!;
    let last = first;
    for (let i = 1; i < MAX_DECISION_CHANGES_PER_TURN; i++) {
      last = await send(i % 2 ? other : submitted);
      expect(last).toMatchObject({ ok: true });
    }
    const refused = await send(MAX_DECISION_CHANGES_PER_TURN % 2 ? other : submitted);
    expect(refused).toMatchObject({ ok: false, code: 'too-many' });
    if (!refused.ok) expect(refused.message).toMatch(oneSentence);
    const response = await fetch(`${endpoint}/api/rooms/${game.code}/export?format=json`, {
      headers: { 'X-Facilitator-Key': game.key },
    });
    const exported = await response.text();
    const replayed = await replayText(exported, 'export.json');
    expect(last.ok && replayed.commands).toBe(last.ok ? last.accepted : -1);
    for (const c of [game.facilitator, game.pm, game.fw]) await c.close();
  }, 60_000);
});

type Fault = 'deleted' | 'read-only' | 'replaced';

describe('storage faults under a running room', () => {
  for (const fault of ['deleted', 'read-only', 'replaced'] as Fault[]) {
    it(`with the database ${fault}: the next command is refused in one sentence, and nothing is written after`, async () => {
      const { server, endpoint } = await boot();
      const game = await midTurnGame(endpoint, endpoint, 7);
      const file = join(server.dataDir, SQLITE_FILE);
      const written = (await game.facilitator.request('view.full', {})) as { accepted: number };
      if (fault === 'deleted')
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      if (fault === 'read-only') chmodSync(file, 0o444);
      const garbage = Buffer.alloc(16_384, 0xa5);
      if (fault === 'replaced') {
        writeFileSync(`${file}.new`, garbage);
        renameSync(`${file}.new`, file);
      }
      const fw = await untilLinked<SeatClientView>(
        game.fw,
        (v) => v.kind === 'seat' && v.situation.decision !== null,
        'the framework seat',
      );
      const option = fw.situation.decision!.options.find((o) => o.open)!.id;
      const reply = await game.fw.request('command', {
        command: { type: 'decision.submit', actor: 'framework', option },
      });
      expect(reply).toMatchObject({ ok: false, code: 'storage' });
      if (!reply.ok) expect(reply.message).toMatch(oneSentence);
      // Every device is told why; a later command is refused the same way, also once the file is writable again.
      await untilLinked(game.pm, () => game.pm.halted !== null, 'the halt on the pm seat');
      expect(game.facilitator.halted ?? (await waitHalted(game.facilitator))).toMatch(oneSentence);
      if (fault === 'read-only') chmodSync(file, 0o644);
      const pause = await game.facilitator.request('command', { command: { type: 'game.pause' } });
      expect(pause).toMatchObject({ ok: false, code: 'storage' });
      expect(server.log.filter((l) => l.includes('storage failed'))).toHaveLength(1);
      for (const c of [game.facilitator, game.pm, game.fw]) await c.close();
      await server.running.close().catch(() => undefined);
      if (fault === 'deleted') expect(existsSync(file)).toBe(false);
      if (fault === 'replaced') expect(readFileSync(file).equals(garbage)).toBe(true);
      if (fault === 'read-only') expect(countEntries(server.dataDir, game.code)).toBe(written.accepted);
    }, 60_000);
  }
});

async function waitHalted(client: ClassroomClient<unknown>): Promise<string> {
  await untilLinked(client, () => client.halted !== null, 'the halt');
  return client.halted!;
}

describe('start-up', () => {
  it('with a corrupt database exits non-zero with one line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-corrupt-'));
    writeFileSync(join(dataDir, SQLITE_FILE), Buffer.alloc(16_384, 0xa5));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', String(port)],
      { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanup.push(() => void child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toMatch(/database/);
    expect(out).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('a what-if room', () => {
  it('writes its record once: the origin keeps only what the room does not', async () => {
    const { server, endpoint } = await boot();
    const b = await bundledScenario();
    const game = new LiveGame(b, 9).start();
    for (let t = 0; t < 3 && !game.ended; t++) {
      game.computersDecide();
      game.run({ by: FACILITATOR, command: { type: 'turn.resolve' } });
    }
    const origin = { ...newRecord(b, 9), entries: game.record.entries };
    const client = new ClassroomClient({ endpoint });
    const { code } = await client.open({
      scenario: 'baghdad-2021',
      seed: 9,
      seats: { pm: 'person' },
      autoResolve: true,
      key: 'what-if-room-facilitator-key',
      fork: { record: saveJson(origin), turn: 1 },
    });
    await client.close();
    await server.running.close().catch(() => undefined);
    const db = new Database(join(server.dataDir, SQLITE_FILE), { readonly: true });
    const row = db.prepare('SELECT settings FROM rooms WHERE code = ?').get(code) as { settings: string };
    const rows = db.prepare('SELECT entry FROM entries WHERE code = ? ORDER BY n').all(code);
    const entries = (rows as { entry: string }[]).map((r) => JSON.parse(r.entry) as unknown);
    db.close();
    const settings = JSON.parse(row.settings) as {
      origin?: unknown;
      forkedAt: number;
      originTail: unknown[];
    };
    expect(settings.origin).toBeUndefined();
    expect(settings.forkedAt + settings.originTail.length).toBe(origin.entries.length);
    // The origin's first commands are the room's own, written once, in the room's record.
    expect(entries.slice(0, settings.forkedAt)).toEqual(origin.entries.slice(0, settings.forkedAt));
    expect(settings.originTail).toEqual(origin.entries.slice(settings.forkedAt));
  }, 60_000);
});

describe('Redis', () => {
  it('killed mid-game: the next command is refused in one sentence and every device is told why', async () => {
    await ensureWebSocketGlobal();
    const redis = await startRedis();
    cleanup.push(redis.stop);
    const port = await freePort();
    const p = await spawnServer([
      '--port',
      String(port),
      '--redis-url',
      redis.url,
      '--public-address',
      `127.0.0.1:${port}`,
    ]);
    cleanup.push(() => p.kill());
    const endpoint = `http://127.0.0.1:${port}`;
    const game = await midTurnGame(endpoint, endpoint, 13);
    const fw = await untilLinked<SeatClientView>(
      game.fw,
      (v) => v.kind === 'seat' && v.situation.decision !== null,
      'the framework seat',
    );
    redis.stop();
    const option = fw.situation.decision!.options.find((o) => o.open)!.id;
    const reply = await game.fw.request('command', {
      command: { type: 'decision.submit', actor: 'framework', option },
    });
    expect(reply).toMatchObject({ ok: false, code: 'storage' });
    if (!reply.ok) expect(reply.message).toMatch(oneSentence);
    expect(await waitHalted(game.pm)).toMatch(oneSentence);
    const pause = await game.facilitator.request('command', { command: { type: 'game.pause' } });
    expect(pause).toMatchObject({ ok: false, code: 'storage' });
    for (const c of [game.facilitator, game.pm, game.fw]) await c.close();
  }, 90_000);
});
