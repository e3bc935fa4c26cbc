// `npm run serve`: the classroom server on this machine. It prints the address students open; the settings come
// from the environment (PORT, DATA_DIR, REDIS_URL, HOST) or the command line, and --help lists them.
import { fileURLToPath } from 'node:url';
import { isLoopbackHost, serverUrls } from './addresses.ts';
import { DEFAULT_LIMITS } from './http-guard.ts';
import { launch, processCount } from './processes.ts';
import { type ServerSettings, startClassroomServer } from './server.ts';

const HELP = `Crisis Table classroom server

  npm run serve [-- OPTIONS]

  --port N          PORT        where it listens (default 2567)
  --host H          HOST        the interface it listens on (default 0.0.0.0: the school network)
  --data-dir D      DATA_DIR    where game records are kept, in SQLite (default ./data)
  --processes N     PROCESSES   N server processes on ports from --port, new rooms on the one with fewest
                                (default 1; auto: one per core but one). They share rooms and records through
                                --redis-url, or else a redis-server started here (install redis-server; its data
                                in DATA_DIR/redis, apart from the SQLite records of one process). A process that
                                stops is reported and started again; its rooms come back when their devices do
  --redis-url U     REDIS_URL   share rooms with other processes through Redis; records are kept there too
  --public-address A PUBLIC_ADDRESS  host:port at which clients reach this process (with Redis, each process's
                                     own); printed first and used in the join links and QR code
  --join-address A  JOIN_ADDRESS    with several processes, the one address in front of all of them (a proxy);
                                     printed first and used in the join links and QR code, before PUBLIC_ADDRESS
  --dist-dir D                  the built game to serve (default: this project's dist/, from npm run build)
  --compress on|off COMPRESS   compress the views sent (default off; on: a quarter of the bytes, more memory)
  --spread-rooms on|off         with Redis, open a new room on the process with the fewest (--processes sets it)
  --siblings A,B                the other processes' public addresses: their pages may reach this one (--processes
                                sets it)
  --restore-hours N             games not ended that changed in the last N hours come back at start (default 24)
  --restore-max N   RESTORE_MAX at most N of them come back at start, the others when a client asks (default 50)
  --max-rooms N     MAX_ROOMS   rooms open at once on this server (default 200)
  --rooms-per-address N ROOMS_PER_ADDRESS  rooms one network address may open per 10 minutes (default 10)
  --rooms-per-server N ROOMS_PER_SERVER    rooms the whole server may open per 10 minutes (default 200)
  --guesses-per-minute N GUESSES_PER_MINUTE  wrong room codes one address may try per minute (default 20)
                    HEALTH_KEY  lets /api/health give its figures to a client off this machine (X-Health-Key)
  --help                        this text

Game records hold seats and commands only: no student name is ever written.`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The server's settings, and how many processes run it. */
export type ServeSettings = ServerSettings & { processes: number };

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): ServeSettings | 'help' {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const value = argv[i + 1];
    if (!arg.startsWith('--') || value === undefined) throw new Error(`unknown argument ${arg} (see --help)`);
    flags.set(arg.slice(2), value);
    i++;
  }
  for (const name of flags.keys()) {
    if (
      ![
        'port',
        'host',
        'data-dir',
        'redis-url',
        'public-address',
        'join-address',
        'dist-dir',
        'compress',
        'restore-hours',
        'restore-max',
        'max-rooms',
        'rooms-per-address',
        'rooms-per-server',
        'guesses-per-minute',
        'processes',
        'spread-rooms',
        'siblings',
      ].includes(name)
    ) {
      throw new Error(`unknown option --${name} (see --help)`);
    }
  }
  const port = Number(flags.get('port') ?? env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT ${String(port)} is not a port number`);
  const restoreHours = Number(flags.get('restore-hours') ?? 24);
  if (!Number.isFinite(restoreHours) || restoreHours < 0)
    throw new Error('--restore-hours must be a number of hours');
  const count = (flag: string, envName: string, fallback: number): number => {
    const raw = flags.get(flag) ?? env[envName];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${flag} (${envName}) must be a whole number, not ${raw}`);
    return n;
  };
  const processes = processCount(flags.get('processes') ?? env.PROCESSES);
  if (processes > 1 && (flags.has('public-address') || env.PUBLIC_ADDRESS))
    throw new Error(
      '--processes gives each process its own public address: give --join-address for a proxy instead',
    );
  return {
    processes,
    spreadRooms: onOff(flags.get('spread-rooms') ?? 'off', 'spread-rooms'),
    siblings: (flags.get('siblings') ?? '').split(',').filter((s) => s !== ''),
    port,
    restoreMax: count('restore-max', 'RESTORE_MAX', 50),
    limits: {
      maxRooms: count('max-rooms', 'MAX_ROOMS', DEFAULT_LIMITS.maxRooms),
      roomsPerAddress: count('rooms-per-address', 'ROOMS_PER_ADDRESS', DEFAULT_LIMITS.roomsPerAddress),
      roomsPerServer: count('rooms-per-server', 'ROOMS_PER_SERVER', DEFAULT_LIMITS.roomsPerServer),
      guessesPerMinute: count('guesses-per-minute', 'GUESSES_PER_MINUTE', DEFAULT_LIMITS.guessesPerMinute),
    },
    host: flags.get('host') ?? env.HOST ?? '0.0.0.0',
    dataDir: flags.get('data-dir') ?? env.DATA_DIR ?? './data',
    redisUrl: flags.get('redis-url') ?? env.REDIS_URL ?? null,
    publicAddress: flags.get('public-address') ?? env.PUBLIC_ADDRESS ?? null,
    joinAddress: flags.get('join-address') ?? env.JOIN_ADDRESS ?? null,
    distDir: flags.get('dist-dir') ?? `${ROOT}dist`,
    scenariosDir: `${ROOT}scenarios`,
    restoreHours,
    compress: onOff(flags.get('compress') ?? env.COMPRESS ?? 'off', 'compress'),
  };
}

function onOff(value: string, name: string): boolean {
  if (value === 'on' || value === '1') return true;
  if (value === 'off' || value === '0') return false;
  throw new Error(`--${name} is on or off, not ${value}`);
}

/** What `npm run serve` prints once it listens: the class page at each address, the school network's first. */
export function startLines(urls: string[], port: number): string[] {
  const lines = [
    `Crisis Table classroom server on port ${port}. Open the class page (teacher and students):`,
  ];
  for (const u of urls) {
    lines.push(
      `  ${u}/class${isLoopbackHost(new URL(u).hostname) ? '   (this computer only: not for students)' : ''}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  let settings: ServeSettings | 'help';
  try {
    settings = readSettings(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(`serve: ${(e as Error).message}`);
    process.exit(2);
  }
  if (settings === 'help') {
    console.log(HELP);
    return;
  }
  if (settings.processes > 1) return launcher(settings);
  // Started by the launcher (--processes): it goes when the launcher goes, however the launcher ended.
  let orphaned: () => void = () => process.exit(1);
  if (process.channel) {
    process.channel.unref();
    process.on('disconnect', () => orphaned());
  }
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  // Start-up that does not finish (a store that never answers) ends the process rather than leaving it deaf.
  const deadline = setTimeout(() => {
    console.error('serve: start-up did not finish within 60 s (the store or the network did not answer)');
    process.exit(1);
  }, 60_000);
  const running = await startClassroomServer(settings, log);
  clearTimeout(deadline);
  for (const code of running.restored) log(`room ${code} is back`);
  const urls = serverUrls(running.port, settings.host, [settings.joinAddress, settings.publicAddress]);
  // Before the ready lines: whoever waits for them may signal at once. A store that no longer answers (the shared
  // Redis gone) does not hold the process for ever.
  const stop = () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  orphaned = stop;
  for (const line of startLines(urls, running.port)) console.log(line);
}

/** Several processes: the launcher starts them (processes.ts) and prints the one address students open. */
async function launcher(settings: ServeSettings): Promise<void> {
  const passed = process.argv.slice(2).filter((_, i, all) => {
    const flag = (i % 2 === 0 ? all[i] : all[i - 1]) ?? '';
    return !['--processes', '--port', '--redis-url', '--spread-rooms', '--siblings'].includes(flag);
  });
  const running = await launch(
    {
      count: settings.processes,
      port: settings.port,
      host: settings.host,
      dataDir: settings.dataDir,
      redisUrl: settings.redisUrl,
      joinAddress: settings.joinAddress ?? null,
      passed,
    },
    (line) => console.log(line),
    (line) => console.error(line),
  );
  console.log(
    `serve: ${settings.processes} processes share their rooms through Redis at ${running.redisUrl}`,
  );
  for (const line of startLines(running.urls, settings.port)) console.log(line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(`serve: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
    process.exit(1);
  });
}
