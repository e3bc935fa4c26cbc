// The map of a scenario as data (src/scenario/map-art.ts, art/map.yaml in its folder): checked by the loader, so
// `npm run validate` and the server refuse a map the game could not draw, in one line naming the file.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/load.ts';
import { loadMapArt, loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { placeOf } from '../../src/scenario/map-art.ts';

const HARBOUR = 'tests/fixtures/scenarios/harbour-test';
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the test scenario with the given art/map.yaml. */
function withMap(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-map-'));
  made.push(dir);
  cpSync(HARBOUR, dir, { recursive: true });
  mkdirSync(join(dir, 'art'));
  writeFileSync(join(dir, 'art', 'map.yaml'), text);
  return dir;
}

const TOWN = `
map:
  name: A town
  outline: [[10, 10], [11, 10], [11, 11], [10, 11]]
  cities: [{ id: town, name: Town, at: [10.5, 10.5], capital: true }]
  places: { bridge: [10.6, 10.4] }
`;

describe('the map of a scenario', () => {
  it('of Baghdad draws every place its actors name, on the map or on the inset', async () => {
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error('Baghdad does not load');
    const art = await loadMapArt('scenarios/baghdad-2021', loaded.scenario);
    if (!('art' in art) || !art.art) throw new Error('Baghdad has no map');
    const places = loaded.scenario.actors.flatMap((a) => a.places.map((p) => p.at));
    expect(places.length).toBeGreaterThan(0);
    expect(places.filter((p) => placeOf(art.art!, p) === null)).toEqual([]);
    expect(art.art.inset?.city).toBe('baghdad');
  });

  it('is optional: the test scenario has none and is valid', async () => {
    const loaded = await loadScenarioDir(HARBOUR);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(await loadMapArt(HARBOUR, loaded.scenario)).toEqual({ art: null });
  });

  it('that is valid loads with the scenario', async () => {
    const dir = withMap(TOWN);
    const loaded = await loadScenarioDir(dir);
    expect(loaded.ok).toBe(true);
  });

  it('is refused in one line naming its file: a shape the game cannot draw', async () => {
    const dir = withMap('map: { name: A town, outline: [[10, 10], [11, 10]] }');
    const loaded = await loadScenarioDir(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problems).toHaveLength(1);
      expect(formatProblem(loaded.problems[0]!)).toMatch(
        new RegExp(`^${join(dir, 'art', 'map.yaml')}:1:1 map\\.outline: `),
      );
    }
  });

  it('is refused when it is not YAML, on the line of the fault', async () => {
    const dir = withMap('map:\n  name: [A town\n');
    const loaded = await loadScenarioDir(dir);
    expect(!loaded.ok && formatProblem(loaded.problems[0]!)).toMatch(/art\/map\.yaml:\d+:\d+: /);
  });

  it('is refused when its inset enlarges a city the map does not have', async () => {
    const dir = withMap(`${TOWN}inset: { title: The town (schematic), city: harbour }\n`);
    const loaded = await loadScenarioDir(dir);
    expect(!loaded.ok && formatProblem(loaded.problems[0]!)).toBe(
      `${join(dir, 'art', 'map.yaml')}:1:1 inset.city: “harbour” is not one of the map's cities`,
    );
  });

  it('is refused when a place an actor names is drawn nowhere, rather than left off the map', async () => {
    const dir = withMap(TOWN);
    writeFileSync(
      join(dir, 'world.yaml'),
      readFileSync(join(HARBOUR, 'world.yaml'), 'utf8').replace(
        '    posture: patient\n',
        '    posture: patient\n    places:\n      - { at: town-hall, what: { text: The town hall, invention: true } }\n',
      ),
    );
    const loaded = await loadScenarioDir(dir);
    expect(!loaded.ok && formatProblem(loaded.problems[0]!)).toBe(
      `${join(dir, 'art', 'map.yaml')}:1:1: the place “town-hall” of actor mayor is neither on the map nor on the inset`,
    );
  });
});
