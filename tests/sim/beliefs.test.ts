// Beliefs graded and attributed, not overwritten (the rules: credenceOf in src/sim/resolve.ts). Every claim an
// actor hears is kept beside the others with who made it; the actor credits a claim only on a cited basis (the
// fact's creditedBy), its own choice in the game, or evidence, and doubts one only on such grounds; otherwise it
// notes it. No ally's word and no effect of the news on its goals moves it. Evidence is never overturned by
// hearsay; `believes` holds only for what it credits or has confirmed; its own choices are never shown to it.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { holds } from '../../src/sim/conditions.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { basisOf, credenceOf, injectEvent, resolveTurn } from '../../src/sim/resolve.ts';
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

describe('credence from cited grounds', () => {
  const held = (is: boolean) => ({ is, confirmed: false, turn: 0, via: 'start', stance: 'credits' as const });
  const seen = (is: boolean) => ({
    is,
    confirmed: true,
    turn: 0,
    via: 'start',
    stance: 'confirmed' as const,
  });

  it('credits a claim where a source says the actor made or accepted it, from whoever it hears it', () => {
    // 000: US defence officials "did agree the attack was most likely committed by Shi'ite militias".
    expect(credenceOf(c, 'us', 'factions-launched-drones', true, null, false, undefined)).toBe('credits');
    expect(credenceOf(c, 'us', 'factions-launched-drones', true, 'pm', false, undefined)).toBe('credits');
    // 004: "the armed groups denied responsibility".
    expect(credenceOf(c, 'framework', 'factions-launched-drones', false, 'framework', false, undefined)).toBe(
      'credits',
    );
  });

  it('doubts a claim where a source says the actor rejected it, or credited the contrary', () => {
    // 000: US officials "expressed doubt that the assassination attempt was directly the fault of Iran".
    expect(credenceOf(c, 'us', 'iran-ordered-attack', true, null, false, undefined)).toBe('doubts');
    expect(basisOf(c, 'us', 'iran-ordered-attack', true, null)).toBe('doubts');
    expect(credenceOf(c, 'framework', 'factions-launched-drones', true, null, false, undefined)).toBe(
      'doubts',
    );
    // Doubting a claim says nothing of its contrary.
    expect(basisOf(c, 'us', 'iran-ordered-attack', false, null)).toBeUndefined();
  });

  it('only notes a claim no source ties the actor to: no ally rule, no side effect of the news', () => {
    // 003's "Iran ordered" raises international backing, which the Prime Minister and the US want high: no matter.
    expect(credenceOf(c, 'pm', 'iran-ordered-attack', true, null, false, undefined)).toBe('noted');
    // The commentator's air-defence claim raises street anger, which the Sadrists want high: no matter.
    for (const actor of ['sadrists', 'iran', 'framework'])
      expect(credenceOf(c, actor, 'us-disabled-air-defence', true, null, false, undefined), actor).toBe(
        'noted',
      );
    // Iran's ally denies the attack: Iran hears it, and takes no side (its own reaction blamed others, 000).
    expect(credenceOf(c, 'iran', 'factions-launched-drones', false, 'framework', false, undefined)).toBe(
      'noted',
    );
    // A word is no ground by being an ally's: the Prime Minister notes what Qaani tells him.
    expect(credenceOf(c, 'pm', 'iran-urges-restraint', true, 'iran', false, undefined)).toBe('noted');
  });

  it('with `from`, credits a voice the source says the actor takes, and no other', () => {
    // 003: the militias act "on Iranian directives": the factions take Tehran's order, either way.
    expect(credenceOf(c, 'framework', 'iran-green-light', true, 'iran', false, undefined)).toBe('credits');
    expect(credenceOf(c, 'framework', 'iran-green-light', false, 'iran', false, undefined)).toBe('credits');
    expect(credenceOf(c, 'framework', 'iran-green-light', true, 'us', false, undefined)).toBe('noted');
  });

  it('credits its own word given by its own choice, not the same words carried by an event', () => {
    expect(credenceOf(c, 'pm', 'factions-launched-drones', true, 'pm', true, undefined)).toBe('credits');
    expect(credenceOf(c, 'pm', 'factions-launched-drones', true, 'pm', false, undefined)).toBe('noted');
  });

  it('weighs evidence first, then what the actor holds on such grounds', () => {
    // The dossier's photo, credited on the dossier's word (000), doubted once shown forged.
    expect(credenceOf(c, 'framework', 'mc12w-photo-genuine', true, null, false, undefined)).toBe('credits');
    expect(credenceOf(c, 'framework', 'mc12w-photo-genuine', true, null, false, seen(false))).toBe('doubts');
    // Having named the factions himself, the Prime Minister credits a report that agrees and doubts a denial.
    expect(credenceOf(c, 'pm', 'factions-launched-drones', true, null, false, held(true))).toBe('credits');
    expect(credenceOf(c, 'pm', 'factions-launched-drones', false, 'framework', false, held(true))).toBe(
      'doubts',
    );
  });
});

describe('claims side by side', () => {
  it('keeps the armed groups’ denial and the anonymous officials’ claim to Reuters, each with its voice', () => {
    const t = new Table(4).fire('armed-groups-deny').fire('reuters-militias-blamed');
    const pm = t.beliefs.pm!['factions-launched-drones']!;
    expect(pm.heard).toEqual([
      { is: false, by: 'framework', event: 'armed-groups-deny', turn: 4, credence: 'noted' },
      { is: true, by: null, event: 'reuters-militias-blamed', turn: 4, credence: 'noted' },
    ]);
    // No source gives the Prime Minister's word on either: he has heard both, and holds nothing.
    expect(pm).toMatchObject({ stance: 'noted', confirmed: false });
    expect(heldValue(pm)).toBeUndefined();
    // The United States takes the militias' part, as its officials did (000), and doubts the denial.
    const us = t.beliefs.us!['factions-launched-drones']!;
    expect(us.heard?.map((h) => h.credence)).toEqual(['doubts', 'credits']);
    expect(heldValue(us)).toBe(true);
    // The framework credits its own denial (004) and doubts the claim that contradicts it.
    const framework = t.beliefs.framework!['factions-launched-drones']!;
    expect(framework.heard?.map((h) => h.credence)).toEqual(['credits', 'doubts']);
    expect(heldValue(framework)).toBe(false);
    // Iran, its ally, notes the denial; it doubts the accusation, as Shamkhani laid the blame elsewhere (000).
    const iran = t.beliefs.iran!['factions-launched-drones']!;
    expect(iran.heard?.map((h) => h.credence)).toEqual(['noted', 'doubts']);
    expect(heldValue(iran)).toBeUndefined();
  });

  it('does not make every actor believe a public claim', () => {
    const t = new Table(5).fire('analysis-iran-ordered').fire('militia-leaders-dismiss');
    const ctx = {
      ...worldContext(c, t.world),
      belief: (a: string, f: string) => heldValue(t.beliefs[a]?.[f]),
    };
    const believes = (actor: string, fact: string) => holds({ believes: { actor, fact } }, ctx);
    // 003's claim that Iran ordered the attack: no one believes it. The United States (000), Iran (000) and the
    // armed groups (004) are cited as rejecting it; the Prime Minister and the Sadrists only heard it.
    for (const actor of c.actorIds) expect(believes(actor, 'iran-ordered-attack'), actor).toBe(false);
    for (const actor of ['us', 'iran', 'framework'])
      expect(t.beliefs[actor]!['iran-ordered-attack']?.stance, actor).toBe('doubts');
    for (const actor of ['pm', 'sadrists'])
      expect(t.beliefs[actor]!['iran-ordered-attack']?.stance, actor).toBe('noted');
    // The militia leaders' "inside job": the framework credits it (000); the Prime Minister holds his own account
    // (003: "came under a cowardly attack"); the Sadrists and the United States, who called it terrorism, doubt it.
    expect(believes('framework', 'attack-staged')).toBe(true);
    for (const actor of ['pm', 'sadrists', 'us']) expect(believes(actor, 'attack-staged')).toBe(false);
    expect(t.beliefs.sadrists!['attack-staged']?.stance).toBe('doubts');
  });

  it('lets the factions take Tehran’s order on the cited basis (003: "on Iranian directives")', () => {
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
    const t = new Table(8).fire('photo-exposed').fire('forged-photo');
    const b = t.beliefs.framework!['mc12w-photo-genuine']!;
    expect(b).toMatchObject({ is: false, confirmed: true, stance: 'confirmed' });
    expect(b.heard?.map((h) => [h.is, h.credence])).toEqual([[true, 'doubts']]);
    const view = viewFor(c, t.state(), 'framework').beliefs.find((v) => v.fact === 'mc12w-photo-genuine');
    expect(view?.claims.map((x) => x.exposed)).toEqual([true]);
    expect(view?.evidence?.text).toBe(c.eventById.get('photo-exposed')?.headline.text);
  });

  it('keeps the claims heard before it beside the evidence', () => {
    const t = new Table(8).fire('forged-photo').fire('photo-exposed');
    const b = t.beliefs.framework!['mc12w-photo-genuine']!;
    expect(b).toMatchObject({ is: false, stance: 'confirmed' });
    expect(b.heard?.map((h) => [h.is, h.credence])).toEqual([[true, 'credits']]);
  });

  it('never comes from an invented file: the investigators’ report reveals nothing about the staging theory', () => {
    const t = new Table(6).fire('investigation-findings').fire('militia-leaders-dismiss');
    const b = t.beliefs.pm!['attack-staged']!;
    // The Prime Minister holds nothing about it before the attack (that would foretell it); the claim he hears he
    // doubts on his own stated position (003), not on evidence.
    expect(b).toMatchObject({ confirmed: false, stance: 'doubts' });
    expect(b.via).not.toBe('start');
    expect(b.heard?.map((h) => [h.is, h.by, h.credence])).toEqual([[true, 'framework', 'doubts']]);
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
    // Its starting knowledge, which the scenario names (and cites), is shown as such.
    expect(viewFor(c, start, 'framework').beliefs.map((b) => b.fact)).toContain('election-fraud');
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
