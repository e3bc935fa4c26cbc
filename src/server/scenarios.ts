// The scenarios a classroom server offers: every valid folder under scenarios/, compiled once at start.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from '../scenario/load.ts';
import { loadScenarioDir } from '../scenario/load-dir.ts';
import { type CompiledScenario, compileScenario } from '../sim/compile.ts';

export async function loadScenarios(
  root: string,
  log: (line: string) => void,
): Promise<Map<string, CompiledScenario>> {
  const out = new Map<string, CompiledScenario>();
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const loaded = await loadScenarioDir(join(root, entry.name));
    if (!loaded.ok) {
      log(`scenario ${entry.name} is not offered: ${formatProblem(loaded.problems[0]!)}`);
      continue;
    }
    const c = compileScenario(loaded.scenario);
    out.set(c.scenario.meta.id, c);
  }
  return out;
}
