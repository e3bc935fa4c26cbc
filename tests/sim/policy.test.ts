// The computer does not repeat itself: an option whose second taking would only repeat the first (an announced
// act, such as Iran's compensation demand or Qaani's arrival, or one that only sets facts) is penalised each time
// it was already taken, and left out once taken ONE_OFF_MAX_TAKES times, unless nothing else is open.
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { chooseOption, isOneOff, ONE_OFF_MAX_TAKES, type Sight } from '../../src/sim/policy.ts';
import { createRng } from '../../src/sim/rng.ts';

const loaded = await loadScenarioDir('scenarios/baghdad-2021');
if (!loaded.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');
const scenario = loaded.scenario;
const c = compileScenario(scenario);
const option = (actor: string, id: string) =>
  scenario.decisions.find((d) => d.actor === actor)!.options.find((o) => o.id === id)!;

describe('options the computer does not repeat', () => {
  it('counts announced acts and fact-only options as one-off, secret moves as repeatable', () => {
    expect(isOneOff(option('iran', 'compensation-claims'))).toBe(true);
    expect(isOneOff(option('iran', 'envoy-diplomacy'))).toBe(true);
    expect(isOneOff(option('iran', 'low-profile'))).toBe(false);
    expect(isOneOff(option('iran', 'order-restraint'))).toBe(false);
  });

  it('leaves out an option it already took as often as it may, unless nothing else is open', () => {
    const sight: Sight = {
      turn: 6,
      indicators: { ...Object.fromEntries(scenario.indicators.map((i) => [i.id, i.start])) },
      fired: [],
      choices: Array.from({ length: ONE_OFF_MAX_TAKES }, (_, turn) => ({
        actor: 'iran',
        option: 'compensation-claims',
        turn: turn + 2,
      })),
    };
    const mind = { actor: 'iran', beliefs: {}, posture: 'pressure' };
    const open = ['compensation-claims', 'low-profile', 'order-restraint'];
    for (let seed = 1; seed <= 300; seed++) {
      expect(chooseOption(c, open, sight, mind, createRng(seed))).not.toBe('compensation-claims');
    }
    // The last resort: an actor always decides.
    expect(chooseOption(c, ['compensation-claims'], sight, mind, createRng(1))).toBe('compensation-claims');
  });

  it(`takes no one-off option more than ${ONE_OFF_MAX_TAKES} times in any of 200 computer games`, () => {
    let repeats = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { world } = playBatchGame(c, seed);
      const taken = new Map<string, number>();
      for (const d of world.log) {
        const key = `${d.actor}/${d.option}`;
        taken.set(key, (taken.get(key) ?? 0) + 1);
      }
      for (const [key, n] of taken) {
        const [actor, id] = key.split('/') as [string, string];
        if (!isOneOff(option(actor, id))) continue;
        expect(n, `seed ${seed}: ${key}`).toBeLessThanOrEqual(ONE_OFF_MAX_TAKES);
        if (n > 1) repeats++;
      }
      // Qaani arrives at most twice, and Tehran's compensation demand is heard at most twice.
      expect(taken.get('iran/envoy-diplomacy') ?? 0).toBeLessThanOrEqual(2);
      expect(taken.get('iran/compensation-claims') ?? 0).toBeLessThanOrEqual(2);
    }
    expect(repeats).toBeGreaterThan(0); // a bound, not a ban: a second taking stays possible
  });
});
