/** What a bundled scenario is made of and what loading it gives: shared by the registry and its lazy chunks. */
import type { MapArt } from '../../scenario/map-art.ts';
import type { Scenario } from '../../scenario/types.ts';

export type { MapArt } from '../../scenario/map-art.ts';

/** A scenario folder's files as text, keyed by path, and its map's text (art/map.yaml) when it has one. */
export interface ScenarioBundle {
  files: Readonly<Record<string, string>>;
  art: string | null;
}

/** A scenario checked when the game was built: the loader's answer, and with a scenario its digest (compile.ts). */
export type CheckedLoad = (ScenarioLoad & { ok: false }) | (ScenarioLoad & { ok: true; digest: string });

export type ScenarioLoad =
  | { ok: true; scenario: Scenario; art: MapArt | null }
  | { ok: false; problem: string };
