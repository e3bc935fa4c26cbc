// The bundled scenario, loaded and compiled once per test file.
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';

export async function bundledScenario(): Promise<CompiledScenario> {
  const loaded = await loadScenarioDir('scenarios/baghdad-2021');
  if (!loaded.ok) throw new Error('the bundled scenario does not load');
  return compileScenario(loaded.scenario);
}
