// Groups side by side: several games of one scenario (one per group of a class, often on the same seed), compared
// on what a debrief asks. Which ending each reached; each indicator, group by group; the first turn where their
// decisions differed; and the decisions that weighed most, from the causes each game recorded.
import type { CompiledScenario } from './compile.ts';
import type { GameState } from './state.ts';
import { indicatorHistory } from './view.ts';

export interface GroupGame {
  /** The group's label, as the facilitator names it ("Room KQTW", "Group 2"); never a student's name. */
  label: string;
  state: GameState;
}

export interface Comparison {
  groups: { label: string; outcome: string | null; turnsPlayed: number }[];
  /** indicator id -> one series per group, in the groups' order */
  indicators: Record<string, number[][]>;
  /** The first turn (0-based) in which two groups' decisions differ; null when they never do. */
  firstDifference: number | null;
  /** The decisions that moved the indicators most, summed over each game's recorded causes, largest first. */
  weightiest: { actor: string; option: string; weight: number; groups: string[] }[];
}

export function compareGames(c: CompiledScenario, games: readonly GroupGame[]): Comparison {
  const indicators: Record<string, number[][]> = {};
  for (const ind of c.scenario.indicators) {
    indicators[ind.id] = games.map((g) => indicatorHistory(c, g.state.world, ind.id));
  }
  return {
    groups: games.map((g) => ({
      label: g.label,
      outcome: g.state.world.outcome?.id ?? null,
      turnsPlayed: g.state.world.outcome ? g.state.world.turn + 1 : g.state.world.turn,
    })),
    indicators,
    firstDifference: firstDifference(games),
    weightiest: weightiest(games),
  };
}

/** The decisions of one turn, as a comparable key: actor=option, in actor order. */
function turnKey(state: GameState, turn: number): string {
  return state.world.log
    .filter((d) => d.turn === turn)
    .map((d) => `${d.actor}=${d.option}`)
    .sort()
    .join(';');
}

function firstDifference(games: readonly GroupGame[]): number | null {
  const turns = Math.max(0, ...games.map((g) => g.state.world.turn + 1));
  for (let t = 0; t < turns; t++) {
    const keys = new Set(games.map((g) => turnKey(g.state, t)));
    if (keys.size > 1) return t;
  }
  return null;
}

function weightiest(games: readonly GroupGame[], most = 8): Comparison['weightiest'] {
  const byDecision = new Map<
    string,
    { actor: string; option: string; weight: number; groups: Set<string> }
  >();
  for (const g of games) {
    for (const change of g.state.world.changes) {
      if (change.cause.kind !== 'decision') continue;
      const { actor, option } = change.cause;
      const key = `${actor}/${option}`;
      const weight = Object.values(change.deltas).reduce((sum, d) => sum + Math.abs(d), 0);
      const entry = byDecision.get(key) ?? { actor, option, weight: 0, groups: new Set<string>() };
      entry.weight += weight;
      entry.groups.add(g.label);
      byDecision.set(key, entry);
    }
  }
  return [...byDecision.values()]
    .sort((a, b) => b.weight - a.weight || a.actor.localeCompare(b.actor) || a.option.localeCompare(b.option))
    .slice(0, most)
    .map((e) => ({ actor: e.actor, option: e.option, weight: e.weight, groups: [...e.groups] }));
}
