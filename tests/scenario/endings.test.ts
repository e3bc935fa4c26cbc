// How the Baghdad scenario ends, and how its inventions show. No outlook of 003 is awarded by default: each of the
// three is decided by its own condition, and a game that meets none ends in the deadlock that 001 reports
// (government formation still open, as it stayed until October 2022). Announced choices the real actors did not
// make carry the same "did not happen" mark as counterfactual events.
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Condition } from '../../src/scenario/types.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { everySentence } from '../../src/sim/ending-text.ts';
import { publicView } from '../../src/sim/view.ts';

const loaded = await loadScenarioDir('scenarios/baghdad-2021');
if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
const scenario = loaded.scenario;
const compiled = compileScenario(scenario);

const OUTLOOKS = ['yemen-scenario', 'chaos-at-home', 'calculated-escalation'];
const SOURCE_003 = '003_d9293029b1ab2dfc.txt';
const SOURCE_001 = '001_d07132d27f195e7a.txt';

// Every text an ending may show: its title and each sentence (and variant) of its summary and debrief.
const texts = (o: (typeof scenario.outcomes)[number]) => [
  o.title,
  ...everySentence(o.summary),
  ...everySentence(o.debrief),
];
const debriefText = (o: (typeof scenario.outcomes)[number]) =>
  everySentence(o.debrief)
    .map((t) => t.text)
    .join(' ');
const sources = (t: { source?: string | string[] }) => [t.source ?? []].flat();

/** A condition that tests something: no empty `all`/`any`, at least one threshold in `atLeast`/`atMost`. */
function nonEmpty(c: Condition): boolean {
  if (c.all) return c.all.length > 0 && c.all.every(nonEmpty);
  if (c.any) return c.any.length > 0 && c.any.every(nonEmpty);
  if (c.not) return nonEmpty(c.not);
  if (c.atLeast) return Object.keys(c.atLeast).length > 0;
  if (c.atMost) return Object.keys(c.atMost).length > 0;
  return Object.keys(c).length === 1;
}

describe('baghdad-2021 endings', () => {
  it('gives no ending as the verdict of history', () => {
    for (const outcome of scenario.outcomes) {
      for (const t of texts(outcome)) {
        expect(t.text, outcome.id).not.toMatch(/history came close/i);
        expect(t.text, outcome.id).not.toMatch(/closest to what history/i);
        expect(t.text, outcome.id).not.toMatch(/when no other outlook/i);
      }
    }
  });

  it('decides each of the three outlooks by a condition of its own, citing 003', () => {
    for (const id of OUTLOOKS) {
      const outcome = scenario.outcomes.find((o) => o.id === id);
      expect(outcome, id).toBeDefined();
      expect(outcome!.when, id).toBeDefined();
      expect(nonEmpty(outcome!.when!), id).toBe(true);
      expect(sources(outcome!.title), id).toContain(SOURCE_003);
      expect(everySentence(outcome!.debrief).flatMap(sources), id).toContain(SOURCE_003);
    }
  });

  it('ends every other game in the deadlock, the last at-end outcome, citing 001', () => {
    const atEnd = scenario.outcomes.filter((o) => o.check === 'at-end');
    const last = atEnd[atEnd.length - 1]!;
    expect(last.id).toBe('deadlock');
    expect(last.when).toBeUndefined();
    for (const o of atEnd.slice(0, -1)) expect(o.when, o.id).toBeDefined();
    // Its history is cited to 001; what it says of the game is the game's own reading.
    for (const t of texts(last))
      expect(t.invention === true || sources(t).includes(SOURCE_001), t.text).toBe(true);
    expect(texts(last).flatMap(sources)).toContain(SOURCE_001);
    expect(debriefText(last)).toContain('27 October 2022');
  });

  it("does not present the game's own ending as one of 003's outlooks", () => {
    const own = scenario.outcomes.find((o) => o.id === 'state-consolidates')!;
    expect(everySentence(own.summary).every((t) => t.invention === true)).toBe(true);
    expect(debriefText(own)).toMatch(/game's own/);
    expect(debriefText(own)).toMatch(/not one of the three scenarios/);
  });

  it('reaches each of the three outlooks and the deadlock over 2,000 computer games', () => {
    const tally = new Map<string, number>();
    for (let seed = 1; seed <= 2000; seed++) {
      const id = playBatchGame(compiled, seed).world.outcome?.id ?? 'none';
      tally.set(id, (tally.get(id) ?? 0) + 1);
    }
    expect(tally.get('none')).toBeUndefined();
    for (const id of [...OUTLOOKS, 'deadlock']) expect(tally.get(id) ?? 0, id).toBeGreaterThan(0);
  });
});

describe('baghdad-2021 announced choices in the journal', () => {
  it("shows a real actor's announced step with its source only on the date the history records it", () => {
    const arab = compiled.optionById.get('pm')?.get('seek-arab-backing');
    const calm = compiled.optionById.get('sadrists')?.get('call-for-calm');
    expect(arab?.announce && !arab.historical).toBe(true);
    expect(calm?.announce && calm.historical && calm.announce.source).toBeTruthy();
    const attack = scenario.turns.findIndex((t) => t.id === 'drone-attack');

    const wanted: Record<string, string> = { pm: 'seek-arab-backing', sadrists: 'call-for-calm' };
    const { state } = playBatchGame(compiled, 1, (actor, offer) =>
      (offer.turn === 0 || offer.turn === attack) && offer.options.includes(wanted[actor] ?? '')
        ? wanted[actor]
        : undefined,
    );
    const actions = publicView(compiled, state).journal.filter((j) => j.kind === 'action');
    const at = (turn: number, actor: string) => actions.find((j) => j.turn === turn && j.actor === actor);
    // An option the real actor never took: an invention, marked as not having happened.
    expect(at(0, 'pm')?.headline).toEqual(arab!.announce);
    expect(at(0, 'pm')?.counterfactual).toBe(true);
    // Sadr's call for calm on election day: this game's act, without the source's words.
    expect(at(0, 'sadrists')?.counterfactual).toBe(true);
    expect(at(0, 'sadrists')?.headline.source).toBeUndefined();
    expect(at(0, 'sadrists')?.headline.invention).toBe(true);
    // On 7 November, the day the history records it (002, 000): the real actor's step, cited.
    expect(at(attack, 'sadrists')?.headline).toEqual(calm!.announce);
    expect(at(attack, 'sadrists')?.counterfactual).toBe(false);
  });
});
