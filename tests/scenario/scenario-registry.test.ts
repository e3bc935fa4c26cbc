// The registry of the scenarios the game bundles (src/game/session/scenario-registry.ts): Vitest runs in test
// mode, so it lists the test scenario (tests/fixtures/scenarios/harbour-test) beside Baghdad, as the browser
// tests' build does. Each scenario loads on its own, once, and a broken one refuses without taking the others down.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  BUNDLED_SCENARIOS,
  bundledById,
  bundledScenario,
  type ScenarioBundle,
} from '../../src/game/session/scenario-registry.ts';
import { findScenarioDirs, loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { compileScenario } from '../../src/sim/compile.ts';

const MINI = 'tests/fixtures/scenarios/valid-mini';
const miniFiles = (): Record<string, string> =>
  Object.fromEntries(
    ['meta.yaml', 'play.yaml', 'world.yaml'].map((f) => [
      `/x/valid-mini/${f}`,
      readFileSync(`${MINI}/${f}`, 'utf8'),
    ]),
  );

describe('the scenarios the game bundles', () => {
  it('are Baghdad and, in a test build, the test scenario, in that order', () => {
    expect(BUNDLED_SCENARIOS.map((s) => [s.id, s.title])).toEqual([
      ['baghdad-2021', 'After the Ballot: Baghdad, October to December 2021'],
      ['harbour-test', 'The Harbour Bridge (a test scenario)'],
    ]);
  });

  it('include every scenario folder that the server offers', async () => {
    const folders = (await findScenarioDirs('scenarios')).map((d) => basename(d));
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((id) => !bundledById(BUNDLED_SCENARIOS, id))).toEqual([]);
  });

  it('each load their own data, whose id and title are the registry’s, and only Baghdad has a map', async () => {
    for (const entry of BUNDLED_SCENARIOS) {
      const loaded = await entry.load();
      if (!loaded.ok) throw new Error(loaded.problem);
      expect(loaded.scenario.meta.id).toBe(entry.id);
      expect(loaded.scenario.meta.title.text).toBe(entry.title);
      expect(loaded.art === null).toBe(entry.id === 'harbour-test');
    }
  });

  it('give Baghdad the digest the server gives it: its map is no part of it', async () => {
    const baghdad = await bundledById(BUNDLED_SCENARIOS, 'baghdad-2021')!.load();
    const folder = await loadScenarioDir('scenarios/baghdad-2021');
    if (!baghdad.ok || !folder.ok) throw new Error('Baghdad does not load');
    expect(compileScenario(baghdad.scenario).digest).toBe(compileScenario(folder.scenario).digest);
    expect(JSON.stringify(baghdad.scenario)).not.toContain('Euphrates');
  });

  it('are listed without loading any: the registry imports its scenarios only on demand', () => {
    const source = readFileSync('src/game/session/scenario-registry.ts', 'utf8');
    const staticImports = source.split('\n').filter((l) => /^import (?!type )/.test(l));
    // Only the digests it is handed (a WeakMap, no scenario in it): no scenario, no parser, no engine.
    expect(staticImports).toEqual(["import { rememberDigest } from '../../scenario/scenario-digest.ts';"]);
    expect(readFileSync('src/scenario/scenario-digest.ts', 'utf8')).not.toMatch(/^import (?!type )/m);
    expect(source.match(/\(\) => import\('\.\/bundled\/[a-z0-9-]+\.ts'\)/g)).toHaveLength(2);
  });
});

describe('a bundled scenario', () => {
  it('is loaded when asked, once, however often asked', async () => {
    const files = vi.fn(async () => ({ bundle: { files: miniFiles(), art: null } satisfies ScenarioBundle }));
    const entry = bundledScenario('valid-mini', 'A small test crisis', files);
    expect(files).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([entry.load(), entry.load()]);
    expect(a.ok && a.scenario.meta.id).toBe('valid-mini');
    expect(b).toBe(a);
    expect(files).toHaveBeenCalledTimes(1);
  });

  it('that is broken refuses in one line naming it, and another still loads', async () => {
    const broken = bundledScenario('valid-mini', 'A broken one', async () => ({
      bundle: { files: { ...miniFiles(), '/x/valid-mini/world.yaml': 'indicators: [' }, art: null },
    }));
    const good = bundledScenario('valid-mini', 'A small test crisis', async () => ({
      bundle: { files: miniFiles(), art: null },
    }));
    const [refused, loaded] = await Promise.all([broken.load(), good.load()]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problem).toMatch(
      /^The scenario “A broken one” cannot be loaded: valid-mini\/world\.yaml:1:\d+: YAML syntax error/,
    );
    expect(refused.problem).not.toContain('\n');
    expect(loaded.ok).toBe(true);
  });

  it('whose files did not arrive refuses in one line, and is asked for again next time', async () => {
    let calls = 0;
    const entry = bundledScenario('valid-mini', 'A small test crisis', async () => {
      calls++;
      if (calls === 1) throw new Error('Failed to fetch dynamically imported module\nat somewhere');
      return { bundle: { files: miniFiles(), art: null } };
    });
    expect(await entry.load()).toEqual({
      ok: false,
      problem:
        'The scenario “A small test crisis” cannot be loaded: Failed to fetch dynamically imported module',
    });
    expect((await entry.load()).ok).toBe(true);
  });

  it('whose data names another id is refused: the id keys its saves and its links', async () => {
    const entry = bundledScenario('other-id', 'A small test crisis', async () => ({
      bundle: { files: miniFiles(), art: null },
    }));
    const loaded = await entry.load();
    expect(loaded).toEqual({
      ok: false,
      problem:
        'The scenario “A small test crisis” cannot be loaded: its meta.id is “valid-mini”, not “other-id”',
    });
  });

  it('whose map is broken is refused naming the map file', async () => {
    const entry = bundledScenario('valid-mini', 'A small test crisis', async () => ({
      bundle: { files: miniFiles(), art: 'map: { name: Town, outline: [[1, 2]] }' },
    }));
    const loaded = await entry.load();
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problem).toMatch(
        /^The scenario “A small test crisis” cannot be loaded: valid-mini\/art\/map\.yaml:1:1 map\.outline: /,
      );
    }
  });
});
