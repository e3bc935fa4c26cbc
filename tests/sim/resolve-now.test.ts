// The facilitator's "Resolve now": one command that gives the seats still deciding what the clock would give them
// and resolves the turn, the same game as the clock's two commands, and replayed as it was played.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/sim/commands.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { applyCommand } from '../../src/sim/engine.ts';
import { replay } from '../../src/sim/record.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { FACILITATOR, LiveGame, submit } from '../helpers/play.ts';

const c = compileScenario(miniScenario);
const f = (command: Entry['command']): Entry => ({ by: FACILITATOR, command });
const started = () => new LiveGame(c, 5).start(['gov', 'militia']);

describe('turn.resolve with now', () => {
  it('is deadline.expire and turn.resolve in one command, and replays to the same game', () => {
    const one = started();
    const two = started();
    for (const g of [one, two]) expect(g.run(submit('gov', 'restraint'))).toBe(true);
    // A plain resolve waits for the militia; with `now` it does not.
    const plain = applyCommand(c, one.state, f({ type: 'turn.resolve', turn: 0 }));
    expect(plain).toMatchObject({ ok: false, code: 'not-ready' });
    expect(one.run(f({ type: 'turn.resolve', turn: 0, now: true }))).toBe(true);
    expect(two.run(f({ type: 'deadline.expire', turn: 0 }))).toBe(true);
    expect(two.run(f({ type: 'turn.resolve', turn: 0 }))).toBe(true);
    expect(one.state.world).toEqual(two.state.world);
    expect(one.record.entries).toHaveLength(two.record.entries.length - 1);
    expect(replay(c, one.record)).toEqual(one.state);
    // Sent again for the same turn (a double click), it is stale: never a second turn.
    expect(applyCommand(c, one.state, f({ type: 'turn.resolve', turn: 0, now: true }))).toMatchObject({
      ok: false,
      code: 'stale',
    });
  });

  it('is refused while paused, as any resolution is', () => {
    const g = started();
    expect(g.run(f({ type: 'game.pause' }))).toBe(true);
    expect(applyCommand(c, g.state, f({ type: 'turn.resolve', now: true }))).toMatchObject({
      ok: false,
      code: 'paused',
    });
  });
});
