/// <reference types="vite/client" />
/**
 * The part of the game loaded after the title: the scenario (YAML, parsed and validated in the
 * browser), the simulation, and what turns its views into screens. Split off so that the title does
 * not wait for YAML, Zod and XState.
 */
import { formatProblem, parseScenarioFiles } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/types.ts';

export { SoloSession } from './solo-session.ts';

const FILES = import.meta.glob<string>('/scenarios/baghdad-2021/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export type ScenarioLoad = { ok: true; scenario: Scenario } | { ok: false; problem: string };

export function loadBundledScenario(): ScenarioLoad {
  const files = Object.entries(FILES).map(([path, text]) => ({ name: path.split('/').pop() ?? path, text }));
  const result = parseScenarioFiles(files);
  if (result.ok) return { ok: true, scenario: result.scenario };
  const first = result.problems[0];
  return { ok: false, problem: first ? formatProblem(first) : 'the scenario could not be loaded' };
}
