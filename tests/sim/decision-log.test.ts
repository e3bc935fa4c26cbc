// The decision log: one row per decision of a game, as the record's world logs them, and a CSV that parses back
// into the same rows whatever a label holds.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { playBatchGame } from '../../src/sim/batch.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { type DecisionRow, decisionCsv, decisionRows, parseDecisionCsv } from '../../src/sim/decision-log.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { bundledScenario } from '../helpers/bundled.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

describe('the decision log', () => {
  it('has a row for every decision of a game, and its CSV parses back into the same rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const game = playBatchGame(c, seed, undefined, true);
        // Rebuilt from the game's record, as an export reads it.
        const state = replay(c, { ...newRecord(c, seed), entries: game.entries! });
        const rows = decisionRows(c, state);
        expect(rows.map((r) => [r.turn - 1, r.actor, r.option])).toEqual(
          state.world.log.map((d) => [d.turn, d.actor, d.option]),
        );
        expect(rows.every((r) => r.by === 'computer' && r.date !== '' && r.label !== '')).toBe(true);
        expect(parseDecisionCsv(decisionCsv(rows))).toEqual(rows);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('says "yes" only where the history names the option for that date', () => {
    const rows = decisionRows(c, playBatchGame(c, 5).state);
    for (const r of rows.filter((x) => x.asInHistory === 'yes')) {
      const day = c.scenario.history.find((d) => d.turn === r.turnId);
      expect(day?.actors[r.actor]?.options).toContain(r.option);
    }
    expect(new Set(rows.map((r) => r.asInHistory)).size).toBeGreaterThan(1);
  });

  it('keeps commas, quotes and line breaks in a field', () => {
    const row = fc.record({
      turn: fc.integer({ min: 1, max: 99 }),
      date: fc.string(),
      dateShown: fc.string(),
      turnId: fc.string(),
      actor: fc.string(),
      option: fc.string(),
      label: fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'é') }),
      asInHistory: fc.constantFrom('yes', 'no', 'no option for it', 'not reported'),
      by: fc.constantFrom('seat', 'computer', 'facilitator'),
    }) as fc.Arbitrary<DecisionRow>;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        expect(parseDecisionCsv(decisionCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('refuses a file that is not a decision log, naming the line', () => {
    expect(() => parseDecisionCsv('name,turn\nAna,1\n')).toThrow(/^Line 1 /);
    expect(() => parseDecisionCsv(`${decisionCsv([])}1,2021-10-10,x\n`)).toThrow(/^Line 2 /);
  });
});
