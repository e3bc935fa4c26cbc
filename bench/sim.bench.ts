// Simulation figures, printed beside their targets: computer games per second (batch runner and actor system)
// and the time of a save plus a restore. Never asserted in tests: timing belongs here.
import { loadScenarioDir } from '../src/scenario/load-dir.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { playBatchGame } from '../src/sim/batch.ts';
import { createGame, engineFor, playComputerGame } from '../src/sim/game.ts';
import { restoreGameFromJson, saveGameJson } from '../src/sim/save.ts';
import { playTurns } from '../tests/helpers/play.ts';

interface Rate {
  wall: number;
  cpu: number;
}

/**
 * Games per second of wall time and of this process's own CPU time (what one core gives it), over several
 * rounds: a shared virtual machine's speed drifts by a sixth from one second to the next, so one round misleads.
 */
function rates(run: (i: number) => void, rounds: number, seconds: number): Rate[] {
  for (let i = 0; i < 300; i++) run(i);
  const out: Rate[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const first = n;
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    while (performance.now() - start < seconds * 1000) run(1000 + n++);
    const cpu = process.cpuUsage(cpu0);
    const games = n - first;
    out.push({
      wall: games / ((performance.now() - start) / 1000),
      cpu: games / ((cpu.user + cpu.system) / 1e6),
    });
  }
  return out;
}

function show(rs: Rate[]): string {
  const cpu = rs.map((r) => r.cpu).sort((a, b) => a - b);
  const wall = rs.map((r) => r.wall).sort((a, b) => a - b);
  const mid = (xs: number[]) => xs[xs.length >> 1]!.toFixed(0);
  return `median ${mid(cpu)} per CPU second (rounds ${cpu[0]!.toFixed(0)}-${cpu[cpu.length - 1]!.toFixed(0)}), ${mid(wall)} per wall second`;
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function timeSaveRestore(scenario: Scenario, turns: number): { median: number; p95: number; bytes: number } {
  const game = playTurns(createGame(scenario, { seed: 7, humans: ['pm'] }), [0, 1, 2], turns);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 1500; i++) {
    const t0 = performance.now();
    const json = saveGameJson(game);
    const restored = restoreGameFromJson(scenario, json);
    times.push(performance.now() - t0);
    bytes = json.length;
    restored.stop();
  }
  times.splice(0, 300);
  return { median: percentile(times, 0.5) * 1000, p95: percentile(times, 0.95) * 1000, bytes };
}

async function main() {
  const loaded = await loadScenarioDir('scenarios/baghdad-2021');
  if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not validate: run npm run validate');
  const scenario = loaded.scenario;
  const { compiled } = engineFor(scenario);
  console.log(
    `simulation bench: ${scenario.meta.id} ${scenario.meta.version}, ${scenario.turns.length} turns, ${compiled.actorIds.length} actors, node ${process.version}`,
  );
  const load = (await import('node:os')).loadavg()[0]!.toFixed(2);
  console.log(
    `  load average at start: ${load} (2 cores: above 1, others share the core and wall figures drop)`,
  );
  const batch = rates((i) => playBatchGame(compiled, i), 7, 1);
  console.log(`  computer games, batch runner (same rules): ${show(batch)}   target >= 2000 on one core`);
  const actors = rates((i) => playComputerGame(scenario, i).stop(), 3, 1);
  console.log(
    `  computer games, XState actor system:       ${show(actors)}   (the authority for interactive play)`,
  );
  for (const turns of [3, 99]) {
    const t = timeSaveRestore(scenario, turns);
    const when = turns === 99 ? 'an ended game' : `after ${turns} turns`;
    console.log(
      `  save + restore, ${when}: median ${t.median.toFixed(0)} us, p95 ${t.p95.toFixed(0)} us, ${t.bytes} bytes   target < 1000 us`,
    );
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
