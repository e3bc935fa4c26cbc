/**
 * The Baghdad scenario, with its map (art/map.yaml): one lazy chunk of its own, loaded only when this scenario is
 * played (scenario-registry.ts), checked when the game is built (scripts/checked-scenario-plugin.ts).
 */
export { checked } from 'virtual:checked-scenario/scenarios/baghdad-2021';
