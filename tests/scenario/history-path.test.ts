// The 7 November attack on the historical path, and the rules around it. When every seat takes what the real actor
// did (as `npm run simulate -- --history` plays), the attack comes on 7 November in every game, because the crisis
// is in the state that preceded it in history; no player orders it, and no rule settles who launched the drones
// (000: "Perp: Unknown").
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Condition, Effect } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { historicalChooser } from '../../src/sim/history.ts';

const loaded = await loadScenarioDir('scenarios/baghdad-2021');
if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
const scenario = loaded.scenario;
const compiled = compileScenario(scenario);

const GAMES = 200;
const SEED = 1;

/** Facts that would say who attacked the Prime Minister (or that no one did): the sources leave it unknown. */
const PERPETRATOR_FACTS = [
  'factions-launched-drones',
  'iran-ordered-attack',
  'drones-iranian-made',
  'attack-staged',
];

/** Every effect, the branches of an `if` included. */
function flatten(effects: readonly Effect[]): Effect[] {
  return effects.flatMap((e) => [e, ...flatten(e.then ?? []), ...flatten(e.else ?? [])]);
}

/** The facts an effect list can set true, and the facts it can reveal. */
function settles(effects: readonly Effect[]): { setTrue: string[]; revealed: string[] } {
  const all = flatten(effects);
  return {
    setTrue: all.flatMap((e) =>
      Object.entries(e.facts ?? {})
        .filter(([, is]) => is === true)
        .map(([id]) => id),
    ),
    revealed: all.flatMap((e) => (e.reveal ? [e.reveal.fact] : [])),
  };
}

/** Every `chose` in a condition. */
function choices(c: Condition | undefined): { actor: string; option: string }[] {
  if (!c) return [];
  if (c.all) return c.all.flatMap(choices);
  if (c.any) return c.any.flatMap(choices);
  if (c.not) return choices(c.not);
  return c.chose ? [c.chose] : [];
}

const options = scenario.decisions.flatMap((d) => d.options.map((o) => ({ actor: d.actor, option: o })));

describe('baghdad-2021 on the historical path', () => {
  const attackTurn = scenario.turns.findIndex((t) => t.id === 'drone-attack');
  const chooser = historicalChooser(compiled);
  const games = Array.from({ length: GAMES }, (_, i) => playBatchGame(compiled, (SEED + i) >>> 0, chooser));

  it('the 7 November turn is the attack turn', () => {
    expect(scenario.turns[attackTurn]?.date).toBe('2021-11-07');
  });

  it(`drone-attack fires in every one of ${GAMES} games, on the 7 November turn only`, () => {
    const fired = games.map((g) => g.world.fired['drone-attack'] ?? []);
    expect(fired.filter((turns) => turns.length > 0).length).toBe(GAMES);
    for (const turns of fired) expect(turns).toEqual([attackTurn]);
  });

  it('the reactions the sources date after the attack never come before it', () => {
    for (const g of games) {
      const at = (id: string) => g.world.fired[id] ?? [];
      for (const id of [
        'qaani-in-baghdad',
        'sadr-calls-disband',
        'sadr-dissolves-brigade',
        'investigation-findings',
      ]) {
        for (const turn of at(id)) expect(turn, id).toBeGreaterThan(attackTurn);
      }
      // Biden's condemnation can come on 7 November itself (002), never before.
      for (const turn of at('us-condemns')) expect(turn).toBeGreaterThanOrEqual(attackTurn);
      // The Promised Day Brigade: "a few weeks later" than Sadr's call (000).
      const call = at('sadr-calls-disband')[0];
      for (const turn of at('sadr-dissolves-brigade')) {
        expect(call).toBeDefined();
        expect(turn).toBeGreaterThan(call!);
        expect(scenario.turns[turn]!.date >= '2021-11-28').toBe(true);
      }
    }
  });

  it('no game ends with the perpetrator settled: the perpetrator facts stay false and unrevealed', () => {
    for (const g of games) {
      for (const fact of PERPETRATOR_FACTS) expect(g.world.facts[fact], fact).toBe(false);
    }
  });
});

describe('baghdad-2021: no player orders the attack, no rule names its author', () => {
  it('no option of any decision sets or reveals a perpetrator fact', () => {
    for (const { actor, option } of options) {
      const { setTrue, revealed } = settles(option.effects);
      for (const fact of PERPETRATOR_FACTS) {
        expect(setTrue, `${actor}/${option.id}`).not.toContain(fact);
        expect(revealed, `${actor}/${option.id}`).not.toContain(fact);
      }
      expect(setTrue, `${actor}/${option.id}`).not.toContain('residence-attacked');
    }
  });

  it('no event sets a perpetrator fact true or reveals who launched the drones', () => {
    for (const event of scenario.events) {
      const { setTrue, revealed } = settles(event.effects);
      for (const fact of PERPETRATOR_FACTS) expect(setTrue, event.id).not.toContain(fact);
      for (const fact of ['factions-launched-drones', 'iran-ordered-attack', 'drones-iranian-made']) {
        expect(revealed, event.id).not.toContain(fact);
      }
    }
  });

  it('a claim about who did it is attributed: to the event that reports it, or told by an actor', () => {
    for (const event of scenario.events) {
      for (const e of flatten(event.effects)) {
        if (e.tell && PERPETRATOR_FACTS.includes(e.tell.fact)) expect(e.tell.by, event.id).toBeDefined();
      }
    }
    for (const { actor, option } of options) {
      for (const e of flatten(option.effects)) {
        if (e.tell && PERPETRATOR_FACTS.includes(e.tell.fact))
          expect(e.tell.by, `${actor}/${option.id}`).toBe(actor);
      }
    }
  });

  it('no option asks to attack, strike or kill a person', () => {
    const violent = /attack|strike|kill|assassinat|drone|shoot|bomb/i;
    const person =
      /prime minister|kadhimi|\bpm\b|residence|house|home|official|leader|commander|person|people|him\b|her\b|sadr\b|khazali|salih|minister/i;
    for (const { actor, option } of options) {
      const words = `${option.id.replaceAll('-', ' ')} ${option.label.text}`;
      if (violent.test(words))
        expect(person.test(words), `${actor}/${option.id}: ${option.label.text}`).toBe(false);
    }
    expect(options.map((o) => o.option.id)).not.toContain('drone-strike');
  });

  it('the attack waits on nothing: no choice, posture or indicator (tests/scenario/premise.test.ts plays it)', () => {
    const event = scenario.events.find((e) => e.id === 'drone-attack')!;
    expect(event.when).toBeUndefined();
    expect(choices(event.when)).toEqual([]);
    expect(scenario.events.some((e) => e.id === 'later-drone-attack')).toBe(false);
  });
});
