// A classroom server in the test's own process, on a free loopback port, with its own data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Room } from '@colyseus/sdk';
import { ColyseusTestServer } from '@colyseus/testing';
import { type RunningServer, type ServerSettings, startClassroomServer } from '../../src/server/server.ts';
import { ViewReceiver } from '../../src/session/view-texts.ts';

export interface TestClassroom {
  running: RunningServer;
  harness: ColyseusTestServer;
  log: string[];
  dataDir: string;
}

export async function bootClassroom(
  dataDir = mkdtempSync(join(tmpdir(), 'crisis-table-')),
  rate?: { burst: number; perSecond: number; disconnectAbove: number },
  idleMs?: number,
  more: Partial<ServerSettings> = {},
): Promise<TestClassroom> {
  const log: string[] = [];
  const running = await startClassroomServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      redisUrl: null,
      distDir: join(dataDir, 'no-dist'),
      scenariosDir: 'scenarios',
      restoreHours: 24,
      ...(rate ? { rate } : {}),
      ...(idleMs ? { idleMs } : {}),
      ...more,
    },
    (line) => log.push(line),
  );
  // The harness reads the port the server was asked for; the server was asked for any free one.
  (running.colyseus as unknown as { port: number }).port = running.port;
  return { running, harness: new ColyseusTestServer(running.colyseus), log, dataDir };
}

/** Messages a client has received, by type, and a way to wait for the next one. */
export class Inbox {
  readonly views: unknown[] = [];
  view: unknown = null;
  welcome: { code: string; role: string; seat: string | null; token: string | null } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly room: Room) {
    room.onMessage('welcome', (w) => {
      this.welcome = w as Inbox['welcome'];
      this.wake();
    });
    const receiver = new ViewReceiver<unknown>();
    room.onMessage('view', (v) => {
      this.view = receiver.whole(v);
      this.views.push(this.view);
      this.wake();
    });
    room.onMessage('patch', (ops) => {
      if (receiver.patch(ops) !== 'applied') throw new Error('a patch did not apply');
      this.view = receiver.view;
      this.views.push(this.view);
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves once `test` holds of the current view (checked now and after each message), or fails after 5 s. */
  async until<T = unknown>(test: (view: T) => boolean, what = 'a view', ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    while (!(this.view !== null && test(this.view as T))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.view as T;
  }
}

/** A free loopback port, found by listening on port 0 and letting it go. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  lines: string[];
  stopped: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

/** `npm run serve`'s program in its own process, as a teacher's laptop runs it; resolves once it listens. */
export async function spawnServer(
  args: string[],
  env: Record<string, string> = {},
  startMs = 30_000,
): Promise<ServerProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const stopped = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    // A server that did not start is stopped (a launcher stops its own processes): nothing outlives the test.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start:\n${lines.join('\n')}`));
    }, startMs);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(line);
      if (lines.some((l) => l.includes('classroom server on port'))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void stopped.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server stopped:\n${lines.join('\n')}`));
    });
  });
  await ready;
  return { lines, stopped, kill: (signal = 'SIGKILL') => child.kill(signal) };
}

/** Debian's redis-server on a free loopback port, with nothing written to disk. */
export async function startRedis(): Promise<{ url: string; stop(): void }> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', reject);
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

/** A device's link once it is connected and its view passes `test`; fails after `ms`. */
export async function untilLinked<T>(
  client: { view: unknown; status: string },
  test: (v: T) => boolean,
  what: string,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (!(client.view && client.status === 'connected' && test(client.view as T))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (status ${client.status})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return client.view as T;
}

type Link = import('../../src/session/classroom-client.ts').ClassroomClient<
  import('../../src/present/classroom-screens.ts').ClientView
>;
type Console = import('../../src/present/classroom-screens.ts').ConsoleClientView;
type Seat = import('../../src/present/classroom-screens.ts').SeatClientView;

export interface MidTurn {
  code: string;
  key: string;
  facilitator: Link;
  pm: Link;
  fw: Link;
  /** The console once the pm's team has decided and the framework's has not. */
  before: Console;
}

/**
 * A two-team game stopped in the middle of its first turn: the facilitator opens it through `opener`, the teams
 * join through `joiner`, the pm's team decides, the framework's has not yet.
 */
export async function midTurnGame(opener: string, joiner: string, seed: number): Promise<MidTurn> {
  const { ClassroomClient } = await import('../../src/session/classroom-client.ts');
  const key = `mid-turn-facilitator-key-${seed}`;
  const facilitator: Link = new ClassroomClient({ endpoint: opener, giveUpAfterMs: 30_000 });
  const { code } = await facilitator.open({
    scenario: 'baghdad-2021',
    seed,
    seats: { pm: 'person', framework: 'person' },
    autoResolve: true,
    key,
  });
  const pm: Link = new ClassroomClient({ endpoint: joiner, giveUpAfterMs: 60_000 });
  const fw: Link = new ClassroomClient({ endpoint: joiner, giveUpAfterMs: 60_000 });
  const { seatCode } = await import('../../src/server/room-rules.ts');
  await pm.join(code, { role: 'student', seatCode: seatCode(key, code, 'pm') });
  await fw.join(code, { role: 'student', seatCode: seatCode(key, code, 'framework') });
  const started = await facilitator.request('command', { command: { type: 'game.start' } });
  if (!started.ok) throw new Error(started.message);
  const seat = await untilLinked<Seat>(
    pm,
    (v) => v.kind === 'seat' && v.situation.decision !== null,
    'a decision',
  );
  const option = seat.situation.decision!.options.find((o) => o.open)!.id;
  const submitted = await pm.request('command', {
    command: { type: 'decision.submit', actor: 'pm', option },
  });
  if (!submitted.ok) throw new Error(submitted.message);
  const before = await untilLinked<Console>(
    facilitator,
    (v) => v.kind === 'console' && v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
    'pm submitted',
  );
  return { code, key, facilitator, pm, fw, before };
}

/** The framework's team, back after a fault, decides; the pm's team then sees the next turn. */
export async function finishTurn(game: MidTurn): Promise<void> {
  const fwSeat = await untilLinked<Seat>(
    game.fw,
    (v) => v.kind === 'seat' && v.situation.decision !== null,
    'fw back',
  );
  if (fwSeat.actor !== 'framework') throw new Error(`the framework's device came back at ${fwSeat.actor}`);
  const option = fwSeat.situation.decision!.options.find((o) => o.open)!.id;
  const reply = await game.fw.request('command', {
    command: { type: 'decision.submit', actor: 'framework', option },
  });
  if (!reply.ok) throw new Error(reply.message);
  const next = game.before.view.turn.index + 1;
  await untilLinked<Seat>(
    game.pm,
    (v) => v.kind === 'seat' && v.situation.turn.index === next,
    'the next turn',
  );
}

/** A facilitator's new room with the Prime Minister's seat for a team: its connection and its code. */
export async function openRoom(t: TestClassroom, seed: number, keyPrefix: string, autoResolve: boolean) {
  const f = await t.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed,
    seats: { pm: 'person' },
    autoResolve,
    key: `${keyPrefix}-facilitator-key-${seed}00`,
  });
  const inbox = new Inbox(f);
  const { code } = await inbox.until<{ kind: string; code: string }>((v) => v.kind === 'console');
  return { f, code };
}

/** The classroom server in its own process on a free loopback port, serving the browser tests' build. */
export async function classServer(
  dataPrefix: string,
  distDir: string,
): Promise<{ server: ServerProcess; base: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), dataPrefix));
  const server = await spawnServer(['--port', String(port), '--data-dir', dataDir, '--dist-dir', distDir]);
  return { server, base: `http://127.0.0.1:${port}` };
}
