/// <reference types="vite/client" />
/**
 * The Baghdad scenario's files, as text: one lazy chunk of its own, loaded only when this scenario is played
 * (scenario-registry.ts). Its map (art/map.yaml) comes with it.
 */
import type { ScenarioBundle } from '../scenario-bundle.ts';

const files = import.meta.glob<string>('/scenarios/baghdad-2021/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const art = import.meta.glob<string>('/scenarios/baghdad-2021/art/map.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const bundle: ScenarioBundle = { files, art: Object.values(art)[0] ?? null };
