// npm run replay -- FILE: replays a saved game from its seed and the people's choices in its log, with the
// computer playing the other seats again, and reports whether it reproduces the saved game event for event.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createGame } from '../sim/game.ts';
import { checkSaveDocument, SaveError, savedSnapshot } from '../sim/save.ts';
import type { World } from '../sim/world.ts';
import { CliError, loadScenarioArg, runCli } from './scenario-arg.ts';

export interface ReplayReport {
  reproduces: boolean;
  turns: number;
  decisions: number;
  outcome: string | null;
  /** The first difference, when it does not reproduce. */
  difference: string | null;
}

function firstDifference(saved: World, replayed: World): string | null {
  const n = Math.max(saved.log.length, replayed.log.length);
  for (let i = 0; i < n; i++) {
    const a = saved.log[i];
    const b = replayed.log[i];
    if (!isDeepStrictEqual(a, b)) {
      return `decision ${i + 1}: saved ${a ? `${a.actor} ${a.option} (turn ${a.turn + 1})` : 'nothing'}, replayed ${b ? `${b.actor} ${b.option} (turn ${b.turn + 1})` : 'nothing'}`;
    }
  }
  for (const key of [
    'journal',
    'fired',
    'changes',
    'indicators',
    'facts',
    'publicBeliefs',
    'outcome',
    'turn',
  ] as const) {
    if (!isDeepStrictEqual(saved[key], replayed[key])) return `the ${key} differ`;
  }
  return null;
}

export function replay(scenario: Parameters<typeof checkSaveDocument>[0], doc: unknown): ReplayReport {
  const save = checkSaveDocument(scenario, doc);
  const saved = (savedSnapshot(scenario, save) as { context?: { world?: World } }).context?.world;
  if (!saved) throw new SaveError('This save is damaged: it holds no game.');
  const humans = Object.entries(save.seats)
    .filter(([, c]) => c === 'human')
    .map(([a]) => a);
  const game = createGame(scenario, { seed: save.seed, humans });
  const lastTurn = saved.outcome ? saved.outcome.turn : saved.turn - 1;
  for (let turn = 0; turn <= lastTurn && !game.ended; turn++) {
    for (const d of save.log) if (d.turn === turn && d.by === 'human') game.submit(d.actor, d.option);
    if (!game.ready) break;
    game.resolve();
  }
  const replayed = game.snapshot.context.world;
  const difference = firstDifference(saved, replayed);
  game.stop();
  return {
    reproduces: difference === null,
    turns: lastTurn + 1,
    decisions: save.log.length,
    outcome: saved.outcome?.id ?? null,
    difference,
  };
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new CliError('usage: npm run replay -- FILE');
  let doc: { scenario?: { id?: string } };
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: not a saved game (${e instanceof Error ? e.message : e})`);
  }
  const id = doc?.scenario?.id;
  if (typeof id !== 'string') throw new CliError(`${file}: This is not a Crisis Table saved game.`);
  const scenario = await loadScenarioArg(id);
  let report: ReplayReport;
  try {
    report = replay(scenario, doc);
  } catch (e) {
    if (e instanceof SaveError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  const what = `${report.turns} turns, ${report.decisions} decisions, outcome ${report.outcome ?? 'none yet'}`;
  if (report.reproduces) console.log(`${file}: reproduces (${what})`);
  else console.log(`${file}: does not reproduce (${what}): ${report.difference}`);
  return report.reproduces ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
