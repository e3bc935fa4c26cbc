// Figures over many games, and the path of one game told turn by turn: what simulate prints and a debrief uses.
import type { CompiledScenario } from './compile.ts';
import type { Decider, World } from './world.ts';

export interface PathStep {
  turn: string;
  date: string;
  decisions: { actor: string; option: string; by: Decider; historical: boolean }[];
  events: string[];
}

export interface OutcomeFigures {
  id: string;
  games: number;
  share: number;
  meanTurns: number;
  example: { seed: number; path: PathStep[] } | null;
}

export interface SimulationSummary {
  scenario: string;
  games: number;
  seed: number;
  meanTurns: number;
  outcomes: OutcomeFigures[];
}

export function pathOf(c: CompiledScenario, world: World): PathStep[] {
  const steps: PathStep[] = [];
  const last = world.outcome ? world.outcome.turn : world.turn - 1;
  for (let t = 0; t <= last; t++) {
    const turn = c.scenario.turns[t]!;
    steps.push({
      turn: turn.id,
      date: turn.date,
      decisions: world.log
        .filter((d) => d.turn === t)
        .map((d) => ({
          actor: d.actor,
          option: d.option,
          by: d.by,
          historical: c.optionById.get(d.actor)?.get(d.option)?.historical ?? false,
        })),
      events: Object.entries(world.fired)
        .filter(([, turns]) => turns.includes(t))
        .map(([id]) => id),
    });
  }
  return steps;
}

/** Accumulates games one by one, so that a long run needs no memory for the games themselves. */
export class SummaryBuilder {
  private readonly counts = new Map<
    string,
    { games: number; turns: number; example: OutcomeFigures['example'] }
  >();
  private games = 0;
  private turns = 0;

  constructor(
    private readonly c: CompiledScenario,
    private readonly seed: number,
  ) {
    for (const o of c.scenario.outcomes) this.counts.set(o.id, { games: 0, turns: 0, example: null });
  }

  add(world: World, seed: number): void {
    const id = world.outcome?.id;
    if (id === undefined) return;
    const length = world.outcome!.turn + 1;
    const entry = this.counts.get(id)!;
    entry.games++;
    entry.turns += length;
    entry.example ??= { seed, path: pathOf(this.c, world) };
    this.games++;
    this.turns += length;
  }

  result(): SimulationSummary {
    return {
      scenario: this.c.scenario.meta.id,
      games: this.games,
      seed: this.seed,
      meanTurns: this.games ? this.turns / this.games : 0,
      outcomes: [...this.counts].map(([id, e]) => ({
        id,
        games: e.games,
        share: this.games ? e.games / this.games : 0,
        meanTurns: e.games ? e.turns / e.games : 0,
        example: e.example,
      })),
    };
  }
}
