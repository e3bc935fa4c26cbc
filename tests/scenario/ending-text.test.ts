// Endings claim only what holds (issue 15, item 5). Over 10,000 games of the bundled scenario (half with the
// computer in every seat, half with one seat choosing at random, each playable actor in turn), every part of the
// ending's summary and debrief that a game shows has its presupposition hold in that game, the view shows exactly
// those parts, and no shown sentence makes a claim that the truth checks (tests/helpers/ending-truth.ts, written
// apart from the presuppositions) find false. A sample of the games is also read through every playable seat's
// debrief, as the screen shows it.

import { describe, expect, it } from 'vitest';
import { debriefModel } from '../../src/present/debrief.presenter.ts';
import { Lookup } from '../../src/present/lookup.ts';
import type { Outcome } from '../../src/scenario/types.ts';
import { type Chooser, playBatchGame } from '../../src/sim/batch.ts';
import { holds } from '../../src/sim/conditions.ts';
import { endingTexts, everySentence, type ShownPart } from '../../src/sim/ending-text.ts';
import { createRng } from '../../src/sim/rng.ts';
import { viewFor, worldContext } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { falseClaims, judgeOf, sentences } from '../helpers/ending-truth.ts';

const c = await bundledScenario();
const lookup = new Lookup(c.scenario);
const playable = c.scenario.actors.filter((a) => a.playable).map((a) => a.id);

const GAMES = 10_000;
/** Every this-many games, each playable seat's debrief is built and read as the screen shows it. */
const SEAT_SAMPLE = 25;

/** One seat takes an open option at random; the others are the computer's. */
function randomSeat(actor: string, seed: number): Chooser {
  const next = createRng(seed);
  return (who, offer) =>
    who === actor && offer.options.length > 0
      ? offer.options[Math.floor(next() * offer.options.length)]
      : undefined;
}

interface Tally {
  games: number;
  byOutcome: Map<string, number>;
  /** claim id -> how many games showed a sentence making it falsely */
  contradictions: Map<string, number>;
  examples: string[];
  unheld: number;
}

function note(t: Tally, key: string, example: string): void {
  t.contradictions.set(key, (t.contradictions.get(key) ?? 0) + 1);
  if (t.examples.length < 12) t.examples.push(example);
}

/** The sentences of the shown parts that the truth checks find false, by claim. */
function falseIn(parts: readonly { text: string }[], g: ReturnType<typeof judgeOf>): [string, string][] {
  const out: [string, string][] = [];
  for (const p of parts)
    for (const s of sentences(p.text)) for (const id of falseClaims(s, g)) out.push([id, s]);
  return out;
}

describe('ending texts', () => {
  it('show only what holds, over 10,000 computer games and every seat (0 contradictions)', () => {
    const t: Tally = { games: 0, byOutcome: new Map(), contradictions: new Map(), examples: [], unheld: 0 };
    for (let i = 0; i < GAMES; i++) {
      const seed = 1 + i;
      // Half the games with the computer in every seat; the other half with one seat (each actor in turn) random.
      const chooser = i % 2 === 0 ? undefined : randomSeat(playable[(i >> 1) % playable.length]!, seed);
      const { state, world } = playBatchGame(c, seed, chooser);
      const outcome: Outcome | undefined = c.scenario.outcomes.find((o) => o.id === world.outcome?.id);
      if (!outcome) continue;
      t.games++;
      t.byOutcome.set(outcome.id, (t.byOutcome.get(outcome.id) ?? 0) + 1);
      const ctx = worldContext(c, world);
      const shown = endingTexts(outcome, ctx);
      const parts: ShownPart[] = [...shown.summary, ...shown.debrief];
      // Each part shown has its presupposition hold in this game.
      for (const p of parts) {
        if (p.presupposes && !holds(p.presupposes, ctx)) {
          t.unheld++;
          note(t, 'presupposition fails', `${outcome.id} seed ${seed}: ${p.text.text}`);
        }
      }
      // A part outside variants whose presupposition holds is shown: nothing true is left out either.
      for (const s of [...everySentence(outcome.summary), ...everySentence(outcome.debrief)]) {
        const plain = [outcome.summary, outcome.debrief].some((x) => Array.isArray(x) && x.includes(s));
        if (plain && (!s.presupposes || holds(s.presupposes, ctx)) && !parts.some((p) => p.text === s))
          note(t, 'a part that holds is not shown', `${outcome.id} seed ${seed}: ${s.text}`);
      }
      const judge = judgeOf(c, world);
      for (const [id, s] of falseIn(
        parts.map((p) => p.text),
        judge,
      ))
        note(t, id, `${outcome.id} seed ${seed}: ${s}`);
      // Every seat's debrief, as the screen shows it: only the parts the engine found true, nothing else.
      if (i % SEAT_SAMPLE === 0) {
        for (const actor of playable) {
          const view = viewFor(c, state, actor);
          expect(view.outcome?.summary).toEqual(shown.summary.map((p) => p.text));
          expect(view.outcome?.debrief).toEqual(shown.debrief.map((p) => p.text));
          const model = debriefModel(view, lookup);
          const screen = [...(model.outcome?.summary ?? []), ...(model.outcome?.debrief ?? [])];
          for (const [id, s] of falseIn(screen, judge)) note(t, `${id} (${actor}'s debrief)`, s);
          // The other endings are described, never narrated as this game's.
          for (const o of model.otherOutlooks)
            for (const p of o.summary) expect(p.text, o.title.text).not.toMatch(/your game/i);
        }
      }
    }
    const report = [...t.contradictions].map(([k, n]) => `${k}: ${n}`).join('\n');
    expect(t.games).toBe(GAMES);
    expect(t.unheld, report).toBe(0);
    expect(t.contradictions.size, `${report}\n${t.examples.join('\n')}`).toBe(0);
    // Every ending is reached, so that every ending's texts were judged.
    for (const o of c.scenario.outcomes) expect(t.byOutcome.get(o.id) ?? 0, o.id).toBeGreaterThan(0);
  });

  it('the truth checks catch the texts the scenario had before (single texts, nothing presupposed)', () => {
    // The old Chaos at Home summary, in a game that ended by violence with the process at 45.
    const { world } = playBatchGame(c, 1);
    const g = judgeOf(c, { ...world, indicators: { ...world.indicators, politicalProcess: 45 } });
    expect(
      falseClaims('The political process is ended and the country is on the verge of civil war.', g),
    ).toEqual(['the political process ended']);
    const noDeal = judgeOf(c, { ...world, fired: {} });
    expect(
      falseClaims(
        'Pressure and escalation until a power-sharing compromise is reached that keeps Iran’s clout in Iraq.',
        noDeal,
      ),
    ).toEqual(['a compromise or government outline agreed']);
    expect(
      falseClaims(
        'The state comes out of the crisis with more authority and the armed factions with less: the attack and its aftermath strengthen the government’s hand.',
        noDeal,
      ),
    ).toContain('the attack happened');
    const deal = judgeOf(c, { ...world, fired: { 'coalition-agreed': [8] } });
    expect(
      falseClaims('Parliament cannot form a stable coalition government or elect a new President.', deal),
    ).toEqual(['no coalition agreed, formation open']);
    expect(
      falseClaims('In your game either the process collapsed or violence ran out of control.', g),
    ).toContain('either-or about the game');
    expect(falseClaims('In your game Tehran or its allies applied such pressure.', g)).toContain(
      'pressure by "Tehran or its allies"',
    );
    // A source's own words are reported, not claimed: 001 on the deadlock in history.
    expect(
      falseClaims('001 reports that Parliament was unable to form a stable coalition government.', deal),
    ).toEqual([]);
  });
});
