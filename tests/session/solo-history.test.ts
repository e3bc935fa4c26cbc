// The debrief's historical path comes from the session, never from a scene: once a solo game has ended, the
// session holds the same scenario and seed replayed with every seat taking its historical option where open.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { soloMachine } from '../../src/session/solo.machine.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { historicalPath } from '../../src/sim/history.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

describe('the solo session and the historical path', () => {
  it('holds none during the game, and the replay of its own seed with the historical choices at the debrief', async () => {
    const actor = createActor(
      soloMachine.provide({ actors: { loadScenario: fromPromise(async () => miniScenario) } }),
    );
    actor.start();
    await new Promise((r) => setTimeout(r, 0));
    actor.send({ type: 'game.new' });
    actor.send({ type: 'perspective.pick', actor: 'gov' });
    actor.send({ type: 'game.begin', seed: 21 });
    actor.send({ type: 'screen.next' });
    for (let turn = 0; !actor.getSnapshot().hasTag('debrief'); turn++) {
      expect(turn).toBeLessThan(miniScenario.turns.length);
      expect(actor.getSnapshot().context.historical).toBeNull();
      const game = actor.getSnapshot().context.game!;
      // The player's own course: the last open option, not the historical one.
      actor.send({ type: 'option.select', option: game.offers.gov!.options.at(-1)! });
      actor.send({ type: 'decision.confirm' });
      actor.send({ type: 'screen.next' });
    }
    const { historical, game } = actor.getSnapshot().context;
    expect(game?.seed).toBe(21);
    expect(historical).toEqual(historicalPath(compileScenario(miniScenario), 21));
    expect(historical?.seed).toBe(21);
    // A new game forgets it until that game ends.
    actor.send({ type: 'title.show' });
    actor.send({ type: 'game.new' });
    actor.send({ type: 'perspective.pick', actor: 'gov' });
    actor.send({ type: 'game.begin', seed: 22 });
    expect(actor.getSnapshot().context.historical).toBeNull();
    actor.stop();
  });
});
