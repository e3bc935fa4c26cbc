// The modules scripts/checked-scenario-plugin.ts makes: a scenario folder checked when the game is built.
declare module 'virtual:checked-scenario/*' {
  import type { CheckedLoad } from './scenario-bundle.ts';
  /** The loader's answer; a refusal's sentence does not yet name the scenario (the registry adds its title). */
  export const checked: CheckedLoad;
}

// A scenario's texts in one language (scripts/checked-scenario-plugin.ts): the longer pattern is the one TypeScript
// takes for these.
declare module 'virtual:checked-scenario/locale/*' {
  import type { LocaleEdit } from '../../scenario/localize.ts';
  /** the texts checked against the English when the game was built, as the edits that localize it */
  export const edits: readonly LocaleEdit[];
}
