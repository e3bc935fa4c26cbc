/// <reference types="vite/client" />
/**
 * The part of the game loaded after the title: the scenario (YAML, parsed and validated in the browser), the
 * engine, the solo session and the views of the game. Split off so that the title does not wait for YAML, Zod
 * and XState. The scenario is the one bundled under scenarios/ (the first folder, when there are several).
 */
import { formatProblem, parseScenarioFiles } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/types.ts';

export { type SoloEmitted, type SoloEvent, soloMachine } from '../../session/solo.machine.ts';
export { describeSoloSave } from '../../session/solo-rules.ts';
export { compileScenario } from '../../sim/compile.ts';
export { viewFor } from '../../sim/view.ts';

const FILES = import.meta.glob<string>('/scenarios/*/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export type ScenarioLoad = { ok: true; scenario: Scenario } | { ok: false; problem: string };

export function loadBundledScenario(): ScenarioLoad {
  const folders = [...new Set(Object.keys(FILES).map((path) => path.split('/')[2]!))].sort();
  const folder = folders[0];
  const files = Object.entries(FILES)
    .filter(([path]) => path.split('/')[2] === folder)
    .map(([path, text]) => ({ name: path.split('/').pop() ?? path, text }));
  const result = parseScenarioFiles(files);
  if (result.ok) return { ok: true, scenario: result.scenario };
  const first = result.problems[0];
  return { ok: false, problem: first ? formatProblem(first) : 'the scenario could not be loaded' };
}
