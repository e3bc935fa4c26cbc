// Finds, for one playable actor and one outcome, a sequence of choices (one per turn) that leads there against
// the computer players, by hill-climbing judged by real games. Writes it as a choices file for
// `npm run simulate -- --as ACTOR --choices FILE`. Usage:
//   npx tsx scripts/find-choices.ts --scenario baghdad-2021 --as pm --outcome chaos-at-home --out FILE
import { writeFileSync } from 'node:fs';
import { CliError, loadScenarioArg, parseArgs, runCli } from '../src/cli/scenario-arg.ts';
import { playBatchGame } from '../src/sim/batch.ts';
import { engineFor } from '../src/sim/game.ts';
import { createRng } from '../src/sim/rng.ts';

const GAMES = 200;

async function main(): Promise<number> {
  const { values } = parseArgs(process.argv.slice(2), ['scenario', 'as', 'outcome', 'out', 'seed'], []);
  const scenario = await loadScenarioArg(values.scenario ?? 'baghdad-2021');
  const { compiled } = engineFor(scenario);
  const actor = values.as ?? '';
  const target = values.outcome ?? '';
  if (!compiled.playableIds.includes(actor)) throw new CliError(`--as: ${actor} is not playable`);
  if (!scenario.outcomes.some((o) => o.id === target)) throw new CliError(`--outcome: no outcome ${target}`);
  const seed = Number(values.seed ?? 1);
  const turns = scenario.turns.map((t) => t.id);
  // Only options that are always open: the file must be playable whatever the other seats do.
  const optionsAt = turns.map(
    (_, t) =>
      compiled.decisionAt
        .get(actor)
        ?.[t]?.options.filter((o) => !o.available)
        .map((o) => o.id) ?? [],
  );

  const score = (plan: string[]) => {
    let hits = 0;
    for (let i = 0; i < GAMES; i++) {
      const world = playBatchGame(compiled, seed + i, (who, offer) => {
        if (who !== actor) return undefined;
        return plan[offer.turn]!;
      }).world;
      if (world.outcome?.id === target) hits++;
    }
    return hits / GAMES;
  };

  const rng = createRng(seed);
  let best = optionsAt.map((opts) => opts[Math.floor(rng() * opts.length)] ?? '');
  let bestScore = score(best);
  for (let round = 0; round < 400 && bestScore < 0.9; round++) {
    const candidate = best.slice();
    const changes = 1 + Math.floor(rng() * 2);
    for (let k = 0; k < changes; k++) {
      const t = Math.floor(rng() * turns.length);
      const opts = optionsAt[t]!;
      candidate[t] = opts[Math.floor(rng() * opts.length)] ?? '';
    }
    const s = score(candidate);
    if (s >= bestScore) {
      best = candidate;
      bestScore = s;
    }
  }
  const lines = [
    `# ${actor} playing toward ${target}: reached in ${(bestScore * 100).toFixed(0)}% of ${GAMES} games from seed ${seed}`,
    `# found by scripts/find-choices.ts; check with: npm run simulate -- --scenario ${scenario.meta.id} --as ${actor} --choices FILE --games ${GAMES} --seed ${seed}`,
    ...turns.map((t, i) => `${t}: ${best[i]}`),
  ];
  if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
  return bestScore > 0 ? 0 : 1;
}

runCli(main);
