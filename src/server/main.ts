// `npm run serve`: the classroom server on this machine. It prints the address students open; the settings come
// from the environment (PORT, DATA_DIR, REDIS_URL, HOST) or the command line, and --help lists them.
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ServerSettings, startClassroomServer } from './server.ts';

const HELP = `Crisis Table classroom server

  npm run serve [-- OPTIONS]

  --port N          PORT        where it listens (default 2567)
  --host H          HOST        the interface it listens on (default 0.0.0.0: the school network)
  --data-dir D      DATA_DIR    where game records are kept, in SQLite (default ./data)
  --redis-url U     REDIS_URL   share rooms with other processes through Redis; records are kept there too
  --public-address A PUBLIC_ADDRESS  with Redis: host:port at which clients reach this process
  --dist-dir D                  the built game to serve (default: this project's dist/, from npm run build)
  --compress on|off COMPRESS   compress the views sent (default off; on: a quarter of the bytes, more memory)
  --restore-hours N             games not ended that changed in the last N hours come back at start (default 24)
  --help                        this text

Game records hold seats and commands only: no student name is ever written.`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): ServerSettings | 'help' {
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
        'dist-dir',
        'compress',
        'restore-hours',
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
  return {
    port,
    host: flags.get('host') ?? env.HOST ?? '0.0.0.0',
    dataDir: flags.get('data-dir') ?? env.DATA_DIR ?? './data',
    redisUrl: flags.get('redis-url') ?? env.REDIS_URL ?? null,
    publicAddress: flags.get('public-address') ?? env.PUBLIC_ADDRESS ?? null,
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

function addresses(port: number, host: string): string[] {
  if (host !== '0.0.0.0') return [`http://${host}:${port}/`];
  const out = [`http://localhost:${port}/`];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? [])
      if (a.family === 'IPv4' && !a.internal) out.push(`http://${a.address}:${port}/`);
  }
  return out;
}

async function main(): Promise<void> {
  let settings: ServerSettings | 'help';
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
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const running = await startClassroomServer(settings, log);
  for (const code of running.restored) log(`room ${code} is back`);
  console.log(`Crisis Table classroom server on port ${running.port}. Students open:`);
  for (const a of addresses(running.port, settings.host)) console.log(`  ${a}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(`serve: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
    process.exit(1);
  });
}
