// Finds, for one playable actor and one outcome, a sequence of choices (one per turn) that leads there against
// the computer players, judged by real games. Writes it as a choices file for
// `npm run simulate -- --as ACTOR --choices FILE`. Usage:
//   npx tsx scripts/find-choices.ts --scenario baghdad-2021 --as pm --outcome chaos-at-home [--seed 1] [--out FILE]
// Only options with no `available` condition are used, so the file is valid whatever the other seats do.
// The search is deterministic and bounded: it screens simple plans (the same option every turn, and one
// switch from one option to another), then hill-climbs from the best few, one turn at a time. Between plans
// that reach the outcome equally often, the one whose games end closer to its condition is better: that
// lets the climb cross flat ground. Last, it keeps the plan with the fewest changes of option among those
// within SLACK of the best, so that the file reads as a strategy.
import { writeFileSync } from 'node:fs';
import { CliError, loadScenarioArg, parseArgs, runCli, wholeNumber } from '../src/cli/scenario-arg.ts';
import type { Condition } from '../src/scenario/types.ts';
import { playBatchGame } from '../src/sim/batch.ts';
import { compileScenario } from '../src/sim/compile.ts';

const GAMES = 200; // games that judge a plan (seeds seed .. seed + 199, as `simulate --games 200` plays)
const SCREEN = 50; // games that screen the simple plans
const CLIMBS = 6; // best simple plans to climb from
const BUDGET = 100_000; // games in all: two minutes or so
const GOOD = 0.9; // a share at which to stop looking
const SLACK = 0.05; // share a plainer plan (fewer changes of option) may give up: it reads as a strategy

/** How far indicators are from meeting a condition (0: met, or not a matter of thresholds). */
function gap(c: Condition, v: Record<string, number>): number {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (c.all) return sum(c.all.map((x) => gap(x, v)));
  if (c.any) return Math.min(...c.any.map((x) => gap(x, v)));
  if (c.atLeast) return sum(Object.entries(c.atLeast).map(([k, n]) => Math.max(0, n - (v[k] ?? 0))));
  if (c.atMost) return sum(Object.entries(c.atMost).map(([k, n]) => Math.max(0, (v[k] ?? 0) - n)));
  return 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs(process.argv.slice(2), ['scenario', 'as', 'outcome', 'out', 'seed'], []);
  const scenario = await loadScenarioArg(values.scenario ?? 'baghdad-2021');
  const compiled = compileScenario(scenario);
  const actor = values.as ?? '';
  const target = values.outcome ?? '';
  if (!compiled.playableIds.includes(actor)) throw new CliError(`--as: ${actor} is not playable`);
  const outcome = scenario.outcomes.find((o) => o.id === target);
  if (!outcome) throw new CliError(`--outcome: no outcome ${target}`);
  const seed = wholeNumber('--seed', values.seed ?? '1', 0, 0xffffffff);
  const turns = scenario.turns.map((t) => t.id);
  const optionsAt = turns.map(
    (_, t) =>
      compiled.decisionAt
        .get(actor)
        ?.[t]?.options.filter((o) => !o.available)
        .map((o) => o.id) ?? [],
  );
  const options = [...new Set(optionsAt.flat())];

  let played = 0;
  const scores = new Map<string, number>();
  const judged: { plan: string[]; s: number }[] = []; // plans scored over all GAMES
  // A plan's score: the games that reach the outcome, plus under one that grows as the others end closer to it.
  const score = (plan: string[], games = GAMES): number => {
    const key = `${games}:${plan.join(',')}`;
    const known = scores.get(key);
    if (known !== undefined) return known;
    let hits = 0;
    let missedBy = 0;
    for (let i = 0; i < games; i++) {
      // A turn with no always-open option has '' in the plan: the computer takes that seat's decision then.
      const { world } = playBatchGame(compiled, (seed + i) >>> 0, (who, offer) =>
        who === actor && offer.options.length > 0 ? plan[offer.turn] || undefined : undefined,
      );
      if (world.outcome?.id === target) hits++;
      else if (outcome.when) missedBy += gap(outcome.when, world.indicators);
    }
    played += games;
    const s = hits + 0.5 / (1 + missedBy / games);
    scores.set(key, s / games);
    if (games === GAMES) judged.push({ plan, s: s / games });
    return s / games;
  };
  const share = (s: number) => Math.floor(s * GAMES) / GAMES;
  // A plan: option a up to turn `from`, option b from there on (a alone when b is a); always open options only.
  const plan = (a: string, b = a, from = 0) =>
    optionsAt.map((opts, t) => {
      const want = t < from ? a : b;
      return opts.includes(want) ? want : (opts[0] ?? '');
    });

  // 1. Screen every constant plan and every plan that switches option once.
  const simple: string[][] = options.map((a) => plan(a));
  for (const a of options)
    for (const b of options) if (a !== b) for (let t = 1; t < turns.length; t++) simple.push(plan(a, b, t));
  const screened = simple.map((p) => ({ p, s: score(p, SCREEN) })).sort((x, y) => y.s - x.s);

  // 2. Hill-climb from the best few: change one turn at a time, keep a change that does strictly better.
  let best = screened[0]!.p;
  let bestScore = score(best);
  for (const { p } of screened.slice(0, CLIMBS)) {
    let current = p;
    let currentScore = score(current);
    for (let improved = true; improved && played < BUDGET && share(currentScore) < GOOD; ) {
      improved = false;
      for (let t = 0; t < turns.length && played < BUDGET; t++) {
        for (const option of optionsAt[t]!) {
          if (option === current[t]) continue;
          const candidate = current.slice();
          candidate[t] = option;
          const s = score(candidate);
          if (s > currentScore) {
            current = candidate;
            currentScore = s;
            improved = true;
          }
        }
      }
    }
    if (currentScore > bestScore) {
      best = current;
      bestScore = currentScore;
    }
    if (share(bestScore) >= GOOD || played >= BUDGET) break;
  }

  // 3. Prefer the plainest plan within SLACK of the best.
  const switches = (p: string[]) => p.filter((o, t) => t > 0 && o !== p[t - 1]).length;
  const plainest = judged
    .filter((j) => share(j.s) >= share(bestScore) - SLACK)
    .sort((x, y) => switches(x.plan) - switches(y.plan) || y.s - x.s)[0]!;
  best = plainest.plan;
  bestScore = plainest.s;

  const lines = [
    `# ${actor} playing toward ${target}: reached in ${(share(bestScore) * 100).toFixed(1)}% of ${GAMES} games from seed ${seed}`,
    `# found by scripts/find-choices.ts; check with: npm run simulate -- --scenario ${scenario.meta.id} --as ${actor} --choices FILE --games ${GAMES} --seed ${seed}`,
    ...turns.map((t, i) => `${t}: ${best[i]}`),
  ];
  if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
  console.error(`(${played.toLocaleString('en')} games played)`);
  return share(bestScore) > 0 ? 0 : 1;
}

runCli(main);
