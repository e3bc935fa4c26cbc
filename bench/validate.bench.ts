// Validator figures for a valid but large scenario (the Baghdad one plus 9,000 generated events, as in the red
// team's notes), printed beside the target: the whole npm run validate under 10 s. Never asserted in tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioDir } from '../src/scenario/load-dir.ts';
import { checkPlayability, minPolicyGames } from '../src/sim/reach.ts';
import { writeLargeScenario } from '../tests/fixtures/large-scenario.ts';

const ROUNDS = 3;

/** Median and range of a few rounds, in seconds: the machine's speed drifts from one second to the next. */
async function seconds(run: () => unknown): Promise<string> {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    await run();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(2);
  return `median ${f(times[times.length >> 1]!)} s (rounds ${f(times[0]!)}-${f(times[times.length - 1]!)})`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-validate-bench-'));
  try {
    writeLargeScenario(dir, 9000, 'scenarios/baghdad-2021');
    const loaded = await loadScenarioDir(dir);
    if (!loaded.ok)
      throw new Error(`the generated scenario does not validate: ${loaded.problems[0]?.message}`);
    const scenario = loaded.scenario;
    console.log(
      `validator bench: ${scenario.events.length} events, ${minPolicyGames(scenario)} computer games at least, node ${process.version}`,
    );
    console.log(`  load and check:     ${await seconds(() => loadScenarioDir(dir))}`);
    console.log(`  playability search: ${await seconds(() => checkPlayability(scenario))}`);
    // The command as authors run it, with tsx's start-up: what they wait for.
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const whole = await seconds(() =>
      execFileSync(npx, ['tsx', 'src/cli/validate.ts', dir], { stdio: 'pipe' }),
    );
    console.log(`  npm run validate:   ${whole}   target < 10 s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
