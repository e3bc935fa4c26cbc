// The classroom server: Colyseus rooms over one HTTP server that also serves the built game. With REDIS_URL, the
// rooms are shared with other processes through Colyseus's RedisPresence and RedisDriver, and the records go to
// Redis too, so that any process can bring back a room whose process died.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MatchMakerDriver, matchMaker, type Presence, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { reportHtml } from '../present/report-html.ts';
import { CodeSchema } from '../session/classroom-protocol.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { decisionCsv, decisionRows } from '../sim/decision-log.ts';
import { replay } from '../sim/record.ts';
import { reportData } from '../sim/report.ts';
import { saveJson } from '../sim/save.ts';
import { CLASSROOM_RATE, type ClassroomDeps, ClassroomRoom } from './classroom.room.ts';
import { hashSecret, type RecordStore } from './record-store.ts';
import { oneLine } from './room-rules.ts';
import { loadScenarios } from './scenarios.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { staticFiles } from './static-files.ts';

export interface ServerSettings {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | null;
  distDir: string;
  scenariosDir: string;
  /** With Redis: the address (host:port) at which clients reach this process. */
  publicAddress?: string | null;
  /** How far back a game not ended is brought back at start. */
  restoreHours: number;
  /** Compress the views sent (permessage-deflate, off by default): fewer bytes, more work and memory. */
  compress?: boolean;
  /** How long a room with no device stays in memory (two hours unless a test sets its own). */
  idleMs?: number;
  /** Each client's message allowance; the classroom's default unless a test sets its own. */
  rate?: ClassroomDeps['rate'];
}

export interface RunningServer {
  port: number;
  /** The Colyseus server, for its test harness. */
  colyseus: Server;
  /** The rooms brought back from the store at start. */
  restored: string[];
  close(): Promise<void>;
}

/** Node 20 has no WebSocket global, which Colyseus's reconnection reads. */
export async function ensureWebSocketGlobal(): Promise<void> {
  const g = globalThis as { WebSocket?: unknown };
  g.WebSocket ??= (await import('ws')).WebSocket;
}

const ROOM = 'classroom';

export async function startClassroomServer(
  settings: ServerSettings,
  log: (line: string) => void,
): Promise<RunningServer> {
  await ensureWebSocketGlobal();
  const scenarios = await loadScenarios(settings.scenariosDir, log);
  const scaling = settings.redisUrl ? await redisParts(settings.redisUrl) : null;
  const store: RecordStore = scaling ? scaling.store : openSqliteStore(settings.dataDir);
  const restoreKey = randomBytes(24).toString('base64url');
  ClassroomRoom.deps = {
    scenarios,
    store,
    log,
    restoreKey,
    now: Date.now,
    rate: settings.rate ?? CLASSROOM_RATE,
    idleMs: settings.idleMs ?? 2 * 3_600_000,
  };

  const http = createServer();
  const files = staticFiles(settings.distDir);
  const server = new Server({
    transport: new WebSocketTransport({
      server: http,
      // Off by default. Compressed, a turn's views take a quarter of the bytes (9.4 KB to 2.3 KB per device in
      // npm run bench:class), but each socket compresses on its own: the server's memory per room triples and the
      // time until every device holds its view grows when rooms resolve at once. On a school network the bytes
      // are the cheaper cost; --compress on is for slow links. Small frames go as they are either way.
      ...(settings.compress !== true
        ? {}
        : {
            perMessageDeflate: {
              threshold: 1024,
              serverNoContextTakeover: true,
              clientNoContextTakeover: true,
              zlibDeflateOptions: { memLevel: 5 },
            },
          }),
    }),
    greet: false,
    // Colyseus's own messages join the server's log, one line each (an oversized frame's stack trace included).
    logger: colyseusLogger(log),
    gracefullyShutdown: false,
    ...(scaling
      ? {
          presence: scaling.presence,
          driver: scaling.driver,
          // Clients reach the process that holds their room at its own address.
          ...(settings.publicAddress ? { publicAddress: settings.publicAddress } : {}),
          // A room opens on the process the facilitator reached: its console is already connected there.
          selectProcessIdToCreateRoom: async () => matchMaker.processId,
        }
      : {}),
    express: (app) => {
      app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/api/scenarios' && req.method === 'GET') {
          return sendJson(res, 200, scenarioList(scenarios));
        }
        if (url.pathname === '/api/health' && req.method === 'GET') {
          // For whoever runs the server (and the bench): rooms on this process and its memory, after a collection
          // when the process allows one (node --expose-gc).
          (globalThis as { gc?: () => void }).gc?.();
          const m = process.memoryUsage();
          return sendJson(res, 200, {
            rooms: matchMaker.stats.local.roomCount,
            rss: m.rss,
            heapUsed: m.heapUsed,
          });
        }
        const exported = /^\/api\/rooms\/([^/]+)\/export$/.exec(url.pathname);
        if (exported && req.method === 'GET') {
          void exportRoom(
            decodeURIComponent(exported[1]!),
            url.searchParams.get('format'),
            req,
            store,
            scenarios,
          ).then(
            (r) => send(res, r.status, r.type, r.body),
            (e: unknown) => sendJson(res, 500, { ok: false, message: String(e).split('\n')[0] }),
          );
          return;
        }
        const m = /^\/api\/rooms\/([^/]+)\/ensure$/.exec(url.pathname);
        if (m && req.method === 'POST') {
          void ensureRoom(decodeURIComponent(m[1]!), store, restoreKey, log).then(
            (r) => sendJson(res, r.status, r.body),
            (e: unknown) => sendJson(res, 500, { ok: false, message: String(e).split('\n')[0] }),
          );
          return;
        }
        files(req, res, next);
      });
    },
  });
  server.define(ROOM, ClassroomRoom);
  await server.listen(settings.port, settings.host);
  const port = (http.address() as AddressInfo).port;

  const restored: string[] = [];
  if (!scaling) {
    // One process: every game not ended comes back now, its clock running, before any client reconnects.
    const since = Date.now() - settings.restoreHours * 3_600_000;
    for (const code of await store.openRooms(since)) {
      const r = await ensureRoom(code, store, restoreKey, log);
      if (r.status === 200) restored.push(code);
    }
  }
  return {
    port,
    colyseus: server,
    restored,
    async close() {
      await server.gracefullyShutdown(false).catch(() => undefined);
      await store.close();
      await scaling?.close();
    },
  };
}

/**
 * The room with this code, live: found where it runs, or brought back from the store on this process when no
 * live process has it (after a restart, or when the process that ran it died).
 */
async function ensureRoom(
  code: string,
  store: RecordStore,
  restoreKey: string,
  log: (line: string) => void,
): Promise<{ status: number; body: unknown }> {
  if (!CodeSchema.safeParse(code).success)
    return { status: 400, body: { ok: false, message: 'That is not a join code.' } };
  const live = await matchMaker.query({ roomId: code });
  for (const listing of live) {
    // A room listed by a process that no longer answers is removed from the listings, then brought back here.
    if (await matchMaker.healthCheckProcessId(listing.processId)) return { status: 200, body: { ok: true } };
  }
  const stored = await store.load(code);
  if (!stored) return { status: 404, body: { ok: false, message: `There is no room ${code}.` } };
  // Two processes asked at once: only the first brings the room back.
  const claim = await matchMaker.presence.incr(`crisis-table:restore:${code}`);
  await matchMaker.presence.expire(`crisis-table:restore:${code}`, 10);
  if (claim > 1) return { status: 200, body: { ok: true } };
  try {
    await matchMaker.createRoom(ROOM, { restore: code, restoreKey });
    log(`room ${code}: brought back from its record (${stored.record.entries.length} commands)`);
    return { status: 200, body: { ok: true } };
  } catch (e) {
    const message = String(e instanceof Error ? e.message : e).split('\n')[0];
    log(`room ${code}: could not be brought back: ${message}`);
    return { status: 409, body: { ok: false, message } };
  }
}

function scenarioList(scenarios: Map<string, CompiledScenario>) {
  return [...scenarios.values()].map((c) => ({
    id: c.scenario.meta.id,
    title: c.scenario.meta.title.text,
    actors: c.playableIds.map((a) => ({ id: a, name: c.actorById.get(a)?.name.text ?? a })),
  }));
}

function colyseusLogger(log: (line: string) => void) {
  const line =
    (level: string) =>
    (...args: unknown[]) =>
      log(oneLine(`colyseus ${level}: ${args.map(String).join(' ').split('\n')[0]}`));
  const quiet = () => undefined;
  return { debug: quiet, trace: quiet, info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * A room's exports for its facilitator (the key in the X-Facilitator-Key header, never in the address): the record as
 * JSON, which `npm run replay` and the game read, the decision log as CSV, or the printable after-action report as
 * HTML. None holds a student's name.
 */
async function exportRoom(
  code: string,
  format: string | null,
  req: IncomingMessage,
  store: RecordStore,
  scenarios: Map<string, CompiledScenario>,
): Promise<{ status: number; type: string; body: string }> {
  const refuse = (status: number, message: string) => ({
    status,
    type: 'application/json',
    body: JSON.stringify({ ok: false, message }),
  });
  if (!CodeSchema.safeParse(code).success) return refuse(400, 'That is not a join code.');
  if (format !== 'json' && format !== 'csv' && format !== 'html') {
    return refuse(400, 'Ask for format=json, csv or html.');
  }
  const stored = await store.load(code);
  const key = req.headers['x-facilitator-key'];
  if (!stored || typeof key !== 'string' || hashSecret(key) !== stored.keyHash) {
    return refuse(403, `Only room ${code}'s facilitator may export it.`);
  }
  if (format === 'json') return { status: 200, type: 'application/json', body: saveJson(stored.record) };
  const c = scenarios.get(stored.record.scenario.id);
  if (!c) return refuse(409, `Room ${code} was played with a scenario this server does not have.`);
  const state = replay(c, stored.record);
  if (format === 'html') {
    const body = reportHtml(c.scenario, reportData(c, state, stored.record));
    return { status: 200, type: 'text/html; charset=utf-8', body };
  }
  return { status: 200, type: 'text/csv; charset=utf-8', body: decisionCsv(decisionRows(c, state)) };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

async function redisParts(url: string): Promise<{
  presence: Presence;
  driver: MatchMakerDriver;
  store: RecordStore;
  close(): Promise<void>;
}> {
  const [{ RedisPresence }, { RedisDriver }, { openRedisStore }] = await Promise.all([
    import('@colyseus/redis-presence'),
    import('@colyseus/redis-driver'),
    import('./redis-store.ts'),
  ]);
  const store = await openRedisStore(url);
  return {
    presence: new RedisPresence(url) as unknown as Presence,
    driver: new RedisDriver(url) as unknown as MatchMakerDriver,
    store,
    close: async () => undefined,
  };
}
