// Validator figures, printed beside issue 18's targets (item 2): what `npm run validate` does (load and check, then
// the playability search) in under 5 s of CPU for a valid but large scenario (the Baghdad one plus 9,000 generated
// events, as in the red team's notes), and in under 2 s for the shipped scenario; min / median / max over rounds.
// CPU time, not wall time, so that a loaded machine does not blur the figure. Never asserted in tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioDir } from '../src/scenario/load-dir.ts';
import { checkPlayability, minPolicyGames } from '../src/sim/reach.ts';
import { writeLargeScenario } from '../tests/fixtures/large-scenario.ts';

const ROUNDS = 3;

/** min / median / max of a few rounds, in seconds of this process's CPU: the machine's speed drifts. */
async function cpuSeconds(run: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const spread = (t: number[]) =>
  `${t[0]!.toFixed(2)} / ${t[t.length >> 1]!.toFixed(2)} / ${t[t.length - 1]!.toFixed(2)} s`;

/** What the validator does with one folder: load and check, then search; each part's CPU, and the whole. */
async function validateFigures(label: string, dir: string, target: number): Promise<void> {
  const loaded = await loadScenarioDir(dir);
  if (!loaded.ok) throw new Error(`${label} does not validate: ${loaded.problems[0]?.message}`);
  const scenario = loaded.scenario;
  const load = await cpuSeconds(() => loadScenarioDir(dir));
  const search = await cpuSeconds(() => checkPlayability(scenario));
  const whole = await cpuSeconds(async () => {
    const again = await loadScenarioDir(dir);
    if (again.ok) checkPlayability(again.scenario);
  });
  const median = whole[whole.length >> 1]!;
  console.log(
    `  ${label}: ${scenario.events.length} events, ${minPolicyGames(scenario)} computer games at least`,
  );
  console.log(`    load and check:     ${spread(load)} CPU`);
  console.log(`    playability search: ${spread(search)} CPU`);
  console.log(
    `    validate (both):    ${spread(whole)} CPU   target < ${target} s (${median < target ? 'met' : 'MISSED'})`,
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-validate-bench-'));
  try {
    writeLargeScenario(dir, 9000, 'scenarios/baghdad-2021');
    console.log(
      `validator bench: CPU seconds of this process, min / median / max over ${ROUNDS} rounds, node ${process.version}`,
    );
    await validateFigures('the shipped scenario (baghdad-2021)', 'scenarios/baghdad-2021', 2);
    await validateFigures('the large scenario', dir, 5);
    // The command as authors run it, with tsx's start-up: what they wait for (wall time, for reading).
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const start = performance.now();
    execFileSync(npx, ['tsx', 'src/cli/validate.ts', dir], { stdio: 'pipe' });
    console.log(
      `  npm run validate on the large scenario, once: ${((performance.now() - start) / 1000).toFixed(2)} s wall`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
