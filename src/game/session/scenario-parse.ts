/**
 * A bundled scenario's files, parsed and checked in the browser: the same loader as `npm run validate`
 * (src/scenario/load.ts), and its map (src/scenario/map-art.ts). Part of the lazy chunk that holds YAML and Zod;
 * the registry (scenario-registry.ts) loads it with the first scenario played.
 */
import { formatProblem, parseScenarioFiles } from '../../scenario/load.ts';
import { readMapArt } from '../../scenario/map-art.ts';
import type { ScenarioBundle, ScenarioLoad } from './scenario-bundle.ts';

/** `folder/file.yaml`: a problem names the scenario's folder as well as its file. */
function nameOf(path: string): string {
  return path.split('/').slice(-2).join('/');
}

export function parseBundle(id: string, title: string, bundle: ScenarioBundle): ScenarioLoad {
  const refuse = (problem: string): ScenarioLoad => ({
    ok: false,
    problem: `The scenario “${title}” cannot be loaded: ${problem}`,
  });
  const files = Object.entries(bundle.files).map(([path, text]) => ({ name: nameOf(path), text }));
  const result = parseScenarioFiles(files);
  if (!result.ok) {
    const first = result.problems[0];
    return refuse(first ? formatProblem(first) : 'its files could not be read');
  }
  const { scenario } = result;
  // The registry's id is the one a save's slot and a link (?scenario=) use: the data must agree with it.
  if (scenario.meta.id !== id) return refuse(`its meta.id is “${scenario.meta.id}”, not “${id}”`);
  if (bundle.art === null) return { ok: true, scenario, art: null };
  const art = readMapArt(`${id}/art/map.yaml`, bundle.art, scenario);
  return art.ok ? { ok: true, scenario, art: art.art } : refuse(formatProblem(art.problem));
}
