/**
 * One solo game: the player's actor is a person, every other actor the computer. A thin wrapper over
 * the simulation's Game: it submits the player's choice, resolves the turn, and saves.
 */
import type { Scenario } from '../../scenario/types.ts';
import { createGame, type Game } from '../../sim/game.ts';
import { restoreGameFromJson, saveGameJson } from '../../sim/save.ts';
import { type ActorView, viewFor } from '../../sim/view.ts';

export class SoloSession {
  private constructor(
    readonly scenario: Scenario,
    private readonly game: Game,
    readonly actor: string,
  ) {}

  static start(scenario: Scenario, actor: string, seed: number): SoloSession {
    return new SoloSession(scenario, createGame(scenario, { seed, humans: [actor] }), actor);
  }

  /** Throws the simulation's SaveError (one sentence) when the save cannot be continued. */
  static restore(scenario: Scenario, json: string): SoloSession {
    const game = restoreGameFromJson(scenario, json);
    const seats = game.snapshot.context.seats as Record<string, string>;
    const actor = Object.keys(seats).find((a) => seats[a] === 'human');
    if (!actor) {
      game.stop();
      throw new Error('This save has no player’s seat in it.');
    }
    return new SoloSession(scenario, game, actor);
  }

  view(): ActorView {
    return viewFor(this.game.snapshot, this.actor);
  }

  get ended(): boolean {
    return this.game.ended;
  }

  /** Submits the player's choice (null: no decision this turn) and resolves the turn. */
  play(option: string | null): void {
    if (option !== null) this.game.submit(this.actor, option);
    this.game.resolve();
  }

  saveJson(): string {
    return saveGameJson(this.game);
  }

  stop(): void {
    this.game.stop();
  }
}
