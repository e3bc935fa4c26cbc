// The 7 November attack is the scenario's premise and nobody's move, and a statement belongs to its speaker's choice
// and its date. Who launched the drones is unknown (000: "Perp: Unknown"): a rule that let any choice switch the
// attack on or off would settle it. A real actor's words show only when its seat chose the step that makes them,
// and an announcement on a date the history does not record is this game's act, without the source's words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statementsWithoutChoice } from '../../src/scenario/check-statements.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { type Chooser, playBatchGame } from '../../src/sim/batch.ts';
import { asOnThatDate } from '../../src/sim/history-dates.ts';
import { viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';

const c = await bundledScenario();
const scenario = c.scenario;
const ATTACK = scenario.turns.findIndex((t) => t.id === 'drone-attack');
const attackOn7November = (g: ReturnType<typeof playBatchGame>) => g.world.fired['drone-attack'];

describe("the 7 November attack is nobody's move", () => {
  it('has no condition and one turn, and no other event strikes the residence', () => {
    const attack = scenario.events.find((e) => e.id === 'drone-attack')!;
    expect(scenario.turns[ATTACK]?.date).toBe('2021-11-07');
    expect(attack.when).toBeUndefined();
    expect(attack.turns).toEqual({ from: 'drone-attack', to: 'drone-attack' });
    const strikes = scenario.events.filter((e) =>
      e.effects.some((x) => x.facts?.['residence-attacked'] === true),
    );
    expect(strikes.map((e) => e.id)).toEqual(['drone-attack']);
    // No ending can close the game before that turn, so every game reaches it.
    for (const o of scenario.outcomes.filter((x) => x.check === 'every-turn')) {
      expect(scenario.turns.findIndex((t) => t.id === o.from)).toBeGreaterThanOrEqual(ATTACK);
    }
  });

  // Every actor, every option open to it on every turn before the attack, taken by that seat (the others by the
  // computer), over a few seeds: the attack comes on 7 November each time.
  it.each(c.playableIds)(
    '%s: whichever option it takes on any turn before, the attack comes on 7 November',
    (actor) => {
      const options = scenario.decisions
        .filter((d) => d.actor === actor)
        .flatMap((d) => d.options.map((o) => o.id));
      let played = 0;
      for (let turn = 0; turn < ATTACK; turn++) {
        for (const option of options) {
          for (const seed of [1, 2, 3]) {
            let taken = false;
            const chooser: Chooser = (who, offer) => {
              if (who !== actor || offer.turn !== turn || !offer.options.includes(option)) return undefined;
              taken = true;
              return option;
            };
            const game = playBatchGame(c, seed, chooser);
            expect(attackOn7November(game), `${option} on turn ${turn}, seed ${seed}`).toEqual([ATTACK]);
            if (taken) played++;
          }
        }
      }
      // Most options are open before the attack: the loop took them, it did not only watch the computer.
      expect(played).toBeGreaterThan(options.length * 3);
    },
  );

  it('comes on 7 November whatever every seat chooses before it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 40, maxLength: 40 }),
        fc.nat(1_000_000),
        (picks, seed) => {
          let i = 0;
          const chooser: Chooser = (_, offer) =>
            offer.options.length === 0
              ? undefined
              : offer.options[picks[i++ % picks.length]! % offer.options.length];
          expect(attackOn7November(playBatchGame(c, seed, chooser))).toEqual([ATTACK]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a statement belongs to its speaker's choice and its date", () => {
  it("the validator finds no statement of a playable actor without that actor's choice", () => {
    expect(statementsWithoutChoice(scenario)).toEqual([]);
  });

  it('the validator refuses one that speaks for an actor who did not choose it', () => {
    const broken = structuredClone(scenario) as Scenario;
    const kadhimi = broken.events.find((e) => e.id === 'kadhimi-speaks')!;
    kadhimi.when = { fired: 'drone-attack' };
    expect(statementsWithoutChoice(broken).map((x) => x.index)).toEqual([broken.events.indexOf(kadhimi)]);
  });

  it('over 10,000 computer games, every statement of a playable actor follows a choice of its own', () => {
    const statements = scenario.events.filter(
      (e) => e.kind === 'statement' && e.speaker !== undefined && c.playableIds.includes(e.speaker),
    );
    let firings = 0;
    for (let seed = 0; seed < 10_000; seed++) {
      const { world } = playBatchGame(c, seed);
      for (const e of statements) {
        for (const turn of world.fired[e.id] ?? []) {
          firings++;
          const chose = world.log.some((d) => d.actor === e.speaker && d.turn <= turn);
          expect(chose, `${e.id} on turn ${turn}, seed ${seed}`).toBe(true);
        }
      }
    }
    expect(firings).toBeGreaterThan(10_000);
  });

  it("shows an announcement with the source only on a date the history records it; otherwise as this game's act", () => {
    let sourced = 0;
    let ours = 0;
    for (let seed = 0; seed < 300; seed++) {
      const { state } = playBatchGame(c, seed);
      for (const item of viewFor(c, state, 'us').journal) {
        if (item.kind !== 'action' || !item.actor) continue;
        const entry = state.world.journal.find(
          (j) => j.turn === item.turn && j.source.kind === 'decision' && j.source.actor === item.actor,
        );
        if (entry?.source.kind !== 'decision') continue;
        const onDate = asOnThatDate(c, item.turn, item.actor, entry.source.option);
        expect(item.counterfactual).toBe(!onDate);
        if (onDate) {
          sourced++;
        } else {
          ours++;
          // Without the source's words: no citation, marked as the game's own.
          expect(item.headline.source).toBeUndefined();
          expect(item.headline.invention).toBe(true);
        }
      }
    }
    expect(sourced).toBeGreaterThan(100);
    expect(ours).toBeGreaterThan(100);
  });
});
