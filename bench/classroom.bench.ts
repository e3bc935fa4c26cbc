// The class load: one server process holding 20 rooms of 30 clients each (600 WebSocket clients on loopback),
// driven from this second process with @colyseus/sdk. Prints, beside their targets: the time from a room's last
// decision to each of its clients holding the next turn's view (p99 < 50 ms), from a submitted decision to the
// submitter's acknowledgement (p99 < 20 ms), the bytes each client receives per turn after its first whole view
// (goal < 4 KB), the server's memory per room, and the knee: the most rooms resolving at once that the process
// answers at p99 ≤ 50 ms (KNEE=0 skips it). Figures only: nothing here is asserted.
//
// MESSAGES=on: talk as well (issue 19), at the issue's pace: every student's client sends one private message
// (`message.send` over the room's protocol, as `{ command }`, to the next seat) every PACE_MS (10 s) of wall time,
// from its own seeded offset so that the clients do not all fire together, independent of the turns, from the first
// turn to the last. MESSAGES=per-turn: a denser load, one message per student client in every turn, at its own
// moment in the turn's think time (at once in the burst turns): a turn in THINK ms makes that one every 3 s or so.
// The message's acknowledgement is timed beside the decision's; the bytes a client receives in a turn include the
// messages it was shown. `npm run bench:talk` runs the bench without and with (at the issue's pace).
//
// ROUNDS=N: the whole of it N times, each on a fresh server, and the headline figures as min / median / max.
// WARM=1: a class of as many rooms plays a whole game and leaves before anything is measured: the server as it runs
// after its first class, with V8's compiler warm (the default measures it fresh from its start; bench:class prints
// both). In the burst, this load process's own CPU is printed beside the server's: on a 2-core machine it competes
// with the server for the cores, as 600 phones would not.
//
// Diagnostics: the server's CPU is also given by thread (the main thread, and V8's helper threads: its optimizing
// compiler and the collector's helpers). PROFILE=dir writes the server's CPU profile and prints the windows of the
// idle, staggered and burst phases on the profile's clock; NODE_FLAGS='--flag …' passes flags to the server's node;
// SERVER_OUT=file keeps what the server prints (with NODE_FLAGS=--trace-opt, the compiler's work), marked where the
// phases begin and end.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import type { ClientView, SeatClientView } from '../src/present/classroom-screens.ts';
import { seatCode } from '../src/server/room-rules.ts';
import type { ClassroomClient as Link } from '../src/session/classroom-client.ts';
// The seeded stream the tests pick their players' moves with: here, the think times are the same on every run.
import { rngFor } from '../tests/helpers/test-rng.ts';
import { untrusted } from './web/stats.ts';

const ROOMS = Number(process.env.ROOMS ?? 20);
const PER_ROOM = 30;
const TURNS = Number(process.env.TURNS ?? 6);
const THINK = Number(process.env.THINK ?? 3000);
const SEATS = ['pm', 'sadrists', 'framework', 'iran', 'us'];
const MESSAGES = process.env.MESSAGES ?? 'off';
/** MESSAGES=per-turn: one message per student client per turn. */
const MESSAGES_PER_TURN = MESSAGES === 'per-turn';
/** MESSAGES=on: one message per student client every PACE_MS of wall time. */
const MESSAGES_PACED = MESSAGES === 'on';
const PACE_MS = Number(process.env.PACE_MS ?? 10_000);
if (!['off', 'on', 'per-turn'].includes(MESSAGES)) throw new Error('bench: MESSAGES is off, on or per-turn');

// Bytes on the wire, per client: the socket's own count of what it read (compressed frames as they arrived).
const sockets = new Map<object, NodeWebSocket>();
let owner: object | null = null;
class CountingWebSocket extends NodeWebSocket {
  constructor(...args: ConstructorParameters<typeof NodeWebSocket>) {
    super(...args);
    if (owner) sockets.set(owner, this);
  }
}
const bytesRead = (who: object): number =>
  (sockets.get(who) as unknown as { _socket?: { bytesRead: number } } | undefined)?._socket?.bytesRead ?? 0;
(globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;
// Imported after the counting socket is in place: the SDK picks its WebSocket when it loads.
const { ClassroomClient } = await import('../src/session/classroom-client.ts');

/** A process's CPU seconds so far (user + system), from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A process's CPU seconds so far by kind of thread (the main thread, V8's helpers, libuv's pool...) and user/system:
 * to tell the JavaScript's work from the kernel's socket work and the collector's threads.
 */
function threadCpuOf(pid: number): Map<string, { user: number; sys: number }> {
  const out = new Map<string, { user: number; sys: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    // Node names its other threads after itself: V8's platform workers (the optimizing compiler, the collector's
    // helpers) and libuv's pool, which this server hardly uses (SQLite is synchronous, compression off).
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const name = tid === String(pid) ? 'main' : comm === 'node' ? 'helpers' : comm;
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const at = out.get(name) ?? { user: 0, sys: 0 };
    at.user += Number(fields[11]) / 100;
    at.sys += Number(fields[12]) / 100;
    out.set(name, at);
  }
  return out;
}

/** The CPU by thread between two readings, per room-turn (ms), the biggest first. */
function threadLine(
  a: Map<string, { user: number; sys: number }>,
  b: Map<string, { user: number; sys: number }>,
  roomTurns: number,
): string {
  const rows = [...b].map(([name, x]) => {
    const y = a.get(name) ?? { user: 0, sys: 0 };
    return { name, user: ((x.user - y.user) * 1000) / roomTurns, sys: ((x.sys - y.sys) * 1000) / roomTurns };
  });
  return rows
    .filter((r) => r.user + r.sys > 0)
    .sort((x, y) => y.user + y.sys - (x.user + x.sys))
    .map((r) => `${r.name} ${r.user.toFixed(1)} user + ${r.sys.toFixed(1)} sys`)
    .join(', ');
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

type Client = Link<ClientView>;
interface Room {
  code: string;
  facilitator: Client;
  students: { client: Client; seat: string }[];
  all: Client[];
}

const turnOf = (v: ClientView | null): number => {
  if (!v) return -1;
  if (v.kind === 'seat') return v.outcome ? 99 : v.situation.turn.index;
  if (v.kind === 'console' || v.kind === 'projector')
    return v.view.status === 'ended' ? 99 : v.view.turn.index;
  return -1;
};

function when(client: Client, test: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (test()) return resolve(performance.now());
    const stop = client.subscribe(() => {
      if (test()) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

async function openRoom(endpoint: string, seed: number): Promise<Room> {
  const facilitator: Client = new ClassroomClient({ endpoint });
  owner = facilitator;
  const key = `bench-facilitator-key-${seed}-0000`;
  const { code } = await facilitator.open({
    scenario: 'baghdad-2021',
    seed,
    seats: Object.fromEntries(SEATS.map((s) => [s, 'person'])),
    autoResolve: true,
    key,
  });
  const all: Client[] = [facilitator];
  const projector: Client = new ClassroomClient({ endpoint });
  owner = projector;
  await projector.join(code, { role: 'projector' });
  all.push(projector);
  const students: Room['students'] = [];
  for (let i = 0; i < PER_ROOM - 2; i++) {
    const client: Client = new ClassroomClient({ endpoint });
    owner = client;
    const seat = SEATS[i % SEATS.length]!;
    await client.join(code, { role: 'student', seatCode: seatCode(key, code, seat) });
    students.push({ client, seat });
    all.push(client);
  }
  owner = null;
  return { code, facilitator, students, all };
}

/** What the server's rooms did to send views (classroom.room.ts viewWork), summed over its processes. */
type Work = Record<'publishes' | 'views' | 'frames' | 'writes' | 'bytes', number>;

async function health(
  endpoint: string,
  gc = true,
): Promise<{ rooms: number; rss: number; heapUsed: number; work?: Work }> {
  return (await fetch(`${endpoint}/api/health${gc ? '' : '?gc=no'}`)).json() as Promise<{
    rooms: number;
    rss: number;
    heapUsed: number;
    work?: Work;
  }>;
}

/** The work counts of every process, summed, read without a collection (it would land in the CPU measured). */
async function workOf(s: Servers): Promise<Work> {
  const each = await Promise.all(s.endpoints.map((e) => health(e, false)));
  const sum: Work = { publishes: 0, views: 0, frames: 0, writes: 0, bytes: 0 };
  for (const h of each) for (const k of Object.keys(sum) as (keyof Work)[]) sum[k] += h.work?.[k] ?? 0;
  return sum;
}

/** The work counts between two readings, per room-turn. */
function workLine(a: Work, b: Work, roomTurns: number): string {
  const per = (k: keyof Work) => ((b[k] - a[k]) / roomTurns).toFixed(1);
  return `publishes ${per('publishes')}, views built ${per('views')}, frames encoded ${per('frames')}, frames written ${per('writes')} (${((b.bytes - a.bytes) / roomTurns / 1024).toFixed(1)} KB)`;
}

interface Figures {
  acks: number[];
  /** A sent message to its acknowledgement (MESSAGES=on or per-turn). */
  messageAcks: number[];
  spread: number[];
  bytes: number[];
  /** The same bytes by who received them: a seat's phone, the facilitator's console, the projector. */
  byRole: Record<'seat' | 'console' | 'projector', number[]>;
}

const noFigures = (): Figures => ({
  acks: [],
  messageAcks: [],
  spread: [],
  bytes: [],
  byRole: { seat: [], console: [], projector: [] },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client's message to the next seat's, timed to its acknowledgement; refused ones are not counted. */
async function sendMessage(d: Room['students'][number], label: string, f: Figures): Promise<void> {
  const to = SEATS[(SEATS.indexOf(d.seat) + 1) % SEATS.length]!;
  const sent = performance.now();
  const reply = await d.client.request('command', {
    command: {
      type: 'message.send',
      actor: d.seat,
      to: [to],
      text: `${label}: can we talk before we decide?`,
    },
  });
  if (!reply.ok) throw new Error(`bench: a message was refused: ${reply.message}`);
  f.messageAcks.push(performance.now() - sent);
}

/**
 * MESSAGES=on: each student client sends a message every PACE_MS of wall time, its first after a seeded offset
 * within the pace, until the returned stop is called (which waits for the messages under way). A room that has
 * ended sends no more. `figures()`: where the acknowledgements go now (the phase being played).
 */
function startPacedTalk(rooms: Room[], figures: () => Figures): () => Promise<void> {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let done = false;
  const talkers = rooms.flatMap((room, i) => {
    const rng = rngFor(104_729 * (i + 1));
    return room.students.map(async (s) => {
      let next = performance.now() + rng() * PACE_MS;
      for (let k = 1; ; k++) {
        await Promise.race([sleep(Math.max(0, next - performance.now())), stopped]);
        if (done || turnOf(room.facilitator.view) === 99) return;
        await sendMessage(s, `Message ${k}`, figures());
        next += PACE_MS;
      }
    });
  });
  return async () => {
    done = true;
    stop();
    await Promise.all(talkers);
  };
}

/**
 * One turn of one room: one member of each deciding seat submits, each after its own think time (none: one after
 * the other at once); the time from the last submission to each client holding the next turn's view is recorded.
 */
async function playTurn(
  room: Room,
  turn: number,
  f: Figures,
  thinkMs: number,
  rng: () => number,
): Promise<boolean> {
  await Promise.all(room.all.map((c) => when(c, () => turnOf(c.view) >= turn)));
  if (turnOf(room.facilitator.view) === 99) return false;
  const start = new Map(room.all.map((c) => [c, bytesRead(c)]));
  const deciders = SEATS.map((seat) => room.students.find((s) => s.seat === seat)!).filter(
    (s) => (s.client.view as SeatClientView).status === 'deciding',
  );
  let last = 0;
  const arrivals = room.all.map((c) => when(c, () => turnOf(c.view) > turn));
  const submit = async (d: Room['students'][number]) => {
    const option = (d.client.view as SeatClientView).situation.decision?.options.find((o) => o.open)?.id;
    if (!option) return;
    const sent = performance.now();
    last = Math.max(last, sent);
    const reply = await d.client.request('command', {
      command: { type: 'decision.submit', actor: d.seat, option, turn },
    });
    f.acks.push(performance.now() - sent);
    if (!reply.ok) throw new Error(`bench: a decision was refused: ${reply.message}`);
  };
  // The talk first in a burst turn (all at once, before the decisions); at its own moment in a turn on its own time.
  const label = `Turn ${turn + 1}`;
  const talk = MESSAGES_PER_TURN
    ? room.students.map((s) =>
        thinkMs === 0
          ? sendMessage(s, label, f)
          : sleep(rng() * thinkMs).then(() => sendMessage(s, label, f)),
      )
    : [];
  if (thinkMs === 0) {
    await Promise.all(talk);
    for (const d of deciders) await submit(d);
  } else {
    const delays = deciders.map(() => rng() * thinkMs);
    await Promise.all(deciders.map((d, i) => sleep(delays[i]!).then(() => submit(d))));
  }
  for (const t of await Promise.all(arrivals)) f.spread.push(t - last);
  // A message sent after the last decision may land after the turn resolved: its bytes are counted in this turn.
  await Promise.all(talk);
  for (const c of room.all) {
    const n = bytesRead(c) - start.get(c)!;
    f.bytes.push(n);
    f.byRole[c === room.facilitator ? 'console' : c === room.all[1] ? 'projector' : 'seat'].push(n);
  }
  return true;
}

/** How long the knee's search may take, and how many sizes it tries. */
const KNEE_MS = Number(process.env.KNEE_MS ?? 60_000);
const KNEE_PROBES = 6;

/**
 * The knee: the most rooms (of 30 clients) whose decisions all land in the same moment and whose every client holds
 * the next turn's view within 50 ms at p99. A search over sizes (two turns each, on the rooms that have played
 * least), bounded in probes and in time; the rooms that do not play sit open and idle, as in a school.
 */
async function knee(rooms: Room[]): Promise<void> {
  const played = new Map(rooms.map((r) => [r, 0]));
  const until = performance.now() + KNEE_MS;
  let pass = 0;
  let fail = rooms.length + 1;
  let n = Math.min(4, rooms.length);
  const tried: string[] = [];
  for (let probe = 0; probe < KNEE_PROBES && fail - pass > 1 && performance.now() < until; probe++) {
    const f = noFigures();
    for (let turn = 0; turn < 2; turn++) {
      const open = rooms.filter((r) => turnOf(r.facilitator.view) !== 99);
      const chosen = open.sort((a, b) => played.get(a)! - played.get(b)!).slice(0, n);
      if (chosen.length < n) break;
      await Promise.all(
        chosen.map((r) => {
          played.set(r, played.get(r)! + 1);
          return playTurn(r, turnOf(r.facilitator.view), f, 0, () => 0);
        }),
      );
    }
    if (f.spread.length === 0) break;
    const p99 = quantile(f.spread, 0.99);
    tried.push(`${n} rooms ${p99.toFixed(0)} ms`);
    if (p99 <= 50) {
      pass = n;
      n = Math.min(fail - 1, n * 2);
    } else {
      fail = n;
      n = Math.floor((pass + fail) / 2);
    }
    if (n <= pass || n >= fail) break;
  }
  const bound = fail > rooms.length ? `${pass}, all the rooms open` : `${pass} (${fail} missed)`;
  console.log(
    `  knee (the most rooms of ${PER_ROOM} clients resolving at once at p99 ≤ 50 ms, ${PROCESSES === 1 ? 'one process' : `${PROCESSES} processes`}): ${bound}; tried ${tried.join(', ')}`,
  );
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** One phase's figures beside issue 18's targets (item 3), with met or MISSED. */
function report(name: string, f: Figures, spreadTarget: number): void {
  const spread99 = quantile(f.spread, 0.99);
  const ack99 = quantile(f.acks, 0.99);
  const bytes95 = quantile(f.bytes, 0.95);
  console.log(`  ${name}:`);
  console.log(
    `    last decision → every client holds the next turn's view: p50 ${quantile(f.spread, 0.5).toFixed(1)} ms, p99 ${spread99.toFixed(1)} ms (target p99 ≤ ${spreadTarget} ms: ${verdict(spread99 <= spreadTarget)}; ${f.spread.length} views)`,
  );
  console.log(
    `    submitted decision → acknowledgement: p50 ${quantile(f.acks, 0.5).toFixed(1)} ms, p99 ${ack99.toFixed(1)} ms (target p99 < 20 ms: ${verdict(ack99 < 20)}; ${f.acks.length} decisions)`,
  );
  console.log(
    `    bytes per client per turn after the first whole view: median ${quantile(f.bytes, 0.5).toFixed(0)}, p95 ${bytes95.toFixed(0)}, max ${Math.max(...f.bytes)} (target ≤ 4096 without compression: ${verdict(bytes95 <= 4096)} at p95)`,
  );
  if (f.messageAcks.length > 0)
    console.log(
      `    sent message → acknowledgement: p50 ${quantile(f.messageAcks, 0.5).toFixed(1)} ms, p99 ${quantile(f.messageAcks, 0.99).toFixed(1)} ms (${f.messageAcks.length} messages)`,
    );
  const roles = Object.entries(f.byRole).map(
    ([role, xs]) => `${role} ${quantile(xs, 0.5).toFixed(0)} / ${quantile(xs, 0.95).toFixed(0)}`,
  );
  console.log(`      by who received them, median / p95: ${roles.join(', ')}`);
}

/** PROCESSES=N (N > 1): the rooms spread over N server processes sharing one Redis (npm run serve -- --processes). */
const PROCESSES = Number(process.env.PROCESSES ?? 1);

interface Servers {
  endpoint: string;
  /** Each process's own address (its /api/health counts its own rooms and memory). */
  endpoints: string[];
  /** The server processes' ids, and the redis-server's when there is one (its CPU is reported beside theirs). */
  pids: number[];
  redisPid: number | null;
  stop(): Promise<void>;
}

/**
 * The server: one process as `npm run serve` starts it (SQLite), or with PROCESSES=N the launcher's N processes
 * on consecutive ports and the redis-server it starts (data in the bench's own folder).
 */
async function startServers(): Promise<Servers> {
  let port = await freePort();
  while (PROCESSES > 1 && !(await portFree(port + 1))) port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-bench-class-'));
  const server = spawn(
    process.execPath,
    [
      ...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROFILE] : []),
      '--expose-gc',
      // NODE_FLAGS: V8's or node's own flags for the server processes, to try one (a space between each).
      ...(process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      'src/server/main.ts',
      ...['--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir],
      ...['--compress', process.env.COMPRESS ?? 'off', '--processes', String(PROCESSES)],
      // Every room of the bench is opened from this one address.
      ...['--rooms-per-address', String(ROOMS * (WARM + 1) + 10)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PROCESSES: String(PROCESSES) } },
  );
  const pids: number[] = [];
  // SERVER_OUT=file: what the server prints (its log, and what NODE_FLAGS such as --trace-deopt make it print).
  const out = process.env.SERVER_OUT;
  if (out) server.stdout.on('data', (d: Buffer) => appendFileSync(out, d));
  await new Promise<void>((resolve) =>
    server.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/listens on port \d+ \(pid (\d+)\)/g)) pids.push(Number(m[1]));
      if (d.toString().includes('classroom server on port')) resolve();
    }),
  );
  const redisPid = PROCESSES > 1 ? Number(readFileSync(join(dataDir, 'redis', 'redis.pid'), 'utf8')) : null;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    endpoints: [...Array(PROCESSES).keys()].map((i) => `http://127.0.0.1:${port + i}`),
    pids: PROCESSES === 1 ? [server.pid!] : pids,
    redisPid,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The server processes' CPU seconds so far, summed (the redis-server's apart: redisCpu). */
const cpuOfServers = (s: Servers): number => s.pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
const redisCpu = (s: Servers): number => (s.redisPid ? cpuOf(s.redisPid) : 0);

/** Every process's rooms and memory, summed, and the rooms each holds. */
async function healthAll(
  s: Servers,
): Promise<{ rooms: number; rss: number; heapUsed: number; perProcess: number[] }> {
  const each = await Promise.all(s.endpoints.map((e) => health(e)));
  const sum = (k: 'rooms' | 'rss' | 'heapUsed') => each.reduce((n, h) => n + h[k], 0);
  return {
    rooms: sum('rooms'),
    rss: sum('rss'),
    heapUsed: sum('heapUsed'),
    perProcess: each.map((h) => h.rooms),
  };
}

/**
 * WARM=N: before anything is measured, N classes of ROOMS rooms each play a whole game at once on the server and
 * leave it. A school's server runs all day: its first class pays V8's warm-up (compiling the code that gets hot,
 * up to the debrief), which a 6-turn bench counts in every figure. WARM=0 (the default) measures a server fresh
 * from its start; `npm run bench:class` prints both.
 */
/** Every seat decides in the first turn: its screens have left the setup once they say so. */
const everySeatDeciding = (r: Room) =>
  Promise.all(
    r.students.map((s) =>
      when(s.client, () => (s.client.view as SeatClientView | null)?.status === 'deciding'),
    ),
  );

const WARM = Number(process.env.WARM ?? 0);

async function warmUp(servers: Servers): Promise<void> {
  for (let w = 0; w < WARM; w++) {
    const rooms: Room[] = [];
    for (let r = 0; r < ROOMS; r++) rooms.push(await openRoom(servers.endpoint, 500_000 + w * 1000 + r));
    await Promise.all(
      rooms.map((r) => r.facilitator.request('command', { command: { type: 'game.start' } })),
    );
    const f = noFigures();
    await Promise.all(
      rooms.map(async (r) => {
        await everySeatDeciding(r);
        for (let turn = 0; await playTurn(r, turn, f, 0, () => 0); turn++);
      }),
    );
    await Promise.all(rooms.flatMap((r) => r.all.map((c) => c.close())));
  }
}

/** One round's figures against issue 18's targets (item 3), for the summary over rounds. */
interface Headline {
  cpu: number;
  burstCpu: number;
  ownP99: number;
  burstP99: number;
  bytesP95: number;
}

async function main(): Promise<Headline> {
  const servers = await startServers();
  const endpoint = servers.endpoint;
  try {
    const warm0 = cpuOfServers(servers);
    await warmUp(servers);
    if (WARM > 0)
      console.log(
        `warm-up (WARM=${WARM}): ${WARM} class${WARM > 1 ? 'es' : ''} of ${ROOMS} rooms played to the end and left, ${(cpuOfServers(servers) - warm0).toFixed(1)} s of server CPU`,
      );
    const before = await healthAll(servers);
    const rooms: Room[] = [];
    for (let r = 0; r < ROOMS; r++) rooms.push(await openRoom(endpoint, 1000 + r));
    const loaded = await healthAll(servers);
    const clients = rooms.reduce((n, r) => n + r.all.length, 0);
    console.log(
      `class load (compression ${process.env.COMPRESS ?? 'off'}, messages ${MESSAGES_PACED ? `on: one per student client every ${PACE_MS / 1000} s` : MESSAGES_PER_TURN ? 'per-turn: one per student client per turn' : 'off'}): ${rooms.length} rooms × ${PER_ROOM} clients = ${clients} WebSocket clients on ${PROCESSES === 1 ? 'one server process' : `${PROCESSES} server processes (rooms per process: ${loaded.perProcess.join(', ')}; Redis between them)`}`,
    );
    console.log(
      `  server memory per room (30 clients connected, heap after GC): ${((loaded.heapUsed - before.heapUsed) / ROOMS / 1024).toFixed(0)} KB heap, ${((loaded.rss - before.rss) / ROOMS / 1024).toFixed(0)} KB resident`,
    );
    await Promise.all(
      rooms.map((r) => r.facilitator.request('command', { command: { type: 'game.start' } })),
    );
    await Promise.all(rooms.map(everySeatDeciding));
    // What the server spends with every room open and nothing happening (its ticks, the sockets' pings): part of
    // the figure per room-turn below, which no view building can remove.
    // IDLE_S: how long (2 s unless given; a longer wait measures the idle more closely).
    const idleS = Number(process.env.IDLE_S ?? 2);
    const idleThreads0 = threadCpuOf(servers.pids[0]!);
    const idle0 = cpuOfServers(servers);
    const idleFrom = process.hrtime.bigint() / 1000n;
    await sleep(idleS * 1000);
    const idlePerSecond = (cpuOfServers(servers) - idle0) / idleS;
    const idleThreads = threadLine(idleThreads0, threadCpuOf(servers.pids[0]!), idleS);
    const work0 = await workOf(servers);
    const threads0 = threadCpuOf(servers.pids[0]!);
    if (process.env.SERVER_OUT) appendFileSync(process.env.SERVER_OUT, '=== bench: play starts\n');
    const serverCpu0 = cpuOfServers(servers);
    const redisCpu0 = redisCpu(servers);
    const loadCpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const playFrom = process.hrtime.bigint() / 1000n;
    // Rooms on their own time: each team decides after a think time of up to THINK ms, as a class does.
    const staggered = noFigures();
    const half = Math.ceil(TURNS / 2);
    let talking = staggered;
    const stopTalk = MESSAGES_PACED ? startPacedTalk(rooms, () => talking) : async () => undefined;
    await Promise.all(
      rooms.map(async (r, i) => {
        const rng = rngFor(7919 * (i + 1));
        for (let turn = 0; turn < half; turn++) if (!(await playTurn(r, turn, staggered, THINK, rng))) break;
      }),
    );
    // Then the worst case: every room's decisions at the same moment, turn after turn.
    const burst = noFigures();
    const none = () => 0;
    const workStaggered = await workOf(servers);
    const threadsStaggered = threadCpuOf(servers.pids[0]!);
    if (process.env.SERVER_OUT) appendFileSync(process.env.SERVER_OUT, '=== bench: burst starts\n');
    const burstCpu0 = cpuOfServers(servers);
    const burstLoad0 = process.cpuUsage();
    const burstFrom = process.hrtime.bigint() / 1000n;
    talking = burst;
    for (let turn = half; turn < TURNS; turn++) {
      await Promise.all(rooms.map((r) => playTurn(r, turn, burst, 0, none)));
    }
    const burstCpu = cpuOfServers(servers) - burstCpu0;
    const burstLoad = process.cpuUsage(burstLoad0);
    const workBurst = await workOf(servers);
    const threadsBurst = threadCpuOf(servers.pids[0]!);
    if (process.env.SERVER_OUT) appendFileSync(process.env.SERVER_OUT, '=== bench: burst ends\n');
    // The burst's window on the monotonic clock the server's CPU profile stamps its samples with (µs).
    if (process.env.PROFILE)
      console.log(
        `  burst window (monotonic µs, for the profile): ${burstFrom}-${process.hrtime.bigint() / 1000n}; on their own time: ${playFrom}-${burstFrom}; idle: ${idleFrom}-${idleFrom + BigInt(idleS * 1_000_000)}`,
      );
    await stopTalk();
    const wall = (performance.now() - wall0) / 1000;
    const loadCpu = process.cpuUsage(loadCpu0);
    const serverCpu = cpuOfServers(servers) - serverCpu0;
    const played = await healthAll(servers);
    console.log(
      `  while playing ${TURNS} turns (${wall.toFixed(1)} s): the server used ${((serverCpu / wall) * 100).toFixed(0)}% of a core, this load process ${(((loadCpu.user + loadCpu.system) / 1e6 / wall) * 100).toFixed(0)}%`,
    );
    const perRoomTurn = (serverCpu * 1000) / (ROOMS * TURNS);
    console.log(
      `  server CPU per room-turn${PROCESSES > 1 ? ` (summed over the ${PROCESSES} processes)` : ''}: ${perRoomTurn.toFixed(1)} ms (target ≤ 5 ms: ${verdict(perRoomTurn <= 5)})`,
    );
    if (servers.redisPid)
      console.log(
        `    and the redis-server between them: ${(((redisCpu(servers) - redisCpu0) * 1000) / (ROOMS * TURNS)).toFixed(1)} ms per room-turn`,
      );
    console.log(
      `    of which idle (every room open, nothing played: ${(idlePerSecond * 1000).toFixed(0)} ms of CPU per second) ${((idlePerSecond * wall * 1000) / (ROOMS * TURNS)).toFixed(1)} ms; in the burst alone ${((burstCpu * 1000) / (ROOMS * (TURNS - half))).toFixed(1)} ms per room-turn (this load process ${((burstLoad.user + burstLoad.system) / 1000 / (ROOMS * (TURNS - half))).toFixed(1)} ms)`,
    );
    console.log(
      `    per room-turn on their own time: ${workLine(work0, workStaggered, ROOMS * half)}; all at once: ${workLine(workStaggered, workBurst, ROOMS * (TURNS - half))}`,
    );
    console.log(`    idle by thread, ms of CPU per second: ${idleThreads}`);
    console.log(
      `    by thread${PROCESSES > 1 ? ' (the first process)' : ''}, ms per room-turn: on their own time: ${threadLine(threads0, threadsStaggered, ROOMS * half)}; all at once: ${threadLine(threadsStaggered, threadsBurst, ROOMS * (TURNS - half))}`,
    );
    const busy = untrusted();
    if (busy) console.log(`  (${busy})`);
    report(
      `rooms on their own time (think time up to ${THINK} ms per decision; turns 1-${half})`,
      staggered,
      50,
    );
    // The issue's burst target on a 2-core machine (its goal of 50 ms is for a machine with 4 cores free).
    report(
      `all rooms at once (every room's decisions in the same moment; turns ${half + 1}-${TURNS})`,
      burst,
      100,
    );
    console.log(
      `  server memory per room after ${TURNS} turns: ${((played.heapUsed - before.heapUsed) / ROOMS / 1024).toFixed(0)} KB heap`,
    );
    // One line to set beside the other run's (npm run bench:talk runs the bench without messages, then with).
    console.log(
      `  summary, messages ${MESSAGES}: last decision → views p99 ${quantile(staggered.spread, 0.99).toFixed(1)} ms on their own time, ${quantile(burst.spread, 0.99).toFixed(1)} ms all at once; bytes per client per turn median ${quantile([...staggered.bytes, ...burst.bytes], 0.5).toFixed(0)}, p95 ${quantile([...staggered.bytes, ...burst.bytes], 0.95).toFixed(0)}; ${staggered.messageAcks.length + burst.messageAcks.length} messages, acknowledgement p99 ${quantile([...staggered.messageAcks, ...burst.messageAcks], 0.99).toFixed(1)} ms`,
    );
    if (process.env.KNEE !== '0') await knee(rooms);
    const after = untrusted();
    if (after) console.log(`  (${after})`);
    await Promise.all(rooms.flatMap((r) => r.all.map((c) => c.close())));
    return {
      cpu: perRoomTurn,
      burstCpu: (burstCpu * 1000) / (ROOMS * (TURNS - half)),
      ownP99: quantile(staggered.spread, 0.99),
      burstP99: quantile(burst.spread, 0.99),
      bytesP95: quantile([...staggered.bytes, ...burst.bytes], 0.95),
    };
  } finally {
    await servers.stop();
  }
}

/**
 * ROUNDS=N: the whole bench N times, each on a fresh server (and its own warm-up with WARM), then the headline
 * figures as min / median / max over the rounds beside their targets, the verdict on the median (issue 18, item 5).
 */
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const rounds: Headline[] = [];
for (let r = 0; r < ROUNDS; r++) {
  if (ROUNDS > 1) console.log(`--- round ${r + 1} of ${ROUNDS}`);
  rounds.push(await main());
}
if (ROUNDS > 1) {
  const line = (name: string, of: (h: Headline) => number, target: number, unit: string, digits = 1) => {
    const xs = rounds.map(of).sort((a, b) => a - b);
    const mid = quantile(xs, 0.5);
    const f = (n: number) => n.toFixed(digits);
    console.log(
      `  ${name}: ${f(xs[0]!)} / ${f(mid)} / ${f(xs[xs.length - 1]!)}${unit} (target ≤ ${target}${unit}: ${verdict(mid <= target)} at the median)`,
    );
  };
  console.log(
    `over ${ROUNDS} rounds, each a fresh server${WARM > 0 ? ' warmed by a whole class' : ''}, min / median / max:`,
  );
  line('server CPU per room-turn', (h) => h.cpu, 5, ' ms');
  line('server CPU per room-turn in the burst alone', (h) => h.burstCpu, 5, ' ms');
  line('last decision → views p99, rooms on their own time', (h) => h.ownP99, 50, ' ms');
  line('last decision → views p99, all rooms at once', (h) => h.burstP99, 100, ' ms');
  line('bytes per client per turn, p95', (h) => h.bytesP95, 4096, ' B', 0);
  const busy = untrusted(rounds.map((h) => h.cpu));
  if (busy) console.log(`  (${busy})`);
}
process.exit(0);
