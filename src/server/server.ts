// The classroom server: Colyseus rooms over one HTTP server that also serves the built game. With REDIS_URL, the
// rooms are shared with other processes through Colyseus's RedisPresence and RedisDriver, and the records go to
// Redis too, so that any process can bring back a room whose process died.

import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { type MatchMakerDriver, matchMaker, type Presence, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { isLanguage, LANGUAGES, loadLanguage, withLanguage } from '../present/i18n/i18n.ts';
import { reportHtml } from '../present/report-html.ts';
import { CodeSchema } from '../session/classroom-protocol.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { decisionCsv, decisionRows } from '../sim/decision-log.ts';
import { replay } from '../sim/record.ts';
import { reportData } from '../sim/report.ts';
import { saveJson } from '../sim/save.ts';
import { saidFor } from '../sim/talk.ts';
import { serverUrls } from './addresses.ts';
import { CLASSROOM_RATE, type ClassroomDeps, ClassroomRoom, viewWork } from './classroom.room.ts';
import { DEFAULT_LIMITS, type Guard, type GuardLimits, installGuard, refuse } from './http-guard.ts';
import { REPORT_CSP, sameOriginCors, securityHeaders } from './http-headers.ts';
import { throttled } from './log-throttle.ts';
import { hashSecret, type RecordStore } from './record-store.ts';
import { oneLine } from './room-rules.ts';
import { serveTexts } from './scenario-texts.ts';
import { loadScenarios, type ScenarioLanguages } from './scenarios.ts';
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
  /** With several processes, the one address in front of all of them: the join links and QR code use it. */
  joinAddress?: string | null;
  /** How far back a game not ended is brought back at start. */
  restoreHours: number;
  /** Compress the views sent (permessage-deflate, off by default): fewer bytes, more work and memory. */
  compress?: boolean;
  /** How long a room with no device stays in memory (two hours unless a test sets its own). */
  idleMs?: number;
  /** Each client's message allowance; the classroom's default unless a test sets its own. */
  rate?: ClassroomDeps['rate'];
  /** At most this many rooms come back at start, the most recent first (the others on their first `ensure`). */
  restoreMax?: number;
  /** Limits on anonymous clients (body sizes, rooms opened, code guesses); DEFAULT_LIMITS for any not given. */
  limits?: Partial<GuardLimits>;
  /** With Redis and several processes (npm run serve -- --processes N): a new room opens on the one with fewest. */
  spreadRooms?: boolean;
  /** Those processes' public addresses (host:port): their pages may open sockets to this one. */
  siblings?: readonly string[];
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
  // The views the server composes for the devices (src/present presenters) speak each device's language: every
  // language's strings are loaded now, so that a view is built in one synchronously (withLanguage). English last:
  // it stays the current language between builds.
  for (const language of [...LANGUAGES].reverse()) await loadLanguage(language);
  const languages: ScenarioLanguages = new Map();
  const scenarios = await loadScenarios(settings.scenariosDir, log, languages);
  if (!settings.redisUrl) checkDataDir(settings.dataDir);
  const scaling = settings.redisUrl ? await redisParts(settings.redisUrl) : null;
  const store: RecordStore = scaling ? scaling.store : openSqliteStore(settings.dataDir);
  const restoreKey = randomBytes(24).toString('base64url');
  ClassroomRoom.deps = {
    scenarios,
    languages,
    store,
    log,
    restoreKey,
    now: Date.now,
    rate: settings.rate ?? CLASSROOM_RATE,
    idleMs: settings.idleMs ?? 2 * 3_600_000,
  };

  const limits: GuardLimits = { ...DEFAULT_LIMITS, ...settings.limits };
  const http = createServer();
  // A client has this long to send a whole request (headers and body); the gate's own deadline for a body is shorter.
  http.requestTimeout = 30_000;
  http.headersTimeout = 15_000;
  const files = staticFiles(settings.distDir);
  let guard: Guard | null = null;
  // Whoever runs the server may read its figures from another machine with this key (X-Health-Key).
  const healthKey = process.env.HEALTH_KEY ?? null;
  // Colyseus's CORS reflects any Origin, with credentials: only this server's own pages may call it.
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Allow-Methods': 'GET,HEAD,POST',
    'Access-Control-Max-Age': '600',
  };
  matchMaker.controller.getCorsHeaders = sameOriginCors;
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
          // A room opens on the process the facilitator reached, unless the launcher spreads them (fewestRooms).
          selectProcessIdToCreateRoom: settings.spreadRooms ? fewestRooms : async () => matchMaker.processId,
        }
      : {}),
    express: (app) => {
      app.disable('x-powered-by');
      app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        let url: URL;
        try {
          url = new URL(req.url ?? '/', 'http://x');
        } catch {
          return refuse(res, 400, 'That address is malformed.');
        }
        if (url.pathname === '/api/scenarios' && req.method === 'GET') {
          return sendJson(res, 200, scenarioList(scenarios));
        }
        if (url.pathname === '/api/address' && req.method === 'GET') {
          // Where students reach this server (the school network's first, loopback last): the console and the
          // projector build the join link and QR code from it, whichever address the teacher's browser used.
          const listening = (http.address() as AddressInfo | null)?.port ?? settings.port;
          return sendJson(res, 200, {
            urls: serverUrls(listening, settings.host, [settings.joinAddress, settings.publicAddress]),
          });
        }
        if (url.pathname === '/api/health' && req.method === 'GET') {
          // To anyone: that the server answers. To whoever runs it (on this machine, as the bench does, or with the
          // health key) also its rooms and memory, after a collection when the process allows one (--expose-gc).
          if (!isLoopback(req) && !(healthKey && req.headers['x-health-key'] === healthKey)) {
            return sendJson(res, 200, { ok: true });
          }
          // ?gc=no: the figures as they stand, without a collection (the class bench reads its counts mid-play).
          if (url.searchParams.get('gc') !== 'no') (globalThis as { gc?: () => void }).gc?.();
          const m = process.memoryUsage();
          return sendJson(res, 200, {
            ok: true,
            rooms: matchMaker.stats.local.roomCount,
            rss: m.rss,
            heapUsed: m.heapUsed,
            work: { ...viewWork },
          });
        }
        const exported = /^\/api\/rooms\/([^/]+)\/export$/.exec(url.pathname);
        if (exported && req.method === 'GET') {
          const code = decoded(exported[1]!);
          if (code === null) return refuse(res, 400, 'That address is malformed.');
          const asked = {
            format: url.searchParams.get('format'),
            language: url.searchParams.get('language'),
          };
          void exportRoom(code, asked, req, store, scenarios, languages).then(
            (r) => {
              if (r.type.startsWith('text/html')) res.setHeader('Content-Security-Policy', REPORT_CSP);
              send(res, r.status, r.type, r.body);
            },
            (e: unknown) => failed(res, log, e),
          );
          return;
        }
        const m = /^\/api\/rooms\/([^/]+)\/ensure$/.exec(url.pathname);
        if (m && req.method === 'POST') {
          const code = decoded(m[1]!);
          if (code === null) return refuse(res, 400, 'That address is malformed.');
          const key = req.headers['x-facilitator-key'];
          void ensureRoom(code, store, restoreKey, log, typeof key === 'string' ? key : null).then(
            (r) => {
              if (r.status === 404 || r.status === 400) guard?.miss(req);
              sendJson(res, r.status, r.body);
            },
            (e: unknown) => failed(res, log, e),
          );
          return;
        }
        if (serveTexts(url.pathname, req, res, scenarios, languages)) return;
        files(req, res, next);
      });
      // The last word on any error: one line in the log, one sentence to the client, never a stack or a path.
      app.use((e: unknown, _req: IncomingMessage, res: ServerResponse, _next: () => void) => {
        const status = (e as { status?: number }).status;
        if (typeof status === 'number' && status >= 400 && status < 500) {
          return refuse(res, status, 'That request is malformed.');
        }
        failed(res, log, e);
      });
    },
  });
  server.define(ROOM, ClassroomRoom);
  // A listen error (the port in use, an address this machine does not have) ends start-up; Colyseus would only
  // log it and wait for ever. The transport's own error listener goes: it would log it a second time.
  http.removeAllListeners('error');
  const listenFailed = new Promise<never>((_, reject) => {
    http.once('error', (e: Error) => reject(listenError(e, settings)));
  });
  try {
    await Promise.race([server.listen(settings.port, settings.host), listenFailed]);
  } catch (e) {
    await store.close().catch(() => undefined);
    await scaling?.close();
    throw e;
  }
  http.removeAllListeners('error');
  http.on('error', (e: Error) => log(oneLine(`http: ${e.message}`)));
  const port = (http.address() as AddressInfo).port;
  // In front of Colyseus's listener (added at listen) and the Express app: headers, body limits, rate limits.
  guard = installGuard(http, {
    limits,
    log,
    roomCount: () => matchMaker.stats.local.roomCount,
    roomExists: async (code) => (await matchMaker.query({ roomId: code })).length > 0,
    headers: securityHeaders(settings.distDir, settings.siblings ?? []),
    siblings: settings.siblings ?? [],
  });

  const restored: string[] = [];
  if (!scaling) {
    // One process: the most recent games not ended come back now, their clocks running, before any client
    // reconnects; any other comes back when a client asks for it (`ensure`). A room without a command (never
    // started) waits for its first client too.
    const since = Date.now() - settings.restoreHours * 3_600_000;
    const max = settings.restoreMax ?? 50;
    // In the order the store lists them: the most recent first once its query orders by the last change (SQLite's
    // still lists by code).
    const codes = await store.openRooms(since);
    let considered = 0;
    for (const code of codes) {
      if (considered >= max) {
        log(`start: ${codes.length - considered} more open room(s) wait for a client to bring them back`);
        break;
      }
      considered++;
      const r = await ensureRoom(code, store, restoreKey, log, null, true);
      if (r.status === 200) restored.push(code);
    }
  }
  return {
    port,
    colyseus: server,
    restored,
    async close() {
      guard?.close();
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
  key: string | null,
  atStart = false,
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
  // An ended game stays a record: only its facilitator may bring it back (its export needs no room at all).
  if (stored.ended && (key === null || hashSecret(key) !== stored.keyHash)) {
    return {
      status: 410,
      body: { ok: false, message: `Room ${code} has ended: its facilitator can export it.` },
    };
  }
  if (atStart && stored.record.entries.length === 0) return { status: 204, body: null };
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
    // The claim goes with the attempt: the next asker is told why too, not that another process is bringing it back.
    matchMaker.presence.del(`crisis-table:restore:${code}`);
    return { status: 409, body: { ok: false, message } };
  }
}

/**
 * The process holding the fewest rooms (this one on a tie: the facilitator's console is connected here already).
 * The rooms are counted from their listings in Redis, which a room joins as it opens; Colyseus's own per-process
 * counts are written at most once a second, too late when a class opens its rooms one after another. A room
 * brought back from its record stays here: the key that lets it be restored is this process's own.
 */
async function fewestRooms(_name: string, options: unknown): Promise<string> {
  const here = matchMaker.processId;
  if ((options as { restore?: unknown } | null)?.restore !== undefined) return here;
  const [processes, rooms] = await Promise.all([
    matchMaker.stats.fetchAll(),
    matchMaker.query({ name: ROOM }),
  ]);
  const count = new Map<string, number>([[here, 0], ...processes.map((p) => [p.processId, 0] as const)]);
  for (const r of rooms) if (count.has(r.processId)) count.set(r.processId, count.get(r.processId)! + 1);
  let best = here;
  for (const [id, n] of count) if (n < count.get(best)!) best = id;
  return best;
}

function scenarioList(scenarios: Map<string, CompiledScenario>) {
  return [...scenarios.values()].map((c) => ({
    id: c.scenario.meta.id,
    title: c.scenario.meta.title.text,
    actors: c.playableIds.map((a) => ({ id: a, name: c.actorById.get(a)?.name.text ?? a })),
  }));
}

function colyseusLogger(log: (line: string) => void) {
  // Colyseus writes a line for each bad reconnection token a stranger sends: one a minute per kind, with a count.
  const write = throttled(log);
  const line =
    (level: string) =>
    (...args: unknown[]) =>
      write(oneLine(`colyseus ${level}: ${args.map(String).join(' ').split('\n')[0]}`));
  const quiet = () => undefined;
  return { debug: quiet, trace: quiet, info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * A room's exports for its facilitator (the key in the X-Facilitator-Key header, never in the address): the record as
 * JSON, which `npm run replay` and the game read, the decision log as CSV, or the printable after-action report as
 * HTML. None holds a student's name. The report is in the language asked for (`language`, English by default); the
 * record and the CSV are data, the same in every language.
 */
async function exportRoom(
  code: string,
  { format, language }: { format: string | null; language: string | null },
  req: IncomingMessage,
  store: RecordStore,
  scenarios: Map<string, CompiledScenario>,
  languages: ScenarioLanguages,
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
  if (language !== null && !isLanguage(language)) {
    return refuse(400, `Ask for a report in ${LANGUAGES.join(' or ')}.`);
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
    // The report's words in the language asked for (its scenario texts too, where translated); its facts the game's.
    const lang = language ?? 'en';
    const inLanguage = lang === 'en' ? c : (languages.get(c.scenario.meta.id)?.get(lang)?.c ?? c);
    const body = withLanguage(lang, () =>
      reportHtml(
        inLanguage.scenario,
        reportData(inLanguage, state, stored.record),
        saidFor(state, { facilitator: true }),
      ),
    );
    return { status: 200, type: 'text/html; charset=utf-8', body };
  }
  return { status: 200, type: 'text/csv; charset=utf-8', body: decisionCsv(decisionRows(c, state)) };
}

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** A fault of the server's own: one line in the log, one sentence to the client. */
function failed(res: ServerResponse, log: (line: string) => void, e: unknown): void {
  log(oneLine(`http: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`));
  refuse(res, 500, 'The server could not answer this request.');
}

function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
}

function listenError(e: Error, settings: ServerSettings): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new Error(`port ${settings.port} is in use (another server?): pick another with --port`);
  if (code === 'EACCES') return new Error(`port ${settings.port} needs privileges this user does not have`);
  if (code === 'EADDRNOTAVAIL') return new Error(`this machine has no address ${settings.host} (see --host)`);
  return new Error(`could not listen on ${settings.host}:${settings.port}: ${e.message}`);
}

/**
 * DATA_DIR must be a plain folder this process can write, on a real filesystem: checked before anything creates
 * it, since making folders under /proc or /sys loops for ever on some Node versions.
 */
export function checkDataDir(dir: string): void {
  const say = (why: string) => new Error(`DATA_DIR ${dir} ${why}`);
  // The nearest folder that exists, resolved through any symbolic link.
  let probe = resolvePath(dir);
  while (!existsSync(probe)) {
    const up = resolvePath(probe, '..');
    if (up === probe) break;
    probe = up;
  }
  let real: string;
  try {
    real = realpathSync(probe);
  } catch {
    throw say('cannot be reached');
  }
  if (/^\/(proc|sys|dev)(\/|$)/.test(real))
    throw say('is under /proc, /sys or /dev: pick a folder on a disk');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw say('is not a folder');
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw say(`cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
