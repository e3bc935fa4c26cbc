// `npm run serve -- --processes N`: N classroom server processes on consecutive ports, sharing their rooms through
// one Redis (the one given with --redis-url, or a redis-server started here on a loopback port, its data under
// DATA_DIR/redis so that games outlive the launcher). Each process has its own public address, which Colyseus puts
// in the seat reservations: a device joins the process that holds its room. New rooms go to the process with the
// fewest (--spread-rooms). The launcher forwards the stop signals, stops the children and then its redis-server;
// a child that dies once started is reported in one line and started again (its rooms come back from their records
// when their devices reconnect); a child that cannot start stops the launcher.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serverUrls } from './addresses.ts';
import { checkDataDir } from './server.ts';

/** --processes / PROCESSES: a whole number from 1, or `auto` (the cores minus one, at least 1). */
export function processCount(raw: string | undefined, cores = availableParallelism()): number {
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return Math.max(1, cores - 1);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`--processes (PROCESSES) is a whole number from 1 to 64 or auto, not ${raw}`);
  return n;
}

/** The program at `name` on this PATH, or null. */
export function onPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

export const NO_REDIS =
  'several processes share their rooms through Redis: install redis-server (apt install redis-server) or give --redis-url';

export interface LaunchPlan {
  count: number;
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | null;
  joinAddress: string | null;
  /** The command line's other options, passed to each process as they are. */
  passed: string[];
}

export interface Launched {
  /** What the students open: the join address, else the first process's. */
  urls: string[];
  redisUrl: string;
  pids: number[];
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/**
 * Starts the processes (and a redis-server when none is given); resolves once every one listens. From its start,
 * SIGINT, SIGTERM and SIGHUP stop them all and end this process; so does a failure once started (`complain`).
 */
export async function launch(
  plan: LaunchPlan,
  say: (line: string) => void,
  complain: (line: string) => void,
): Promise<Launched> {
  if (plan.port === 0 || plan.port + plan.count - 1 > 65535)
    throw new Error(`--processes ${plan.count} needs ${plan.count} ports from --port, not ${plan.port}`);
  const program = plan.redisUrl ? null : onPath('redis-server');
  if (!plan.redisUrl && !program) throw new Error(NO_REDIS);
  const group = new Group(plan, say);
  // Whoever reads the launcher's lines may go first (a closed terminal, a test run's end): the launcher still stops
  // its children rather than die of a broken pipe.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void group.stop().then(() => process.exit(0)));
  try {
    let redisUrl = plan.redisUrl;
    if (program) {
      checkDataDir(plan.dataDir);
      redisUrl = await startRedis(program, join(plan.dataDir, 'redis'), (child) => {
        group.redis = child;
      });
      group.redis!.once('exit', () =>
        group.fail(new Error('redis-server stopped: the processes cannot share rooms without it')),
      );
    }
    group.redisUrl = redisUrl!;
    await Promise.race([
      Promise.all([...Array(plan.count).keys()].map((i) => group.start(i))),
      group.failure,
    ]);
  } catch (e) {
    await group.stop();
    throw e;
  }
  // From now on a failure (a child that cannot start again, the redis-server gone) ends the launcher.
  group.failure.catch((e: Error) => {
    complain(`serve: ${e.message}`);
    void group.stop().then(() => process.exit(1));
  });
  return {
    urls: serverUrls(plan.port, plan.host, [plan.joinAddress]),
    redisUrl: group.redisUrl,
    pids: group.children.map((c) => c?.pid ?? 0),
    stop: () => group.stop(),
  };
}

/** The launcher's children: the server processes, and the redis-server it started (if any). */
class Group {
  redis: ChildProcess | null = null;
  redisUrl = '';
  readonly children: (ChildProcess | null)[] = [];
  readonly failure: Promise<never>;
  fail: (e: Error) => void = () => undefined;
  private stopped: Promise<void> | null = null;
  /** Every process is reached at the address students use for the first, on its own port. */
  private readonly reachHost: string;

  constructor(
    private readonly plan: LaunchPlan,
    private readonly say: (line: string) => void,
  ) {
    this.reachHost = new URL(serverUrls(plan.port, plan.host)[0]!).hostname;
    this.failure = new Promise<never>((_, reject) => {
      this.fail = (e) => {
        if (!this.stopped) reject(e);
      };
    });
    this.failure.catch(() => undefined);
  }

  /** Process i on port + i; resolves once it listens. Its lines are passed on, each marked with its number. */
  start(i: number): Promise<void> {
    const port = this.plan.port + i;
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        MAIN,
        ...this.plan.passed,
        ...['--processes', '1', '--spread-rooms', 'on', '--port', String(port)],
        ...['--redis-url', this.redisUrl, '--public-address', `${this.reachHost}:${port}`],
        // A page from one process opens its room's socket on another: each lets the others' pages in.
        ...['--siblings', this.addresses().join(',')],
      ],
      // The IPC channel only tells the child when the launcher has gone (main.ts stops on its disconnect).
      { env: { ...process.env, PROCESSES: '1' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
    );
    this.children[i] = child;
    let ready = false;
    let last = '';
    return new Promise<void>((resolve) => {
      const onLine = (line: string) => {
        last = line;
        if (line.includes('classroom server on port')) {
          ready = true;
          this.say(
            `serve: process ${i + 1} of ${this.plan.count} listens on port ${port} (pid ${child.pid})`,
          );
          resolve();
        } else if (!/^ {2}https?:\/\//.test(line) && line !== '') this.say(`[p${i + 1}] ${line}`);
      };
      createInterface({ input: child.stdout! }).on('line', onLine);
      createInterface({ input: child.stderr! }).on('line', onLine);
      child.once('exit', (code, signal) => {
        if (this.stopped) return;
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        if (!ready)
          return this.fail(new Error(`process ${i + 1} (port ${port}) could not start: ${last || how}`));
        this.say(
          `serve: process ${i + 1} (port ${port}, pid ${child.pid}) stopped (${how}): starting it again`,
        );
        void this.start(i);
      });
    });
  }

  /** Every process's public address. */
  addresses(): string[] {
    return [...Array(this.plan.count).keys()].map((i) => `${this.reachHost}:${this.plan.port + i}`);
  }

  /** The processes first (each closes its rooms and stores), then the redis-server they share. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await Promise.all(this.children.map((c) => c && ended(c, 'SIGTERM', 15_000)));
      if (this.redis) await ended(this.redis, 'SIGTERM', 10_000);
    })();
    return this.stopped;
  }
}

/** Sends `signal` (once it has not exited) and waits for the exit, then SIGKILL after `ms`. */
function ended(child: ChildProcess, signal: NodeJS.Signals, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** redis-server on a free loopback port, its append-only file in `dir`; resolves once it accepts connections. */
async function startRedis(
  program: string,
  dir: string,
  spawned: (child: ChildProcess) => void,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  await stopLeftover(join(dir, 'redis.pid'));
  const port = await new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
  const child = spawn(
    program,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
      ...['--pidfile', join(dir, 'redis.pid')],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  spawned(child);
  let said = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${said}`)), 15_000);
    const onData = (chunk: Buffer) => {
      said = chunk.toString().trim().split('\n').at(-1) ?? said;
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`redis-server stopped at start: ${said}`)));
  });
  return `redis://127.0.0.1:${port}`;
}

/**
 * A redis-server that a launcher killed outright left running on the same folder: stopped (it writes its data out)
 * before another opens the folder, as two would spoil its files.
 */
async function stopLeftover(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server')) return;
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`the redis-server left running on ${pidFile} (pid ${pid}) did not stop`);
}
