// Engine and session figures, printed beside their targets: computer games per CPU second through the one
// engine and through the XState session with its seat actors, one turn's resolution through the session, a
// replay of a whole record, and a save plus a restore. Never asserted in tests: timing belongs here.
import { createActor } from 'xstate';
import { loadScenarioDir } from '../src/scenario/load-dir.ts';
import { sessionMachine } from '../src/session/session.machine.ts';
import { playBatchGame } from '../src/sim/batch.ts';
import type { Entry } from '../src/sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../src/sim/compile.ts';
import { newRecord, replay } from '../src/sim/record.ts';
import { restoreSave, saveJson } from '../src/sim/save.ts';
import { waitingFor } from '../src/sim/state.ts';
import { LiveGame, playTurns } from '../tests/helpers/play.ts';

const START: Entry = { by: { facilitator: true }, command: { type: 'game.start' } };

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

function timeSaveRestore(c: CompiledScenario, turns: number): { median: number; p95: number; bytes: number } {
  const game = playTurns(new LiveGame(c, 7).start(['pm']), [0, 1, 2], turns);
  const known = () => c;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 1500; i++) {
    const t0 = performance.now();
    const json = saveJson(game.record);
    restoreSave(json, known);
    times.push(performance.now() - t0);
    bytes = json.length;
  }
  times.splice(0, 300);
  return { median: percentile(times, 0.5) * 1000, p95: percentile(times, 0.95) * 1000, bytes };
}

/** A whole computer game through the session: every seat's actor decides, the session resolves each turn. */
function sessionGame(c: CompiledScenario, seed: number): void {
  const actor = createActor(sessionMachine, { input: { c, record: newRecord(c, seed), autoResolve: true } });
  actor.start();
  actor.send({ type: 'command.send', entry: START });
  actor.stop();
}

/**
 * The time from a person's last decision of a turn to the session having resolved it and opened the next one
 * (the computer seats deciding again included): what a player waits for after confirming.
 */
function turnTimes(c: CompiledScenario, games: number): number[] {
  const times: number[] = [];
  for (let seed = 0; seed < games; seed++) {
    const record = newRecord(c, seed);
    const actor = createActor(sessionMachine, { input: { c, record, autoResolve: true } }).start();
    actor.send({
      type: 'command.send',
      entry: { by: { facilitator: true }, command: { type: 'seat.set', actor: 'pm', holder: 'person' } },
    });
    actor.send({ type: 'command.send', entry: START });
    for (;;) {
      const state = actor.getSnapshot().context.state;
      if (state.phase === 'ended' || !waitingFor(state).includes('pm')) break;
      const option = state.offers.pm!.options[seed % state.offers.pm!.options.length]!;
      const t0 = performance.now();
      actor.send({
        type: 'command.send',
        entry: {
          by: { seat: 'pm', as: 'person' },
          command: { type: 'decision.submit', actor: 'pm', option },
        },
      });
      times.push(performance.now() - t0);
    }
    actor.stop();
  }
  return times;
}

function replayTimes(c: CompiledScenario): number[] {
  const records = Array.from({ length: 200 }, (_, seed) => {
    const r = newRecord(c, seed);
    r.entries = playBatchGame(c, seed, undefined, true).entries!;
    return r;
  });
  const times: number[] = [];
  for (let round = 0; round < 8; round++) {
    for (const r of records) {
      const t0 = performance.now();
      replay(c, r);
      times.push(performance.now() - t0);
    }
  }
  return times.slice(records.length);
}

const us = (ms: number) => `${(ms * 1000).toFixed(0)} us`;

async function main() {
  const loaded = await loadScenarioDir('scenarios/baghdad-2021');
  if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not validate: run npm run validate');
  const scenario = loaded.scenario;
  const c = compileScenario(scenario);
  console.log(
    `simulation bench: ${scenario.meta.id} ${scenario.meta.version}, ${scenario.turns.length} turns, ${c.actorIds.length} actors, node ${process.version}`,
  );
  const load = (await import('node:os')).loadavg()[0]!.toFixed(2);
  console.log(
    `  load average at start: ${load} (2 cores: above 1, others share the core and wall figures drop)`,
  );
  const batch = rates((i) => playBatchGame(c, i), 7, 1);
  console.log(`  computer games through the one engine (bare loop): ${show(batch)}   target >= 3000`);
  const sessions = rates((i) => sessionGame(c, i), 5, 1);
  console.log(
    `  computer games through the XState session and its seat actors: ${show(sessions)}   target >= 1000`,
  );
  const turns = turnTimes(c, 300);
  console.log(
    `  one turn's resolution through the session: median ${us(percentile(turns, 0.5))}, p99 ${us(percentile(turns, 0.99))} (${turns.length} turns)   target p99 < 1000 us`,
  );
  const replays = replayTimes(c);
  console.log(
    `  replaying a whole record (about 60 commands): median ${us(percentile(replays, 0.5))}, p99 ${us(percentile(replays, 0.99))}   target < 2000 us`,
  );
  for (const t of [3, 99]) {
    const r = timeSaveRestore(c, t);
    const when = t === 99 ? 'an ended game' : `after ${t} turns`;
    console.log(
      `  save + restore, ${when}: median ${r.median.toFixed(0)} us, p95 ${r.p95.toFixed(0)} us, ${r.bytes} bytes   target p95 < 1000 us`,
    );
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
