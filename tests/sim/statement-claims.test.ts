// A statement may carry one of the claims the scenario lets its speaker make: its audience hears the claim when
// the turn resolves and takes it on the grounds the fact cites (the speaker's credibility is data), never on the
// words. A hidden or waiting statement's claim is not heard; a message carries none.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Entry, parseEntry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyCommand } from '../../src/sim/engine.ts';
import { replay } from '../../src/sim/record.ts';
import { viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, LiveGame, playTurns } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

const say = (actor: string, text: string, claim?: string, to?: string[]): Entry => ({
  by: { seat: actor, as: 'person' },
  command: {
    type: 'statement.publish',
    actor,
    text,
    ...(claim ? { claim } : {}),
    ...(to ? { to } : {}),
  },
});

function gameAt(turn: string, people: string[]): LiveGame {
  const game = new LiveGame(c, 5).start(people);
  playTurns(game, [0], c.turnIndexById.get(turn)!);
  return game;
}

describe('statement claims', () => {
  it('the audience hears the claim at the resolution, from the speaker, on the fact’s cited grounds', () => {
    const game = gameAt('statements', ['framework', 'pm']);
    expect(game.run(say('framework', 'We had nothing to do with it.', 'deny-responsibility'))).toBe(true);
    expect(game.state.said[0]!.claim).toBe('deny-responsibility');
    // Nothing is heard before the turn resolves.
    const heardBy = (actor: string) =>
      (game.state.beliefs[actor]!['factions-launched-drones']?.heard ?? []).filter(
        (h) => h.by === 'framework' && h.event === null,
      );
    expect(heardBy('pm')).toEqual([]);
    playTurns(game, [0], 1);
    expect(game.state.said[0]!.told).toBe(c.turnIndexById.get('statements'));
    // The speaker credits its own word; the framework's denial is cited (004), so it holds it.
    expect(heardBy('framework')[0]).toMatchObject({ is: false, credence: 'credits' });
    // The US, whose cited basis is the contrary (000), doubts it; the claim is heard by every actor.
    expect(heardBy('us')[0]).toMatchObject({ is: false, credence: 'doubts' });
    expect(heardBy('pm')).toHaveLength(1);
    // The claim is never made true: what the sources leave open stays open.
    expect(game.state.world.facts['factions-launched-drones']).toBe(false);
    expect(viewFor(c, game.state, 'pm').said![0]!.claim).toBe('deny-responsibility');
    expect(replay(c, game.record)).toEqual(game.state);
  });

  it('refuses a claim of another speaker, an unknown one, one whose condition fails; a hidden statement tells nothing', () => {
    const early = gameAt('sit-ins', ['framework', 'pm']);
    const refused = (entry: Entry, code: string) => {
      const before = structuredClone(early.state);
      expect(applyCommand(c, early.state, entry)).toMatchObject({ ok: false, code });
      expect(early.state).toEqual(before);
    };
    refused(say('pm', 'It was them.', 'deny-responsibility'), 'not-allowed');
    refused(say('pm', 'It was them.', 'no-such-claim'), 'unknown');
    refused(say('framework', 'Not us.', 'deny-responsibility'), 'not-offered');
    expect(parseEntry(say('pm', 'x', 'a'.repeat(101)))).toMatchObject({ ok: false });
    const game = gameAt('statements', ['framework', 'pm']);
    game.run(say('framework', 'Not us.', 'deny-responsibility', ['pm']));
    game.run({ by: FACILITATOR, command: { type: 'said.hide', n: 1, reason: 'Off topic.' } });
    playTurns(game, [0], 1);
    expect(game.state.said[0]!.told).toBeUndefined();
    const heard = game.state.beliefs.pm!['factions-launched-drones']?.heard ?? [];
    expect(heard.some((h) => h.by === 'framework' && h.event === null)).toBe(false);
  });
});

describe('the claims a seat is offered', () => {
  it('are the ones the engine accepts now, and only those: none before what they presuppose has happened', () => {
    const all = (c.scenario.statementClaims ?? []).map((x) => x.id);
    for (const turn of [c.scenario.turns[0]!.id, 'statements']) {
      const game = gameAt(turn, ['framework', 'pm']);
      for (const actor of ['framework', 'pm']) {
        const offered = viewFor(c, game.state, actor).claims ?? [];
        for (const claim of all) {
          const accepted = applyCommand(c, game.state, say(actor, 'For the record.', claim)).ok;
          expect([actor, turn, claim, accepted]).toEqual([actor, turn, claim, offered.includes(claim)]);
        }
      }
    }
    // Claims about the attack are offered only once the residence was attacked; the election's is from the start.
    const first = viewFor(c, gameAt(c.scenario.turns[0]!.id, ['framework']).state, 'framework').claims;
    const later = viewFor(c, gameAt('statements', ['framework']).state, 'framework').claims;
    expect(first).toEqual(['election-was-rigged']);
    expect(later).toEqual(
      expect.arrayContaining(['election-was-rigged', 'deny-responsibility', 'attack-was-staged']),
    );
  });
});
