// Groups side by side: the first turn their decisions differed, the endings, the indicators group by group, and
// the decisions that weighed most.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareHtml } from '../../src/present/compare-html.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compareGames } from '../../src/sim/compare.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { historicalChooser } from '../../src/sim/history.ts';
import { bundledScenario } from '../helpers/bundled.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

describe('groups side by side', () => {
  it('finds no difference between a game and itself, and the first differing turn between two', () => {
    const a = playBatchGame(c, 7).state;
    const same = compareGames(c, [
      { label: 'A', state: a },
      { label: 'A again', state: playBatchGame(c, 7).state },
    ]);
    expect(same.firstDifference).toBeNull();
    expect(same.groups[0]!.outcome).toBe(same.groups[1]!.outcome);

    // The same seed, the second group playing the historical options: where the logs first part is the answer.
    const b = playBatchGame(c, 7, historicalChooser(c)).state;
    const cmp = compareGames(c, [
      { label: 'Group 1', state: a },
      { label: 'Group 2', state: b },
    ]);
    const byTurn = (s: typeof a, t: number) =>
      s.world.log
        .filter((d) => d.turn === t)
        .map((d) => `${d.actor}=${d.option}`)
        .sort()
        .join();
    const expected = [...Array(10).keys()].find((t) => byTurn(a, t) !== byTurn(b, t)) ?? null;
    expect(cmp.firstDifference).toBe(expected);
    expect(cmp.firstDifference).not.toBeNull();
    for (const ind of c.scenario.indicators) expect(cmp.indicators[ind.id]).toHaveLength(2);
    expect(cmp.weightiest.length).toBeGreaterThan(0);
    expect(cmp.weightiest[0]!.weight).toBeGreaterThanOrEqual(cmp.weightiest.at(-1)!.weight);
  });

  it('draws one page with each group named, its labels escaped', () => {
    const html = compareHtml(
      c.scenario,
      compareGames(c, [
        { label: '<b>Room A</b>', state: playBatchGame(c, 1).state },
        { label: 'Room B', state: playBatchGame(c, 2).state },
      ]),
    );
    expect(html).toContain('&lt;b&gt;Room A&lt;/b&gt;');
    expect(html).not.toContain('<b>Room A</b>');
    expect(html.match(/<svg /g)).toHaveLength(c.scenario.indicators.length);
    expect(html).toContain('first differed in turn');
  });
});
