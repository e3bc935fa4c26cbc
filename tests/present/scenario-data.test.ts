// What the presenters read from the scenario rather than know themselves: the mood's indicators, the
// actors' places on the map and their emblems.
import { beforeAll, describe, expect, it } from 'vitest';
import { EMBLEM_DESIGN_IDS } from '../../src/present/emblems.ts';
import { Lookup } from '../../src/present/lookup.ts';
import { moodFor } from '../../src/present/mood.ts';
import { placesFor } from '../../src/present/places.ts';
import type { IndicatorRow } from '../../src/present/screens.ts';
import { loadMapArt, loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { placeOf } from '../../src/scenario/map-art.ts';
import type { Scenario } from '../../src/scenario/types.ts';

let scenario: Scenario;
beforeAll(async () => {
  const result = await loadScenarioDir('scenarios/baghdad-2021');
  if (!result.ok) throw new Error('the bundled scenario does not load');
  scenario = result.scenario;
});

function row(id: string, value: number | null): IndicatorRow {
  return {
    id,
    label: id,
    meaning: { text: id, cite: '' },
    min: 0,
    max: 100,
    value,
    delta: null,
    trend: 'unknown',
    causes: [],
    history: null,
    want: null,
    tone: 'neutral',
  };
}

/** The scenario with its indicators' tension weights replaced. */
function withTension(weights: Record<string, number | undefined>): Lookup {
  return new Lookup({
    ...scenario,
    indicators: scenario.indicators.map((i) => ({ ...i, tension: weights[i.id] })),
  });
}

describe('the music mood', () => {
  it('follows the indicators the scenario weights for tension, and no others', () => {
    const lookup = withTension({ violence: 1 });
    expect(moodFor([row('violence', 20), row('stateAuthority', 100)], lookup)).toBe('calm');
    expect(moodFor([row('violence', 50)], lookup)).toBe('tense');
    expect(moodFor([row('violence', 70)], lookup)).toBe('critical');
    expect(moodFor([row('shiaTension', 100)], lookup)).toBe('calm');
  });

  it('scales each share of the range by its weight, and the highest counts', () => {
    const lookup = withTension({ violence: 0.5, shiaTension: 1 });
    expect(moodFor([row('violence', 100), row('shiaTension', 10)], lookup)).toBe('tense');
    expect(moodFor([row('violence', 100), row('shiaTension', 90)], lookup)).toBe('critical');
  });

  it('stays calm when the weighted indicators are unknown to the player', () => {
    expect(moodFor([row('violence', null), row('shiaTension', null)], new Lookup(scenario))).toBe('calm');
  });

  it('in the Baghdad scenario, grows tense with the violence and the tension between the Shia camps', () => {
    const lookup = new Lookup(scenario);
    const weighted = scenario.indicators.filter((i) => lookup.tension(i.id) > 0).map((i) => i.id);
    expect(weighted.sort()).toEqual(['shiaTension', 'violence']);
  });
});

describe('the map places', () => {
  it('come from the actors of the scenario, each with its emblem and a cited note', () => {
    const lookup = new Lookup(scenario);
    const places = placesFor(lookup);
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) {
      expect(p.emblem).toBe(lookup.card(p.actor).emblem);
      expect(p.note.text.length).toBeGreaterThan(0);
      expect(p.note.cite).toMatch(/^(Sources?: |Invented for the game)/);
    }
    expect(places.filter((p) => p.actor === 'us').map((p) => p.place)).toEqual(['green-zone', 'erbil']);
  });

  it('are all drawn: the map data knows where every place of the Baghdad scenario is', async () => {
    const art = await loadMapArt('scenarios/baghdad-2021', scenario);
    if (!('art' in art) || !art.art) throw new Error('Baghdad has no map');
    const map = art.art;
    const unknown = placesFor(new Lookup(scenario))
      .map((p) => p.place)
      .filter((id) => placeOf(map, id) === null);
    expect(unknown).toEqual([]);
  });
});

describe('the emblems', () => {
  it('that the scenario names are designs of the game, so no actor falls back to a shape unasked', () => {
    const named = scenario.actors.flatMap((a) => (a.emblem ? [a.emblem] : []));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((e) => !EMBLEM_DESIGN_IDS.includes(e))).toEqual([]);
  });
});
