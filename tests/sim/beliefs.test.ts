// Beliefs graded and attributed, not overwritten (the rules: credenceOf in src/sim/resolve.ts). Every claim an
// actor hears is kept beside the others with who made it; the actor credits its own word and its allies', doubts
// its rivals', and weighs anyone else's by what it holds and by its goals; evidence is never overturned by
// hearsay; `believes` holds only for what it credits or has confirmed; its own choices are never shown to it.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { holds } from '../../src/sim/conditions.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { credenceOf, injectEvent, relationOf, resolveTurn } from '../../src/sim/resolve.ts';
import { type GameState, initialState } from '../../src/sim/state.ts';
import { viewFor, worldContext } from '../../src/sim/view.ts';
import { type Beliefs, heldValue, type World } from '../../src/sim/world.ts';

let c: CompiledScenario;
beforeAll(async () => {
  const result = await loadScenarioDir('scenarios/baghdad-2021');
  if (!result.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
  c = compileScenario(result.scenario);
});

/** A game at its first turn, where events are brought in one by one as injects. */
class Table {
  world: World;
  beliefs: Record<string, Beliefs>;
  postures: Record<string, string>;
  private nth = 0;

  constructor(turn = 0) {
    const s = initialState(c, 1);
    this.world = { ...s.world, turn };
    this.beliefs = s.beliefs;
    this.postures = s.postures;
  }

  fire(event: string): this {
    const input = { world: this.world, beliefs: this.beliefs, postures: this.postures, seed: 1 };
    const r = injectEvent(c, input, event, this.nth++, false);
    this.world = r.world;
    for (const a in r.learned) this.beliefs[a] = { ...this.beliefs[a], ...r.learned[a] };
    return this;
  }

  state(): GameState {
    return { ...initialState(c, 1), world: this.world, beliefs: this.beliefs, postures: this.postures };
  }
}

describe('relations from the goals', () => {
  it('makes allies of actors whose goals point the same way, rivals of those opposed', () => {
    expect(relationOf(c, 'pm', 'pm')).toBe('self');
    expect(relationOf(c, 'pm', 'us')).toBe('ally');
    expect(relationOf(c, 'framework', 'iran')).toBe('ally');
    expect(relationOf(c, 'pm', 'framework')).toBe('rival');
    expect(relationOf(c, 'sadrists', 'framework')).toBe('rival');
    // An actor without goals (a simulated one) and a claim no one is named for: neither.
    expect(relationOf(c, 'pm', 'commission')).toBe('neutral');
    expect(relationOf(c, 'pm', null)).toBe('neutral');
  });

  it('grades a claim by its speaker, and by what the actor already holds', () => {
    expect(credenceOf(c, 'framework', 'framework', true, undefined)).toBe('credits');
    expect(credenceOf(c, 'framework', 'iran', true, undefined)).toBe('credits');
    expect(credenceOf(c, 'pm', 'framework', true, undefined)).toBe('doubts');
    expect(credenceOf(c, 'pm', null, true, undefined)).toBe('noted');
    // No one named: by what the news does to the actor's goals.
    expect(credenceOf(c, 'pm', null, true, undefined, 'reuters-militias-blamed')).toBe('credits');
    expect(credenceOf(c, 'framework', null, true, undefined, 'reuters-militias-blamed')).toBe('doubts');
    const held = { is: false, confirmed: false, turn: 0, via: 'start', stance: 'credits' as const };
    expect(credenceOf(c, 'pm', null, false, held)).toBe('credits');
    expect(credenceOf(c, 'pm', null, true, held)).toBe('doubts');
  });
});

describe('claims side by side', () => {
  it('keeps the armed groups’ denial and the anonymous officials’ claim to Reuters, each with its voice', () => {
    const t = new Table(4).fire('armed-groups-deny').fire('reuters-militias-blamed');
    const pm = t.beliefs.pm!['factions-launched-drones']!;
    expect(pm.heard).toEqual([
      { is: false, by: 'framework', event: 'armed-groups-deny', turn: 4, credence: 'doubts' },
      { is: true, by: null, event: 'reuters-militias-blamed', turn: 4, credence: 'credits' },
    ]);
    // The Prime Minister doubts his rivals' denial; the anonymous claim, news that serves his goals (the factions
    // weakened), he credits. He holds it true, not confirmed.
    expect(pm).toMatchObject({ is: true, stance: 'credits', confirmed: false });
    // The framework credits its own denial and doubts the claim that contradicts it; so does its ally Iran.
    for (const actor of ['framework', 'iran']) {
      const b = t.beliefs[actor]!['factions-launched-drones']!;
      expect(b.heard?.map((h) => h.credence)).toEqual(['credits', 'doubts']);
      expect(heldValue(b)).toBe(false);
    }
  });

  it('does not make every actor believe a public claim', () => {
    const t = new Table(5).fire('analysis-iran-ordered').fire('militia-leaders-dismiss');
    const ctx = {
      ...worldContext(c, t.world),
      belief: (a: string, f: string) => heldValue(t.beliefs[a]?.[f]),
    };
    const believes = (actor: string, fact: string) => holds({ believes: { actor, fact } }, ctx);
    // 003's claim that Iran ordered the attack, no one named for it: Iran and the framework, whose goals the news
    // harms, doubt it.
    expect(believes('iran', 'iran-ordered-attack')).toBe(false);
    expect(believes('framework', 'iran-ordered-attack')).toBe(false);
    expect(t.beliefs.iran!['iran-ordered-attack']?.stance).toBe('doubts');
    // The militia leaders' "inside job": the framework credits its own word; the Prime Minister, the Sadrists and
    // the United States, its rivals or strangers to it, do not believe it.
    expect(believes('framework', 'attack-staged')).toBe(true);
    for (const actor of ['pm', 'sadrists', 'us']) expect(believes(actor, 'attack-staged')).toBe(false);
  });

  it('lets a later claim of an ally change what the actor holds, keeping the earlier one', () => {
    const s = initialState(c, 1);
    const world = { ...s.world, turn: 4 };
    const r = resolveTurn(c, {
      world,
      choices: { iran: { option: 'order-escalation', by: 'computer' } },
      beliefs: s.beliefs,
      postures: s.postures,
      seed: 1,
    });
    const b = r.learned.framework?.['iran-green-light'];
    expect(b).toMatchObject({ is: true, stance: 'credits', confirmed: false });
    expect(b?.heard).toEqual([{ is: true, by: 'iran', event: null, turn: 4, credence: 'credits' }]);
  });
});

describe('evidence', () => {
  it('is not overturned by a later claim, and the claim is shown exposed', () => {
    const t = new Table(6).fire('investigation-findings').fire('militia-leaders-dismiss');
    const b = t.beliefs.pm!['attack-staged']!;
    expect(b).toMatchObject({ is: false, confirmed: true, stance: 'confirmed' });
    expect(b.heard?.map((h) => [h.is, h.by])).toEqual([[true, 'framework']]);
    const view = viewFor(c, t.state(), 'pm').beliefs.find((v) => v.fact === 'attack-staged');
    expect(view?.claims.map((x) => x.exposed)).toEqual([true]);
    expect(view?.evidence?.text).toBe(c.eventById.get('investigation-findings')?.headline.text);
  });

  it('keeps the claims heard before it beside the evidence', () => {
    const t = new Table(6).fire('militia-leaders-dismiss').fire('investigation-findings');
    const b = t.beliefs.pm!['attack-staged']!;
    expect(b).toMatchObject({ is: false, stance: 'confirmed' });
    expect(b.heard).toHaveLength(1);
  });
});

describe('what a panel shows', () => {
  it('never shows an actor its own choices, nor a fact before anything happened to it', () => {
    const start = initialState(c, 1);
    const pm = viewFor(c, start, 'pm').beliefs.map((b) => b.fact);
    expect(pm).not.toContain('residence-attacked');
    const iran = viewFor(c, start, 'iran').beliefs.map((b) => b.fact);
    expect(iran).not.toContain('iran-green-light');
    expect(iran).not.toContain('iran-urges-restraint');
    // Its starting knowledge, which the scenario names, is shown as such.
    expect(iran).toContain('election-fraud');
    // After Iran's secret order, its panel still does not hold its own choice.
    const s = initialState(c, 1);
    const r = resolveTurn(c, {
      world: s.world,
      choices: { iran: { option: 'order-escalation', by: 'computer' } },
      beliefs: s.beliefs,
      postures: s.postures,
      seed: 1,
    });
    const after = {
      ...s,
      world: r.world,
      beliefs: { ...s.beliefs, iran: { ...s.beliefs.iran, ...r.learned.iran } },
    };
    expect(viewFor(c, after, 'iran').beliefs.map((b) => b.fact)).not.toContain('iran-green-light');
  });

  it('shows the attack once it happened', () => {
    const t = new Table(4).fire('drone-attack');
    const b = viewFor(c, t.state(), 'pm').beliefs.find((v) => v.fact === 'residence-attacked');
    expect(b).toMatchObject({ is: true, stance: 'confirmed' });
  });
});

/** Ids of the scenario that are not plain words: none may reach a screen. */
function scenarioIds(): Set<string> {
  const s = c.scenario;
  const ids = [
    ...s.actors.map((a) => a.id),
    ...s.events.map((e) => e.id),
    ...s.facts.map((f) => f.id),
    ...s.turns.map((t) => t.id),
    ...s.indicators.map((i) => i.id),
    ...s.decisions.flatMap((d) => [d.id, ...d.options.map((o) => o.id)]),
  ];
  return new Set(ids.filter((id) => /-/.test(id)));
}

describe('over many computer games', () => {
  it('shows only beliefs heard or seen in play, or starting knowledge; never an own choice; no id in a text', () => {
    const ids = scenarioIds();
    const ID = /\b[a-z]+(?:-[a-z]+)+\b/g;
    fc.assert(
      fc.property(fc.nat(), fc.nat(12), (seed, stop) => {
        const game = playBatchGame(c, seed, undefined, true);
        const record = { ...newRecord(c, seed), entries: game.entries! };
        const states = [game.state, replay(c, record, { turn: Math.min(stop, game.state.world.turn) })];
        for (const state of states) {
          for (const actor of c.actorIds) {
            const knowledge = c.actorById.get(actor)?.knowledge ?? {};
            for (const b of viewFor(c, state, actor).beliefs) {
              const heard = b.claims.length > 0 || b.since !== null;
              expect(heard || Object.hasOwn(knowledge, b.fact), `${actor}: ${b.fact}`).toBe(true);
              const texts = [
                b.statement.text,
                b.evidence?.text ?? '',
                ...b.claims.flatMap((x) => [x.from.text, x.headline?.text ?? '']),
              ];
              for (const text of texts) {
                const found = (text.match(ID) ?? []).filter((m) => ids.has(m));
                expect(found, text).toEqual([]);
              }
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
