// "What you believe", in words: how far the actor credits what it holds, every claim side by side with who made
// it and when, the source's words where a cited basis is why the actor credits or doubts it, evidence that exposes
// a claim; names and headlines from the scenario, never an id.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Lookup } from '../../src/present/lookup.ts';
import { basisFor, beliefStatus, situationModel } from '../../src/present/turn.presenter.ts';
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

/** The belief in words, as the actor's panel gives it: with the sources' words on which it takes each claim. */
function words(actor: string, fact: string, events: string[], turn = 5): string {
  const basis = basisFor(
    scenario.facts.find((f) => f.id === fact),
    actor,
  );
  return beliefStatus(belief(actor, fact, events, turn), [], basis);
}

describe('a belief in words', () => {
  it('keeps two claims side by side, each with its voice, date, how the actor takes it and why', () => {
    const events = ['armed-groups-deny', 'reuters-militias-blamed'];
    const us = words('us', 'factions-launched-drones', events, 4);
    expect(us).toMatch(/^You credit that this is true; no evidence confirms it\./);
    const because =
      "as 000 reports of your side: “did agree the attack was most likely committed by Shi'ite militias”";
    expect(us).toContain(
      `The Coordination Framework and the Iran-aligned armed factions said on 7 November 2021 (“The armed groups deny responsibility; no one claims the attack”): false; you doubt it (${because}).`,
    );
    expect(us).toContain(
      `Reported in “Anonymous sources tell Reuters: Kataib Hezbollah or Asaib Ahl al-Haq” on 7 November 2021: true; you credit it (${because}).`,
    );
    // No source gives the Prime Minister's word on either: he has heard both, and takes no side.
    const pm = words('pm', 'factions-launched-drones', events, 4);
    expect(pm).toMatch(/^You take no side on what you heard/);
    expect(pm).toContain(': false; you take no side.');
    expect(pm).toContain(': true; you take no side.');
  });

  it('says a claim the actor rejected is doubted, with the source that says so', () => {
    const text = words('pm', 'attack-staged', ['militia-leaders-dismiss']);
    expect(text).toMatch(/^You doubt what you heard/);
    expect(text).toContain('you doubt it (as 003 reports of your side: “stating that his residence');
    const sadrists = words('sadrists', 'attack-staged', ['militia-leaders-dismiss']);
    expect(sadrists).toMatch(/^You doubt what you heard/);
    expect(sadrists).toContain(
      'you doubt it (as 002 reports of your side: “denounced the assassination attempt',
    );
  });

  it('shows the source of a starting position', () => {
    const model = situationModel(viewFor(c, initialState(c, 1), 'framework'), lookup, null);
    const fraud = scenario.facts.find((f) => f.id === 'election-fraud')!.statement.text;
    expect(model.beliefs.find((b) => b.statement.text === fraud)?.status).toBe(
      'You hold this to be true from the start, as 002 reports of your side: “Leaders of the pro-Iranian militias have called for protests after political parties representing them lost parliament seats during elections in October, claiming electoral fraud was responsible for their loss of power”; no evidence confirms it.',
    );
  });

  it('shows evidence, and the claims it exposes, without being overturned', () => {
    const text = words('framework', 'mc12w-photo-genuine', ['photo-exposed', 'forged-photo'], 7);
    expect(text).toMatch(
      /^Confirmed by evidence \(“Scholars show the MC-12W photo was forged”\): this is false, since /,
    );
    expect(text).toContain('exposed by the evidence.');
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
