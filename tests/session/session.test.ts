import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { loadScenarioDir } from '../../src/scenario/load-dir.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { type SessionEmitted, sessionMachine } from '../../src/session/session.machine.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { newRecord, replay } from '../../src/sim/record.ts';
import { waitingFor } from '../../src/sim/state.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { FACILITATOR, submit } from '../helpers/play.ts';

const baghdad = await loadScenarioDir('scenarios/baghdad-2021');
if (!baghdad.ok) throw new Error('scenarios/baghdad-2021 does not load: run npm run validate');

const f = (command: Entry['command']) => ({
  type: 'command.send' as const,
  entry: { by: FACILITATOR, command },
});

function session(
  c: ReturnType<typeof compileScenario>,
  seed: number,
  autoResolve = true,
  clock?: SimulatedClock,
) {
  const refused: SessionEmitted[] = [];
  const input = { c, record: newRecord(c, seed), autoResolve };
  const actor = createActor(sessionMachine, clock ? { input, clock } : { input });
  actor.on('command.refused', (e) => refused.push(e));
  actor.start();
  return { actor, refused, state: () => actor.getSnapshot().context.state };
}

describe.each([
  ['mini', miniScenario, 1],
  ['baghdad-2021', baghdad.scenario, 0.3],
] as [string, Scenario, number][])('%s: the XState session', (_name, scenario, scale) => {
  const c = compileScenario(scenario);

  it('plays the game the bare engine loop plays, for any seed and people’s choices', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.subarray(c.playableIds),
        fc.array(fc.nat(12), { maxLength: 60 }),
        (seed, people, picks) => {
          const { actor, refused, state } = session(c, seed);
          for (const a of people) actor.send(f({ type: 'seat.set', actor: a, holder: 'person' }));
          actor.send(f({ type: 'game.start' }));
          let i = 0;
          const pick = (options: readonly string[]) =>
            options[(picks.length ? picks[i++ % picks.length]! : 0) % options.length]!;
          for (let turn = 0; state().phase !== 'ended'; turn++) {
            expect(turn).toBeLessThan(c.scenario.turns.length);
            const waiting = waitingFor(state());
            expect(waiting.length).toBeGreaterThan(0);
            for (const a of waiting) {
              actor.send({ type: 'command.send', entry: submit(a, pick(state().offers[a]!.options)) });
            }
            expect(refused.length).toBe(0);
          }
          i = 0;
          const batch = playBatchGame(c, seed, (a, offer) =>
            people.includes(a) && offer.options.length > 0 ? pick(offer.options) : undefined,
          );
          expect(state().world).toEqual(batch.world);
          expect(replay(c, actor.getSnapshot().context.record)).toEqual(state());
          expect(actor.getSnapshot().hasTag('ended')).toBe(true);
          actor.stop();
        },
      ),
      { numRuns: Math.max(10, Math.round(60 * scale)) },
    );
  });
});

describe('the session’s phases, seats and clock', () => {
  const c = compileScenario(miniScenario);

  it('moves through tagged phases: setup, deciding, paused, resolving, ended', () => {
    const { actor, state } = session(c, 1, false);
    const tags = () => [...actor.getSnapshot().tags];
    expect(tags()).toEqual(['setup']);
    actor.send(f({ type: 'seat.set', actor: 'gov', holder: 'person' }));
    actor.send(f({ type: 'game.start' }));
    expect(tags()).toEqual(['deciding']);
    // The computer's seat has decided on its own; the person's has not.
    expect(waitingFor(state())).toEqual(['gov']);
    actor.send(f({ type: 'game.pause' }));
    expect(tags()).toEqual(['paused']);
    actor.send({ type: 'command.send', entry: submit('gov', 'raid') });
    expect(state().pending.gov).toBeUndefined();
    expect(actor.getSnapshot().context.refusal?.code).toBe('paused');
    actor.send(f({ type: 'game.resume' }));
    actor.send({ type: 'command.send', entry: submit('gov', 'raid') });
    // Without auto-resolution the facilitator resolves by hand.
    expect(tags()).toEqual(['deciding']);
    actor.send(f({ type: 'turn.resolve' }));
    expect(state().world.turn).toBe(1);
    actor.send(f({ type: 'game.end' }));
    expect(tags()).toEqual(['ended']);
    actor.stop();
  });

  it('a seat handed to the computer mid-turn is decided by the computer at once', () => {
    const { actor, state } = session(c, 2);
    actor.send(f({ type: 'seat.set', actor: 'gov', holder: 'person' }));
    actor.send(f({ type: 'seat.set', actor: 'militia', holder: 'person' }));
    actor.send(f({ type: 'game.start' }));
    actor.send({ type: 'command.send', entry: submit('militia', 'wait') });
    expect(waitingFor(state())).toEqual(['gov']);
    actor.send(f({ type: 'seat.set', actor: 'gov', holder: 'computer' }));
    // The computer decided and, every seat having decided, the turn resolved.
    expect(state().world.turn).toBe(1);
    expect(state().world.log.find((d) => d.actor === 'gov')?.by).toBe('computer');
    // In the same step, with no seat actor in between.
    expect(actor.getSnapshot().children).toEqual({});
    actor.stop();
  });

  it('the decision deadline is an after delay: when it runs out the computer decides and the turn resolves', () => {
    const clock = new SimulatedClock();
    const { actor, state } = session(c, 3, true, clock);
    actor.send(f({ type: 'seat.set', actor: 'gov', holder: 'person' }));
    actor.send(f({ type: 'deadline.set', seconds: 30, onExpiry: 'default', defaults: { gov: 'restraint' } }));
    actor.send(f({ type: 'game.start' }));
    clock.increment(29_000);
    expect(state().world.turn).toBe(0);
    clock.increment(1_000);
    expect(state().world.turn).toBe(1);
    expect(state().world.log.find((d) => d.actor === 'gov')).toMatchObject({
      option: 'restraint',
      by: 'facilitator',
    });
    // The clock starts again with the new turn, and a pause stops it.
    clock.increment(20_000);
    actor.send(f({ type: 'game.pause' }));
    clock.increment(60_000);
    expect(state().world.turn).toBe(1);
    actor.send(f({ type: 'game.resume' }));
    clock.increment(30_000);
    expect(state().world.turn).toBe(2);
    const expiries = actor
      .getSnapshot()
      .context.record.entries.filter((e) => e.command.type === 'deadline.expire');
    expect(expiries).toHaveLength(2);
    // Cleared mid-turn, the clock stops; set again mid-turn, it starts at once.
    actor.send(f({ type: 'deadline.set', seconds: null, onExpiry: 'computer' }));
    clock.increment(120_000);
    expect(state().world.turn).toBe(2);
    expect(state().phase).toBe('deciding');
    actor.send(f({ type: 'deadline.set', seconds: 10, onExpiry: 'computer' }));
    clock.increment(10_000);
    expect(state().phase).toBe('ended');
    expect(state().world.log.find((d) => d.turn === 2 && d.actor === 'gov')?.by).toBe('computer');
    actor.stop();
  });

  it('a team proposes at its seat (a command in the record), and confirming submits the proposal', () => {
    const { actor, refused, state } = session(c, 4, false);
    actor.send(f({ type: 'seat.set', actor: 'gov', holder: 'person' }));
    actor.send(f({ type: 'game.start' }));
    const team = { seat: 'gov', as: 'person' } as const;
    const propose = (option: string | null) =>
      actor.send({
        type: 'command.send',
        entry: { by: team, command: { type: 'proposal.set', actor: 'gov', option } },
      });
    propose('restraint');
    propose('raid');
    expect(state().proposals).toEqual({ gov: 'raid' });
    expect(state().pending.gov).toBeUndefined();
    actor.send({ type: 'command.send', entry: submit('gov', state().proposals.gov!) });
    expect(state().pending.gov).toEqual({ option: 'raid', by: 'person' });
    propose(null);
    expect(state().proposals).toEqual({});
    const types = actor.getSnapshot().context.record.entries.map((e) => e.command.type);
    expect(types.filter((t) => t === 'proposal.set')).toHaveLength(3);
    expect(refused).toEqual([]);
    // The record replays to the same proposals, and a new turn clears them.
    propose('restraint');
    expect(replay(c, actor.getSnapshot().context.record).proposals).toEqual({ gov: 'restraint' });
    actor.send(f({ type: 'turn.resolve' }));
    expect(state().proposals).toEqual({});
    actor.stop();
  });

  it('refuses what the engine refuses, tells the sender, and keeps the record to accepted commands', () => {
    const { actor, refused, state } = session(c, 5, false);
    actor.send(f({ type: 'game.start' }));
    const before = actor.getSnapshot().context.record.entries.length;
    const stateBefore = state();
    actor.send({
      type: 'command.send',
      entry: { by: { seat: 'gov', as: 'person' }, command: { type: 'game.end' } },
    });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ type: 'command.refused', refusal: { code: 'not-allowed' } });
    expect(actor.getSnapshot().context.record.entries).toHaveLength(before);
    expect(state()).toBe(stateBefore);
    actor.stop();
  });

  it('goes on from a saved record, with a seat actor only where the computer decides', () => {
    const first = session(c, 6, false);
    first.actor.send(f({ type: 'seat.set', actor: 'gov', holder: 'person' }));
    first.actor.send(f({ type: 'seat.set', actor: 'militia', holder: 'vacant' }));
    first.actor.send(f({ type: 'game.start' }));
    const record = first.actor.getSnapshot().context.record;
    const again = createActor(sessionMachine, { input: { c, record, autoResolve: false } }).start();
    expect(again.getSnapshot().context.state).toEqual(first.state());
    expect(again.getSnapshot().hasTag('deciding')).toBe(true);
    expect(Object.keys(again.getSnapshot().children)).toEqual([]);
    again.stop();
    first.actor.stop();
  });
});
