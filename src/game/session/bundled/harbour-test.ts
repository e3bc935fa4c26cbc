/**
 * A small test scenario (tests/fixtures/scenarios/harbour-test), bundled only by a build in test mode
 * (scenario-registry.ts): it proves that a second scenario changes nothing else. It has no map, on purpose.
 * Checked when the game is built, as the shipped one is (scripts/checked-scenario-plugin.ts).
 */
export { checked } from 'virtual:checked-scenario/tests/fixtures/scenarios/harbour-test';
