// The gate in front of every HTTP request, before Colyseus or the project's routes see it: security headers, body
// limits (checked before anything is held in memory), a read deadline, and the limits on what an anonymous client
// may do: open rooms (per client address and per server) and guess join codes (counted per address, logged as a
// count once a minute, never the codes).
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type GateRefusalKey, gateSentence, requestLanguage } from './room-refusals.ts';

export interface GuardLimits {
  /** Bytes of a request body on every route but `create` (a join needs well under 1 KB). */
  smallBody: number;
  /** Bytes of a `create` body that carries a `fork` record (a record is at most 2,000,000 characters, escaped). */
  forkBody: number;
  /** How long a client may take to send its body, in ms. */
  readMs: number;
  /** Rooms one client address may open per window. */
  roomsPerAddress: number;
  /** Rooms the whole server may open per window. */
  roomsPerServer: number;
  /** The window of the two above, in ms (ten minutes). */
  roomWindowMs: number;
  /** Rooms open on this process at once. */
  maxRooms: number;
  /** Wrong join codes one address may try per minute. */
  guessesPerMinute: number;
  /** How often the counts of refusals go to the log (a minute; shorter in tests). */
  logEveryMs: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  smallBody: 16 * 1024,
  forkBody: 6 * 1024 * 1024,
  readMs: 10_000,
  roomsPerAddress: 10,
  roomsPerServer: 200,
  roomWindowMs: 10 * 60_000,
  maxRooms: 200,
  guessesPerMinute: 20,
  logEveryMs: 60_000,
};

/** Large bodies (a fork's record) read at once, over the whole server: each may hold a few MB. */
const LARGE_IN_FLIGHT = 4;

export interface Guard {
  /** Counts a wrong code from this request's address (a 404 of `ensure`). */
  miss(req: IncomingMessage): void;
  /** Whether the request's address may still guess; when not, the 429 has been sent. */
  allowGuess(req: IncomingMessage, res: ServerResponse): boolean;
  close(): void;
}

export interface GuardDeps {
  limits: GuardLimits;
  log: (line: string) => void;
  /** Rooms open on this process now. */
  roomCount: () => number;
  /** Whether a room with this code runs anywhere (a join to any other code is a guess). */
  roomExists: (code: string) => Promise<boolean>;
  /** The security headers of a response to this request. */
  headers: (req: IncomingMessage) => Record<string, string>;
  /** The launcher's processes (host:port, --processes): a page one of them served may open a socket here. */
  siblings?: readonly string[];
  now?: () => number;
}

/** Counts in fixed windows per key: cheap, and forgets a key once its window is over. */
class Windows {
  private readonly counts = new Map<string, { start: number; n: number }>();
  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}
  private entry(key: string) {
    const t = this.now();
    let e = this.counts.get(key);
    if (!e || t - e.start >= this.windowMs) {
      e = { start: t, n: 0 };
      this.counts.set(key, e);
    }
    return e;
  }
  count(key: string): number {
    return this.entry(key).n;
  }
  add(key: string, n = 1): void {
    const e = this.entry(key);
    e.n = Math.max(0, e.n + n);
  }
  /** Seconds until this key's window is over. */
  retryAfter(key: string): number {
    const e = this.entry(key);
    return Math.max(1, Math.ceil((e.start + this.windowMs - this.now()) / 1000));
  }
  prune(): void {
    const t = this.now();
    for (const [k, e] of this.counts) if (t - e.start >= this.windowMs) this.counts.delete(k);
  }
}

export function addressOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * A refusal a page may show: its English sentence, and its key with the numbers it names, from which it is said in
 * the language the request asks for (room-refusals.ts). The `code` of the answer is the key, for programs.
 */
export interface HttpRefusal {
  code: GateRefusalKey;
  message: string;
  params?: Record<string, number>;
}

/**
 * Answers in one sentence, as JSON (`{ok:false, message}`, which the SDK shows: a page shows it as it comes, so a
 * refusal by key is said in the language the request asks for), and closes the exchange.
 */
export function refuse(
  res: ServerResponse,
  status: number,
  message: string | HttpRefusal,
  extra: Record<string, string> = {},
  close = false,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(
    typeof message === 'string'
      ? { ok: false, message }
      : {
          ok: false,
          code: message.code,
          message: gateSentence(
            requestLanguage(res.req?.headers['accept-language']),
            message.code,
            message.message,
            message.params,
          ),
        },
  );
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (close) res.setHeader('Connection', 'close');
  res.end(body);
}

function tooLarge(max: number): HttpRefusal {
  return {
    code: 'too-large',
    message: `That request is too large (at most ${max} bytes here).`,
    params: { max },
  };
}

const CREATE = /^\/matchmake\/(create|joinOrCreate)\/[^/]+$/;
const GUESS = /^\/matchmake\/(joinById|reconnect)\/([^/?]+)$/;
const ENSURE = /^\/api\/rooms\/[^/]+\/ensure$/;

/**
 * Puts the gate in front of the server's request listeners (call it once Colyseus has added its own): they are
 * taken off the server and run by the gate once the request has passed, with its body already read (`req.body`,
 * which Colyseus's router reads instead of the stream).
 */
export function installGuard(http: HttpServer, deps: GuardDeps): Guard {
  const { limits, log } = deps;
  const now = deps.now ?? Date.now;
  const guesses = new Windows(60_000, now);
  const roomsByAddress = new Windows(limits.roomWindowMs, now);
  const roomsOnServer = new Windows(limits.roomWindowMs, now);
  let largeInFlight = 0;
  // What the minute's log line says.
  let missed = 0;
  let guessRefused = 0;
  const missers = new Set<string>();
  let roomsRefused = 0;
  let bodiesRefused = 0;

  const tick = setInterval(() => {
    if (missed > 0 || guessRefused > 0) {
      log(
        `code guesses in the last minute: ${missed} wrong code(s) from ${missers.size} address(es), ${guessRefused} refused`,
      );
    }
    if (roomsRefused > 0)
      log(`rooms refused in the last minute: ${roomsRefused} (past a limit on opening rooms)`);
    if (bodiesRefused > 0)
      log(`requests refused in the last minute: ${bodiesRefused} (body too large or too slow)`);
    missed = guessRefused = roomsRefused = bodiesRefused = 0;
    missers.clear();
    guesses.prune();
    roomsByAddress.prune();
    roomsOnServer.prune();
  }, limits.logEveryMs);
  tick.unref();

  const miss = (req: IncomingMessage) => {
    const a = addressOf(req);
    guesses.add(a);
    missed++;
    missers.add(a);
  };
  const allowGuess = (req: IncomingMessage, res: ServerResponse): boolean => {
    const a = addressOf(req);
    if (guesses.count(a) < limits.guessesPerMinute) return true;
    guessRefused++;
    const message = 'Too many wrong room codes from this network: wait a minute, then check the code.';
    refuse(res, 429, { code: 'too-many-guesses', message }, { 'Retry-After': String(guesses.retryAfter(a)) });
    return false;
  };

  // A WebSocket from a page of another site is refused (browsers always send Origin; the SDK in Node sends none).
  const upgrades = http.listeners('upgrade') as ((
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ) => void)[];
  http.removeAllListeners('upgrade');
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = req.headers.origin;
    const host = req.headers.host;
    const known = (h: string | undefined) => origin === `http://${h}` || origin === `https://${h}`;
    if (origin !== undefined && !known(host) && !deps.siblings?.some(known)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    for (const l of upgrades) l.call(http, req, socket, head);
  });

  const inner = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const l of inner) l.call(http, req, res);
  };

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(deps.headers(req))) res.setHeader(k, v);
    void gate(req, res).catch((e: unknown) => {
      log(`http: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
      refuse(res, 500, { code: 'fault', message: 'The server could not answer this request.' });
    });
  });

  async function gate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const post = req.method === 'POST';
    const creating = post && CREATE.test(path);
    const limit = creating ? limits.forkBody : limits.smallBody;
    const declared = req.headers['content-length'];
    const length = declared === undefined ? null : Number(declared);
    if (length !== null && (!Number.isSafeInteger(length) || length < 0)) {
      bodiesRefused++;
      refuse(res, 400, 'That request has a malformed Content-Length.', {}, true);
      return;
    }
    if (length !== null && length > limit) {
      bodiesRefused++;
      refuse(res, 413, tooLarge(limit), {}, true);
      return;
    }

    // Refusals that need no body: answer before reading it.
    const guess = post ? GUESS.exec(path) : null;
    if ((guess || (post && ENSURE.test(path))) && !allowGuess(req, res)) return;
    let reservation: (() => void) | null = null;
    if (creating) {
      const a = addressOf(req);
      if (deps.roomCount() >= limits.maxRooms) {
        roomsRefused++;
        const message = `This server is running as many rooms as it may (${limits.maxRooms}): try again later.`;
        refuse(
          res,
          503,
          { code: 'rooms-running', message, params: { max: limits.maxRooms } },
          { 'Retry-After': '60' },
        );
        return;
      }
      if (roomsOnServer.count('*') >= limits.roomsPerServer) {
        roomsRefused++;
        const message = 'This server has opened as many rooms as it may for now: try again in a few minutes.';
        refuse(
          res,
          503,
          { code: 'rooms-opened', message },
          { 'Retry-After': String(roomsOnServer.retryAfter('*')) },
        );
        return;
      }
      if (roomsByAddress.count(a) >= limits.roomsPerAddress) {
        roomsRefused++;
        const rooms = limits.roomsPerAddress;
        const minutes = Math.round(limits.roomWindowMs / 60_000);
        const message = `This network has opened ${rooms} rooms in the last ${minutes} minutes: wait, or reuse a room.`;
        refuse(
          res,
          429,
          { code: 'rooms-by-network', message, params: { rooms, minutes } },
          { 'Retry-After': String(roomsByAddress.retryAfter(a)) },
        );
        return;
      }
      // Counted now, so that a burst cannot pass together; given back if the room is not opened.
      roomsByAddress.add(a);
      roomsOnServer.add('*');
      reservation = () => {
        roomsByAddress.add(a, -1);
        roomsOnServer.add('*', -1);
      };
    }

    const body = await readBody(req, res, limit, creating);
    if (body === null) {
      reservation?.();
      return;
    }
    if (body.length > limits.smallBody && !/"fork"\s*:/.test(body)) {
      // Only a fork's record may be large.
      reservation?.();
      bodiesRefused++;
      refuse(res, 413, tooLarge(limits.smallBody), {}, true);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.headers['content-type']) {
      (req as IncomingMessage & { body?: string }).body = body;
    }
    if (guess) {
      let code: string;
      try {
        code = decodeURIComponent(guess[2]!);
      } catch {
        refuse(res, 400, 'That address is malformed.');
        return;
      }
      if (!(await deps.roomExists(code))) miss(req);
    }
    if (reservation) {
      const give = reservation;
      res.once('finish', () => {
        if (res.statusCode !== 200) give();
      });
      res.once('close', () => {
        if (!res.writableFinished) give();
      });
    }
    pass(req, res);
  }

  /** The body as text, read within the limits; null once the request has been answered (refused or gone). */
  function readBody(
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
    large: boolean,
  ): Promise<string | null> {
    return new Promise((resolve) => {
      const declared = req.headers['content-length'];
      const chunked = req.headers['transfer-encoding'] !== undefined;
      if ((declared === undefined || declared === '0') && !chunked) {
        resolve('');
        return;
      }
      const isLarge = large && (declared === undefined || Number(declared) > limits.smallBody);
      if (isLarge) {
        if (largeInFlight >= LARGE_IN_FLIGHT) {
          bodiesRefused++;
          const message = 'The server is busy reading other large requests: try again in a moment.';
          refuse(res, 503, { code: 'busy', message }, {}, true);
          resolve(null);
          return;
        }
        largeInFlight++;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (value: string | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (isLarge) largeInFlight--;
        req.removeAllListeners('data');
        resolve(value);
      };
      const timer = setTimeout(() => {
        bodiesRefused++;
        refuse(res, 408, { code: 'too-slow', message: 'That request took too long to arrive.' }, {}, true);
        req.destroy();
        finish(null);
      }, limits.readMs);
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          bodiesRefused++;
          refuse(res, 413, tooLarge(limit), {}, true);
          req.pause();
          res.once('finish', () => req.destroy());
          chunks.length = 0;
          finish(null);
          return;
        }
        chunks.push(chunk);
      });
      req.once('end', () => finish(Buffer.concat(chunks).toString('utf8')));
      req.once('error', () => finish(null));
      req.once('close', () => finish(null));
    });
  }

  return {
    miss,
    allowGuess,
    close: () => clearInterval(tick),
  };
}
