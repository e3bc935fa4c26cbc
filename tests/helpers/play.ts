// Drives games with arbitrary (valid) human choices, for property tests on any scenario.
import type { Scenario } from '../../src/scenario/types.ts';
import { createGame, type Game } from '../../src/sim/game.ts';

/** Picks, for each human decision in turn, the open option at picks[i] (modulo), then resolves. */
export function playTurns(
  game: Game,
  picks: readonly number[],
  turns = Number.POSITIVE_INFINITY,
  cursor = { i: 0 },
): Game {
  let played = 0;
  while (!game.ended && played < turns) {
    for (const actor of game.waitingFor()) {
      const offer = game.snapshot.children[actor]?.getSnapshot().context.offer;
      const options: string[] = offer?.options ?? [];
      const pick = picks.length ? picks[cursor.i++ % picks.length]! : 0;
      game.submit(actor, options[pick % options.length]!);
    }
    game.resolve();
    played++;
  }
  return game;
}

export function humanGame(
  scenario: Scenario,
  seed: number,
  humans: readonly string[],
  picks: readonly number[],
): Game {
  return playTurns(createGame(scenario, { seed, humans }), picks);
}
