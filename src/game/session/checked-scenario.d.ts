// The modules scripts/checked-scenario-plugin.ts makes: a scenario folder checked when the game is built.
declare module 'virtual:checked-scenario/*' {
  import type { ScenarioLoad } from './scenario-bundle.ts';
  /** The loader's answer; a refusal's sentence does not yet name the scenario (the registry adds its title). */
  export const checked: ScenarioLoad;
}
