// The digests of the scenarios this page already knows, by their English scenario. A digest names the scenario in
// every record (compile.ts computes it: a hash of the whole English scenario's JSON, about 200,000 characters). The
// build works it out for each bundled scenario beside checking it (scripts/checked-scenario-plugin.ts), and the
// registry hands it in with the scenario, so New game does not hash the scenario again in the player's browser: that
// was 5–6 ms of its click on a desktop, before the hash's loop was warm (issue 18, item 4). Kept apart from the
// engine so that the registry can hand it in without loading the engine's chunk.
import type { Scenario } from './types.ts';

const known = new WeakMap<Scenario, string>();

/** The digest the build worked out for this English scenario (the very object the registry gives). */
export function rememberDigest(english: Scenario, digest: string): void {
  known.set(english, digest);
}

/** The digest remembered for this English scenario, if any. */
export function rememberedDigest(english: Scenario): string | undefined {
  return known.get(english);
}
