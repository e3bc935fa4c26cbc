// Playability, by a bounded search over real games played through the engine (the bare loop of batch.ts):
// computer games first, then games steered toward each outcome not yet seen. An outcome the search does not
// reach, and a turn on which an actor has no option it can take, are reported as problems.
import type { Condition, Scenario } from '../scenario/types.ts';
import { playBatchGame } from './batch.ts';
import { type CompiledScenario, compileScenario } from './compile.ts';
import { projectEffects, sightContext } from './policy.ts';
import { createRng, rngFor } from './rng.ts';

export interface SearchBudget {
  /** Most games played by the computer policies. */
  policyGames: number;
  /**
   * Fewest: once every outcome has been reached, the computer games stop after this many. The games after it
   * could not change which outcomes are reported; they could only find more dead ends, which is why there is
   * a floor. Omitted: minPolicyGames(scenario). Past the larger of this and minPolicyGames(scenario) (the work
   * budget) the computer games stop even with outcomes missing, and the steered games look for those; the
   * computer games go on (to policyGames) only for an outcome the steered games miss.
   */
  minPolicyGames?: number;
  /** Steered games per outcome not reached by the policy games. */
  steeredGames: number;
}

export const DEFAULT_BUDGET: SearchBudget = { policyGames: 400, steeredGames: 600 };

/**
 * The floor of computer games, by a fixed amount of work: a game costs about one pass over the events per
 * turn. Up to 1,000 events that is all 400 games, as before; a scenario of 9,000 events plays at least 100
 * (each of its games takes some 15 ms, so 400 would take six seconds of an author's every validation).
 */
export function minPolicyGames(scenario: Scenario, budget: SearchBudget = DEFAULT_BUDGET): number {
  const byWork = Math.floor(400_000 / Math.max(1, scenario.events.length));
  return Math.min(budget.policyGames, Math.max(100, byWork));
}

export interface SearchReport {
  reached: Record<string, { games: number; exampleSeed: number; steered: boolean }>;
  deadEnds: { actor: string; turn: number; seed: number }[];
  gamesPlayed: number;
}

/** How far the indicators are from meeting a condition; 0 when the thresholds hold. Other keys count as met. */
export function distance(c: Condition, indicators: Record<string, number>): number {
  if (c.all) return c.all.reduce((sum, x) => sum + distance(x, indicators), 0);
  if (c.any) return Math.min(...c.any.map((x) => distance(x, indicators)));
  let d = 0;
  for (const [id, n] of Object.entries(c.atLeast ?? {})) d += Math.max(0, n - (indicators[id] ?? 0));
  for (const [id, n] of Object.entries(c.atMost ?? {})) d += Math.max(0, (indicators[id] ?? 0) - n);
  return d;
}

export function searchOutcomes(scenario: Scenario, budget: SearchBudget = DEFAULT_BUDGET): SearchReport {
  const c = compileScenario(scenario);
  const report: SearchReport = { reached: {}, deadEnds: [], gamesPlayed: 0 };
  const record = (seed: number, steered: boolean, chooser?: Parameters<typeof playBatchGame>[2]) => {
    const game = playBatchGame(c, seed, (actor, offer) => {
      if (offer.options.length === 0) {
        if (report.deadEnds.length < 20) report.deadEnds.push({ actor, turn: offer.turn, seed });
        return null;
      }
      return chooser?.(actor, offer);
    });
    report.gamesPlayed++;
    const id = game.world.outcome?.id;
    if (id === undefined) return;
    const seen = report.reached[id];
    if (seen) seen.games++;
    else report.reached[id] = { games: 1, exampleSeed: seed, steered };
  };

  const floor = budget.minPolicyGames ?? minPolicyGames(scenario, budget);
  const unreached = () => scenario.outcomes.filter((o) => report.reached[o.id] === undefined);
  const steerToward = (outcome: Scenario['outcomes'][number]) => {
    for (let i = 0; i < budget.steeredGames && !report.reached[outcome.id]; i++) {
      const seed = 1_000_000 + i;
      const explore = createRng(seed);
      // Half the time a seat takes a random open option; otherwise the one that brings the outcome closest.
      record(seed, true, (actor, offer) =>
        explore() < 0.35
          ? offer.options[Math.floor(explore() * offer.options.length)]
          : steer(c, outcome.when, actor, offer, seed),
      );
    }
  };
  // The computer games stop once every outcome is reached, after the floor, or at the most that the work
  // budget (minPolicyGames(scenario)) gives them; the outcomes they have not reached by then are left to the
  // steered games. A steered game's seed does not depend on the computer games, so an outcome reached either
  // way is reached. Only if the steered games miss one do the computer games go on, to their most, for it: an
  // outcome is then reported unreached after the same games as before.
  const byWork = Math.min(budget.policyGames, Math.max(floor, minPolicyGames(scenario, budget)));
  let seed = 0;
  for (; seed < byWork; seed++) {
    if (seed >= floor && unreached().length === 0) break;
    record(seed, false);
  }
  for (const outcome of unreached()) steerToward(outcome);
  for (; seed < budget.policyGames && unreached().length > 0; seed++) record(seed, false);
  return report;
}

/**
 * How far taking `option` leaves the condition's choices of `actor` from being made: a `chose` of this actor
 * counts 1 unless it is this option; other choices, and a `chose` inside a `not`, count as met. A steered seat
 * thereby takes the options an outcome names (an ending that needs a choice is not left to the 35% of chance).
 */
export function choiceDistance(c: Condition, actor: string, option: string): number {
  if (c.all) return c.all.reduce((sum, x) => sum + choiceDistance(x, actor, option), 0);
  if (c.any) return Math.min(...c.any.map((x) => choiceDistance(x, actor, option)));
  return c.chose !== undefined && c.chose.actor === actor && c.chose.option !== option ? 1 : 0;
}

function steer(
  c: CompiledScenario,
  target: Condition | undefined,
  actor: string,
  offer: { options: string[]; sight: import('../sim/policy.ts').Sight; turn: number },
  seed: number,
): string | undefined {
  if (!target) return undefined;
  const mind = { actor, beliefs: {}, posture: '' };
  const ctx = sightContext(c, offer.sight, mind, rngFor(seed, offer.turn, 'steer', actor));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const id of offer.options) {
    const option = c.optionById.get(actor)?.get(id);
    if (!option) continue;
    const delta: Record<string, number> = {};
    projectEffects(option.effects, ctx, delta);
    const after: Record<string, number> = { ...offer.sight.indicators };
    for (const k in delta) after[k] = (after[k] ?? 0) + delta[k]!;
    const d = distance(target, after) + choiceDistance(target, actor, id);
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return best;
}

export function checkPlayability(
  scenario: Scenario,
  budget: SearchBudget = DEFAULT_BUDGET,
): { path: string; message: string }[] {
  const report = searchOutcomes(scenario, budget);
  const problems: { path: string; message: string }[] = [];
  scenario.outcomes.forEach((outcome, i) => {
    if (!report.reached[outcome.id]) {
      problems.push({
        path: `outcomes.${i}`,
        message: `${outcome.id} was not reached in ${report.gamesPlayed} searched games (computer and steered); check its condition`,
      });
    }
  });
  const seen = new Set<string>();
  for (const d of report.deadEnds) {
    const key = `${d.actor}/${d.turn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const turnId = scenario.turns[d.turn]?.id ?? String(d.turn);
    const index = scenario.decisions.findIndex(
      (x) => x.actor === d.actor && (x.turns === 'all' || x.turns.includes(turnId)),
    );
    problems.push({
      path: `decisions.${index}`,
      message: `${d.actor} has no option it can take on turn ${turnId} (in a searched game, seed ${d.seed}); make one option always available`,
    });
  }
  return problems;
}
