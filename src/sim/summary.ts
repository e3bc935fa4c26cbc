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

/** How often one of the scenario's events fired over many games, and on which turns. */
export interface EventFigures {
  id: string;
  /** Games in which it fired at least once. */
  games: number;
  share: number;
  /** Each turn it fired on, in turn order, with the number of games in which it fired then. */
  dates: { date: string; turn: string; games: number }[];
}

/**
 * Counts, game by game, which of the scenario's events fired and when: a balance report for authors (an event
 * that never fires, or always does, or on the wrong date). An event that fires on several turns of one game
 * counts once for the game and once on each of those turns; one fired twice on a turn counts once there.
 */
export class EventTally {
  private readonly counts = new Map<string, { games: number; byTurn: number[] }>();
  private games = 0;

  constructor(private readonly c: CompiledScenario) {
    for (const e of c.scenario.events) {
      this.counts.set(e.id, { games: 0, byTurn: c.scenario.turns.map(() => 0) });
    }
  }

  add(world: World): void {
    this.games++;
    for (const [id, turns] of Object.entries(world.fired)) {
      const entry = this.counts.get(id);
      // A fired list may be empty, and a turn index is only ever a turn of this scenario; guard both anyway.
      if (!entry || turns.length === 0) continue;
      entry.games++;
      for (const t of new Set(turns)) if (t >= 0 && t < entry.byTurn.length) entry.byTurn[t]!++;
    }
  }

  result(): EventFigures[] {
    const turns = this.c.scenario.turns;
    return [...this.counts].map(([id, e]) => ({
      id,
      games: e.games,
      share: this.games ? e.games / this.games : 0,
      dates: e.byTurn.flatMap((games, t) =>
        games > 0 ? [{ date: turns[t]!.date, turn: turns[t]!.id, games }] : [],
      ),
    }));
  }
}
