// "What you believe", in words: how far the actor credits what it holds, every claim side by side with who made
// it and when, evidence that exposes a claim; names and headlines from the scenario, never an id.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Lookup } from '../../src/present/lookup.ts';
import { beliefStatus, situationModel } from '../../src/present/turn.presenter.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { injectEvent } from '../../src/sim/resolve.ts';
import { initialState } from '../../src/sim/state.ts';
import { type BeliefView, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';

let scenario: Scenario;
let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  scenario = c.scenario;
  lookup = new Lookup(scenario);
});

/** The state after the events, brought in one by one at a turn. */
function after(turn: number, events: string[]) {
  const s = initialState(c, 1);
  let world = { ...s.world, turn };
  const beliefs = s.beliefs;
  events.forEach((event, nth) => {
    const r = injectEvent(c, { world, beliefs, postures: s.postures, seed: 1 }, event, nth, false);
    world = r.world;
    for (const a in r.learned) beliefs[a] = { ...beliefs[a], ...r.learned[a] };
  });
  return { ...s, world, beliefs };
}

function belief(actor: string, fact: string, events: string[], turn = 5): BeliefView {
  const b = viewFor(c, after(turn, events), actor).beliefs.find((v) => v.fact === fact);
  if (!b) throw new Error(`${actor} is shown nothing about ${fact}`);
  return b;
}

describe('a belief in words', () => {
  it('keeps two claims side by side, each with its voice, date and how the actor takes it', () => {
    const text = beliefStatus(
      belief('pm', 'factions-launched-drones', ['armed-groups-deny', 'reuters-militias-blamed'], 4),
    );
    expect(text).toMatch(/^You credit that this is true; no evidence confirms it\./);
    expect(text).toContain(
      'The Coordination Framework and the Iran-aligned armed factions said on 7 November 2021 (“The armed groups deny responsibility; no one claims the attack”): false; you doubt it.',
    );
    expect(text).toContain(
      'Reported in “Anonymous sources tell Reuters: Kataib Hezbollah or Asaib Ahl al-Haq” on 7 November 2021: true; you credit it.',
    );
  });

  it('says a rival’s claim is doubted, and that the actor holds nothing', () => {
    const text = beliefStatus(belief('pm', 'attack-staged', ['militia-leaders-dismiss']));
    expect(text).toMatch(/^You hold this to be false|^You credit that this is false|^You doubt/);
    expect(text).toContain('you doubt it');
    const sadrists = beliefStatus(belief('sadrists', 'attack-staged', ['militia-leaders-dismiss']));
    expect(sadrists).toMatch(/^You doubt what you heard/);
  });

  it('shows evidence, and the claims it exposes, without being overturned', () => {
    const text = beliefStatus(
      belief('pm', 'attack-staged', ['investigation-findings', 'militia-leaders-dismiss'], 6),
    );
    expect(text).toMatch(
      /^Confirmed by evidence \(“Confidential: the investigators' interim report”\): this is false, since /,
    );
    expect(text).toContain('exposed by the evidence');
  });

  it('never tells the Prime Minister before the attack that his residence was not attacked', () => {
    const model = situationModel(viewFor(c, initialState(c, 1), 'pm'), lookup, null);
    const residence = scenario.facts.find((f) => f.id === 'residence-attacked')!.statement.text;
    expect(model.beliefs.map((b) => b.statement.text)).not.toContain(residence);
    expect(model.beliefs.map((b) => b.status).join(' ')).not.toMatch(/confirmed by evidence/i);
  });

  it('never shows Iran its own possible choices', () => {
    const model = situationModel(viewFor(c, initialState(c, 1), 'iran'), lookup, null);
    const own = scenario.facts
      .filter((f) => f.id === 'iran-green-light' || f.id === 'iran-urges-restraint')
      .map((f) => f.statement.text);
    for (const b of model.beliefs) expect(own).not.toContain(b.statement.text);
  });
});

describe('over many computer games', () => {
  it('no belief text shown holds an internal id', () => {
    const ids = new Set(
      [
        ...scenario.actors.map((a) => a.id),
        ...scenario.events.map((e) => e.id),
        ...scenario.facts.map((f) => f.id),
        ...scenario.turns.map((t) => t.id),
        ...scenario.decisions.flatMap((d) => [d.id, ...d.options.map((o) => o.id)]),
      ].filter((id) => id.includes('-')),
    );
    const ID = /\b[a-z]+(?:-[a-z]+)+\b/g;
    fc.assert(
      fc.property(fc.nat(), fc.nat(12), (seed, stop) => {
        const game = playBatchGame(c, seed, undefined, true);
        const record = { ...newRecord(c, seed), entries: game.entries! };
        const mid = replay(c, record, { turn: Math.min(stop, game.state.world.turn) });
        for (const state of [mid, game.state]) {
          for (const actor of c.playableIds) {
            for (const b of situationModel(viewFor(c, state, actor), lookup, null).beliefs) {
              for (const text of [b.status, b.statement.text]) {
                expect(
                  (text.match(ID) ?? []).filter((m) => ids.has(m)),
                  text,
                ).toEqual([]);
                expect(text).not.toMatch(/\bvia\b/);
              }
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
