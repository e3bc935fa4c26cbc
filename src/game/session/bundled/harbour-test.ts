/// <reference types="vite/client" />
/**
 * A small test scenario (tests/fixtures/scenarios/harbour-test), bundled only by a build in test mode
 * (scenario-registry.ts): it proves that a second scenario changes nothing else. It has no map, on purpose.
 */
import type { ScenarioBundle } from '../scenario-bundle.ts';

const files = import.meta.glob<string>('/tests/fixtures/scenarios/harbour-test/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const bundle: ScenarioBundle = { files, art: null };
