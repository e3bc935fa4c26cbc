import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { scenarioTexts, textHash } from '../../src/scenario/scenario-texts.ts';

describe('the displayable texts of a scenario, by path', () => {
  it('names a text by the ids on its way, a list element without one by its place', () => {
    const texts = scenarioTexts({
      actors: [
        { id: 'pm', name: { text: 'The PM', source: 'a.txt' }, redLines: [{ text: 'x', invention: true }] },
      ],
      people: [{ id: 'p', name: 'Someone', description: { text: 'who', source: ['a.txt', 'b.txt'] } }],
      facts: [{ id: 'f', creditedBy: [{ actor: 'pm', source: 'a.txt', quote: 'said so' }] }],
      meta: { sources: [{ file: 'a.txt', title: 'A title' }], title: { text: 'T', invention: true } },
    });
    expect(texts.map((t) => [t.path, t.kind])).toEqual([
      ['actors/pm/name', 'text'],
      ['actors/pm/redLines/0', 'text'],
      ['people/p/name', 'name'],
      ['people/p/description', 'text'],
      ['facts/f/creditedBy/0/quote', 'quote'],
      ['meta/title', 'text'],
    ]);
    expect(texts[0]).toMatchObject({ source: ['a.txt'], of: textHash('The PM') });
    expect(texts[1]).toMatchObject({ invention: true });
  });

  it('gives every text of the shipped scenario its own path', async () => {
    const loaded = await loadScenarioDir('scenarios/baghdad-2021');
    if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
    const paths = scenarioTexts(loaded.scenario).map((t) => t.path);
    expect(paths.length).toBeGreaterThan(500);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('hashes different texts differently', () => {
    expect(textHash('a')).not.toBe(textHash('b'));
    expect(textHash('a')).toMatch(/^[0-9a-f]{8}$/);
  });
});
