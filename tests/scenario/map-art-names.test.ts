// The map's words in other languages (art/map.yaml `names`): complete for each language it lists, refused in one
// line when a word is missing or no longer on the map, and drawn in the player's language.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/load.ts';
import { loadMapArt, loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { localizeArt } from '../../src/scenario/localize-art.ts';
import { mapWords } from '../../src/scenario/map-art.ts';

const HARBOUR = 'tests/fixtures/scenarios/harbour-test';
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function withMap(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-map-names-'));
  made.push(dir);
  cpSync(HARBOUR, dir, { recursive: true });
  mkdirSync(join(dir, 'art'));
  writeFileSync(join(dir, 'art', 'map.yaml'), text);
  return dir;
}

const town = (names: string) => `
map:
  name: A town
  outline: [[10, 10], [11, 10], [11, 11], [10, 11]]
  rivers: [{ name: River, line: [[10, 10], [11, 11]] }]
  cities: [{ id: town, name: Town, at: [10.5, 10.5], capital: true }]
  places: { bridge: [10.6, 10.4] }
${names}`;

describe('the map in other languages', () => {
  it('of Baghdad has every word of its map in Arabic, and draws them', async () => {
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error('Baghdad does not load');
    const read = await loadMapArt('scenarios/baghdad-2021', loaded.scenario);
    if (!('art' in read) || !read.art) throw new Error('Baghdad has no map');
    const arabic = localizeArt(read.art, 'ar-IQ');
    const words = mapWords(arabic);
    expect(words.length).toBeGreaterThan(8);
    expect(words.filter((w) => !/[\u0600-\u06FF]/.test(w))).toEqual([]);
    expect(arabic.map.cities.find((c) => c.id === 'baghdad')?.name).toBe('بغداد');
    // The English map is untouched, and a language the map does not speak leaves it English.
    expect(read.art.map.cities.find((c) => c.id === 'baghdad')?.name).toBe('Baghdad');
    expect(localizeArt(read.art, 'fr-FR')).toBe(read.art);
  });

  it('is refused in one line when a word of the map has no translation', async () => {
    const dir = withMap(town('names:\n  ar-IQ: { A town: بلدة, Town: البلدة }\n'));
    const loaded = await loadScenarioDir(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(formatProblem(loaded.problems[0]!)).toMatch(/names\.ar-IQ has no translation of “River”/);
  });

  it('is refused when it translates a word the map does not show', async () => {
    const dir = withMap(
      town('names:\n  ar-IQ: { A town: بلدة, Town: البلدة, River: النهر, Bridge: الجسر }\n'),
    );
    const loaded = await loadScenarioDir(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.problems[0]!.message).toMatch(/translates “Bridge”, which the map does not show/);
  });

  it('loads when complete', async () => {
    const dir = withMap(town('names:\n  ar-IQ: { A town: بلدة, Town: البلدة, River: النهر }\n'));
    expect((await loadScenarioDir(dir)).ok).toBe(true);
  });
});
