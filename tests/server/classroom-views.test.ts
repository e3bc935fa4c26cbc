// A seat's status on the console and the projector follows the engine: a vacant seat is never "deciding".
import { beforeAll, describe, expect, it } from 'vitest';
import { seatStatus } from '../../src/server/classroom-views.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, submit } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

describe('seat status', () => {
  it('says deciding only where the turn waits, submitted once the seat decided, and waiting for a vacant seat', () => {
    const game = new LiveGame(c, 3).start(['pm', 'sadrists']);
    expect(seatStatus(game.state, 'pm')).toBe('deciding');
    game.run(submit('pm', game.state.offers.pm!.options[0]!));
    expect(seatStatus(game.state, 'pm')).toBe('submitted');
    expect(
      game.run({
        by: { facilitator: true },
        command: { type: 'seat.set', actor: 'sadrists', holder: 'vacant' },
      }),
    ).toBe(true);
    expect(seatStatus(game.state, 'sadrists')).toBe('waiting');
  });
});
