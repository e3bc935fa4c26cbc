// The digest that names a scenario in every record is worked out when the game is built, beside checking the
// scenario, and handed in by the registry with it: New game does not hash the whole scenario in the browser (issue
// 18, item 4). The build's digest must be the one the engine would compute, or a record made in the browser would
// not replay elsewhere.
import { describe, expect, it } from 'vitest';
import { checkScenarioFolder } from '../../scripts/checked-scenario-plugin.ts';
import { bundledScenario } from '../../src/game/session/scenario-registry.ts';
import { localizeScenario } from '../../src/scenario/localize.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { compileScenario, scenarioDigest } from '../../src/sim/compile.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('the scenario digest', () => {
  it('is worked out by the build as the engine computes it', async () => {
    const checked = await checkScenarioFolder(ROOT, 'scenarios/baghdad-2021');
    if (!checked.ok) throw new Error(checked.problem);
    expect(checked.digest).toMatch(/^[0-9a-f]{8}$/);
    // A copy the build never saw: the engine hashes it itself.
    const copy = structuredClone(checked.scenario) as Scenario;
    expect(compileScenario(copy).digest).toBe(checked.digest);
  });

  it('is the one the registry was handed, for the scenario and for it in another language', async () => {
    const scenario = structuredClone(miniScenario);
    const computed = scenarioDigest(structuredClone(miniScenario));
    // A digest no hash of this scenario gives: only the one handed in can be it.
    const handed = computed === 'feedbeef' ? 'beeffeed' : 'feedbeef';
    const registry = bundledScenario(scenario.meta.id, scenario.meta.title.text, async () => ({
      checked: { ok: true, scenario, art: null, digest: handed },
    }));
    const loaded = await registry.load();
    if (!loaded.ok) throw new Error(loaded.problem);
    expect(loaded).not.toHaveProperty('digest');
    expect(compileScenario(loaded.scenario).digest).toBe(handed);
    const localized = localizeScenario(loaded.scenario, { 'meta/title': 'عنوان' });
    expect(compileScenario(localized).digest).toBe(handed);
    // Any other scenario is hashed, as before.
    expect(compileScenario(structuredClone(miniScenario)).digest).toBe(computed);
  });
});
