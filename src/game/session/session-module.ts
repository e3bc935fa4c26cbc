/**
 * The part of the game loaded after the title: the engine, the solo session and the views of the game. Split
 * off so that the title does not wait for XState and the engine. The scenario comes from the registry
 * (scenario-registry.ts), in a lazy chunk of its own.
 */

// The game flow starts the solo session with these: from here, not by an import of its own after this chunk has come.
export { createActor, fromPromise } from 'xstate';
export { type SoloEmitted, type SoloEvent, soloMachine } from '../../session/solo.machine.ts';
export { describeSoloSave } from '../../session/solo-rules.ts';
export { compileScenario } from '../../sim/compile.ts';
export { viewFor } from '../../sim/view.ts';
