import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { type SoloEmitted, soloMachine } from '../../src/session/solo.machine.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

function solo(loader = async () => miniScenario) {
  const emitted: SoloEmitted[] = [];
  const actor = createActor(soloMachine.provide({ actors: { loadScenario: fromPromise(loader) } }));
  actor.on('*', (e) => emitted.push(e as SoloEmitted));
  actor.start();
  const screen = () =>
    ['perspective', 'briefing', 'situation', 'resolution', 'debrief', 'failed'].find((t) =>
      actor.getSnapshot().hasTag(t),
    ) ?? 'title';
  return { actor, emitted, screen, saves: () => emitted.filter((e) => e.type === 'save.write') };
}

const loaded = () => new Promise((r) => setTimeout(r, 0));

/** The save a militia game writes after its first turn (seed 8). */
async function savedAfterOneTurn(): Promise<string> {
  const first = solo();
  await loaded();
  first.actor.send({ type: 'game.new' });
  first.actor.send({ type: 'perspective.pick', actor: 'militia' });
  first.actor.send({ type: 'game.begin', seed: 8 });
  first.actor.send({ type: 'screen.next' });
  const options = first.actor.getSnapshot().context.game!.offers.militia!.options;
  first.actor.send({ type: 'option.select', option: options[0]! });
  first.actor.send({ type: 'decision.confirm' });
  return (first.saves().at(-1) as { json: string }).json;
}

describe('the solo session, from the title to the debrief', () => {
  it('plays a whole game: perspective, briefing, each turn confirmed and resolved, the debrief', async () => {
    const { actor, screen, saves } = solo();
    // Asked for while the scenario still loads: it waits for it.
    actor.send({ type: 'game.new' });
    await loaded();
    expect(screen()).toBe('perspective');
    actor.send({ type: 'game.begin', seed: 3 });
    expect(screen()).toBe('perspective');
    actor.send({ type: 'perspective.pick', actor: 'gov' });
    actor.send({ type: 'game.begin', seed: 3 });
    expect(screen()).toBe('briefing');
    expect(saves()).toHaveLength(1);
    actor.send({ type: 'screen.next' });
    for (let turn = 0; screen() !== 'debrief'; turn++) {
      expect(turn).toBeLessThan(miniScenario.turns.length);
      expect(screen()).toBe('situation');
      const game = actor.getSnapshot().context.game!;
      expect(game.world.turn).toBe(turn);
      // Confirming with nothing selected does nothing; a selection and a confirmation resolve the turn.
      actor.send({ type: 'decision.confirm' });
      expect(screen()).toBe('situation');
      actor.send({ type: 'option.select', option: game.offers.gov!.options.at(-1)! });
      actor.send({ type: 'decision.confirm' });
      expect(screen()).toBe('resolution');
      const { before, game: after } = actor.getSnapshot().context;
      expect(before?.world.turn).toBe(turn);
      expect(after!.phase === 'ended' || after!.world.turn === turn + 1).toBe(true);
      expect(after!.world.log.some((d) => d.turn === turn && d.actor === 'gov' && d.by === 'person')).toBe(
        true,
      );
      // One save a turn, holding the turn's resolution.
      const last = JSON.parse((saves().at(-1) as { json: string }).json);
      expect(
        last.entries.filter((e: { command: { type: string } }) => e.command.type === 'turn.resolve'),
      ).toHaveLength(turn + 1);
      actor.send({ type: 'screen.next' });
    }
    expect(actor.getSnapshot().context.game?.phase).toBe('ended');
    actor.send({ type: 'title.show' });
    expect(screen()).toBe('title');
    expect(actor.getSnapshot().children.game).toBeUndefined();
  });

  it('continues a saved game at its turn, and answers a damaged one with a sentence and a dropped save', async () => {
    const json = await savedAfterOneTurn();

    const again = solo();
    again.actor.send({ type: 'game.continue', json });
    await loaded();
    expect(again.screen()).toBe('situation');
    expect(again.actor.getSnapshot().context.actor).toBe('militia');
    expect(again.actor.getSnapshot().context.game?.world.turn).toBe(1);

    const broken = solo();
    await loaded();
    broken.actor.send({ type: 'game.continue', json: json.replace('"entries":[', '"entries":[1,') });
    expect(broken.screen()).toBe('title');
    expect(broken.actor.getSnapshot().context.notice).toMatch(
      /^This save is damaged: .+\. Start a new game\.$/,
    );
    expect(broken.emitted.map((e) => e.type)).toContain('save.drop');
    broken.actor.send({ type: 'game.continue', json: null });
    expect(broken.actor.getSnapshot().context.notice).toBe('There is no saved game to continue.');
  });

  it('says in one sentence when the scenario cannot be loaded', async () => {
    const { actor, screen } = solo(async () => {
      throw new Error('actors.yaml:3:1 actors: required');
    });
    await loaded();
    expect(screen()).toBe('failed');
    expect(actor.getSnapshot().context.loadProblem).toBe('actors.yaml:3:1 actors: required');
  });
});

describe('a saved solo game, as the title names it', () => {
  it('is read as Continue reads it: the seat, the turn, whether it ended; a damaged save is not named', async () => {
    const { describeSoloSave } = await import('../../src/session/solo-rules.ts');
    const { compileScenario } = await import('../../src/sim/compile.ts');
    const c = compileScenario(miniScenario);
    const json = await savedAfterOneTurn();
    expect(describeSoloSave(json, c)).toEqual({ actor: 'militia', turn: 1, turns: 3, ended: false });
    expect(describeSoloSave(json.replace('"entries":[', '"entries":[1,'), c)).toBeNull();
    expect(describeSoloSave(null, c)).toBeNull();
  });
});
