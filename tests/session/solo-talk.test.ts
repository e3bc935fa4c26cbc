// The solo player's talk and reasons (issue 19): a statement and a private message to the computer's actors are
// commands of the player's seat, kept in the record and shown in the player's view; a refused one is said in one
// sentence; a decision's reason is kept with it.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { soloMachine } from '../../src/session/solo.machine.ts';
import { soloTalk } from '../../src/session/solo-rules.ts';
import { viewFor } from '../../src/sim/view.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';

async function situation() {
  const actor = createActor(
    soloMachine.provide({ actors: { loadScenario: fromPromise(async () => miniScenario) } }),
  );
  actor.start();
  await new Promise((r) => setTimeout(r, 0));
  actor.send({ type: 'game.new' });
  actor.send({ type: 'perspective.pick', actor: 'gov' });
  actor.send({ type: 'game.begin', seed: 4 });
  actor.send({ type: 'screen.next' });
  expect(actor.getSnapshot().hasTag('situation')).toBe(true);
  return actor;
}

describe('the solo player speaks', () => {
  it('writes to a computer actor and to the public: the record keeps both, the view shows both', async () => {
    const actor = await situation();
    const other = actor.getSnapshot().context.c!.playableIds.find((a) => a !== 'gov')!;
    actor.send({ type: 'talk.say', kind: 'message', text: 'Talk to us first.', to: [other] });
    actor.send({ type: 'talk.say', kind: 'statement', text: 'We call for calm.', to: [] });
    const { c, game, refused } = actor.getSnapshot().context;
    expect(refused).toBeNull();
    expect(game!.said.map((s) => [s.kind, s.from, s.to, s.text])).toEqual([
      ['message', 'gov', [other], 'Talk to us first.'],
      ['statement', 'gov', 'public', 'We call for calm.'],
    ]);
    expect(viewFor(c!, game!, 'gov').said?.map((s) => s.text)).toEqual([
      'Talk to us first.',
      'We call for calm.',
    ]);
  });

  it('is refused in one sentence, and nothing is kept', async () => {
    const actor = await situation();
    actor.send({ type: 'talk.say', kind: 'message', text: 'To myself.', to: ['gov'] });
    const { game, refused } = actor.getSnapshot().context;
    expect(refused?.message).toBe('gov cannot address itself.');
    expect(game!.said).toEqual([]);
    // The next command taken clears it.
    actor.send({ type: 'talk.say', kind: 'statement', text: 'Now in public.', to: [] });
    expect(actor.getSnapshot().context.refused).toBeNull();
  });

  it('keeps a decision’s reason with it', async () => {
    const actor = await situation();
    const game = actor.getSnapshot().context.game!;
    actor.send({ type: 'option.select', option: game.offers.gov!.options[0]! });
    actor.send({ type: 'decision.confirm', reason: 'It buys time.' });
    const log = actor.getSnapshot().context.game!.world.log;
    expect(log.find((d) => d.actor === 'gov')?.reason).toBe('It buys time.');
  });

  it('speaks as its own seat, named or to the public', () => {
    expect(soloTalk('gov', 'statement', 'Hi.', [])).toEqual({
      by: { seat: 'gov', as: 'person' },
      command: { type: 'statement.publish', actor: 'gov', text: 'Hi.' },
    });
    expect(soloTalk('gov', 'statement', 'Hi.', ['militia']).command).toMatchObject({ to: ['militia'] });
    expect(soloTalk('gov', 'message', 'Hi.', ['militia']).command).toEqual({
      type: 'message.send',
      actor: 'gov',
      to: ['militia'],
      text: 'Hi.',
    });
  });
});
