// One test (at least) per command: what it does when accepted, and what it refuses. Each handler of the engine is
// needed by one of these: take any away and a test here fails.
import { describe, expect, it } from 'vitest';
import { type Entry, parseEntry } from '../../src/sim/commands.ts';
import { compileScenario } from '../../src/sim/compile.ts';
import { applyCommand, COMMAND_TYPES } from '../../src/sim/engine.ts';
import { initialState, isReady, waitingFor } from '../../src/sim/state.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { FACILITATOR, LiveGame, resolveEntry, submit } from '../helpers/play.ts';

const c = compileScenario(miniScenario);
const f = (command: Entry['command']): Entry => ({ by: FACILITATOR, command });
const started = (people: string[] = ['gov', 'militia']) => new LiveGame(c, 3).start(people);

function refusedWith(game: LiveGame, entry: Entry, code: string): string {
  const before = structuredClone(game.state);
  const result = applyCommand(c, game.state, entry);
  expect(result).toMatchObject({ ok: false, code });
  expect(game.state).toEqual(before);
  return result.ok ? '' : result.message;
}

describe('the engine, command by command', () => {
  it('covers every command type in this file', () => {
    expect(COMMAND_TYPES.sort()).toEqual(
      [
        'decision.submit',
        'decision.withdraw',
        'deadline.expire',
        'deadline.set',
        'game.end',
        'game.pause',
        'game.resume',
        'game.start',
        'indicator.override',
        'inject.fire',
        'proposal.set',
        'seat.set',
        'turn.resolve',
        // Statements, messages and the room's rule on talk: tests/sim/talk.test.ts.
        'message.send',
        'said.hide',
        'statement.approve',
        'statement.publish',
        'talk.set',
        // Agreements and rulings: tests/sim/agreements.test.ts.
        'agreement.propose',
        'agreement.answer',
        'agreement.withdraw',
        'ruling.request',
        'ruling.give',
      ].sort(),
    );
  });

  it('game.start opens the first turn with an offer to each deciding actor; only once, and only the facilitator', () => {
    const game = new LiveGame(c, 3);
    expect(game.state.phase).toBe('setup');
    refusedWith(
      game,
      { by: { seat: 'gov', as: 'computer' }, command: { type: 'game.start' } },
      'not-allowed',
    );
    expect(game.run(f({ type: 'game.start' }))).toBe(true);
    expect(game.state.phase).toBe('deciding');
    expect(Object.keys(game.state.offers).sort()).toEqual(['gov', 'militia']);
    expect(refusedWith(game, f({ type: 'game.start' }), 'wrong-phase')).toBe('The game has already started.');
  });

  it('seat.set hands a seat to a person, the computer or nobody, in setup and mid-turn', () => {
    const game = new LiveGame(c, 3);
    expect(game.run(f({ type: 'seat.set', actor: 'gov', holder: 'person' }))).toBe(true);
    expect(game.state.seats.gov).toBe('person');
    game.run(f({ type: 'game.start' }));
    expect(waitingFor(game.state)).toEqual(['gov', 'militia']);
    game.run(submit('militia', 'wait', 'computer'));
    expect(game.run(f({ type: 'seat.set', actor: 'militia', holder: 'vacant' }))).toBe(true);
    // A vacant seat passes: its earlier choice is gone and the turn does not wait for it.
    expect(game.state.pending.militia).toBeUndefined();
    expect(waitingFor(game.state)).toEqual(['gov']);
    refusedWith(game, f({ type: 'seat.set', actor: 'press', holder: 'person' }), 'unknown');
  });

  it('decision.submit takes an open option at the issuer’s own seat, and a person may change it', () => {
    const game = started();
    refusedWith(game, submit('gov', 'strike'), 'not-offered');
    refusedWith(game, submit('gov', 'restraint', 'computer'), 'not-your-seat');
    refusedWith(
      game,
      { by: { seat: 'militia', as: 'person' }, command: submit('gov', 'restraint').command },
      'not-your-seat',
    );
    refusedWith(
      game,
      { ...submit('gov', 'restraint'), command: { ...submit('gov', 'restraint').command, turn: 4 } } as Entry,
      'stale',
    );
    expect(game.run(submit('gov', 'restraint'))).toBe(true);
    expect(game.state.pending.gov).toEqual({ option: 'restraint', by: 'person' });
    expect(game.run(submit('gov', 'raid'))).toBe(true);
    expect(game.state.pending.gov?.option).toBe('raid');
  });

  it('decision.withdraw takes a submitted choice back', () => {
    const game = started();
    refusedWith(
      game,
      { by: { seat: 'gov', as: 'person' }, command: { type: 'decision.withdraw', actor: 'gov' } },
      'not-offered',
    );
    game.run(submit('gov', 'raid'));
    expect(
      game.run({ by: { seat: 'gov', as: 'person' }, command: { type: 'decision.withdraw', actor: 'gov' } }),
    ).toBe(true);
    expect(game.state.pending.gov).toBeUndefined();
  });

  it('proposal.set records a team’s proposal, changes nothing in the world, and is cleared by a new turn', () => {
    const game = started();
    const propose = (option: string | null, as: 'person' | 'computer' = 'person', actor = 'gov'): Entry => ({
      by: { seat: actor, as },
      command: { type: 'proposal.set', actor, option },
    });
    const world = structuredClone(game.state.world);
    expect(game.run(propose('raid'))).toBe(true);
    expect(game.state.proposals).toEqual({ gov: 'raid' });
    expect(game.state.world).toEqual(world);
    expect(game.state.pending.gov).toBeUndefined();
    expect(waitingFor(game.state)).toContain('gov');
    // Refused in one sentence each: a closed option, the same proposal again, another seat, the computer.
    expect(refusedWith(game, propose('strike'), 'not-offered')).toBe(
      'strike is not open to gov now (open: restraint, raid).',
    );
    expect(refusedWith(game, propose('raid'), 'unchanged')).toBe('gov has already proposed raid.');
    refusedWith(game, { ...propose('raid'), by: { seat: 'militia', as: 'person' } }, 'not-your-seat');
    refusedWith(game, propose('raid', 'computer'), 'not-your-seat');
    refusedWith(game, f({ type: 'proposal.set', actor: 'gov', option: 'raid' }), 'not-allowed');
    expect(game.run(propose(null))).toBe(true);
    expect(game.state.proposals).toEqual({});
    expect(refusedWith(game, propose(null), 'unchanged')).toBe('gov has no proposal to clear.');
    // A seat with nothing to decide (here, after the game ends) has nothing to propose.
    game.run(propose('restraint'));
    game.run(submit('gov', 'restraint'));
    game.run(submit('militia', 'wait'));
    game.run(resolveEntry);
    expect(game.state.proposals).toEqual({});
    expect(game.state.proposed).toEqual({});
  });

  it('proposal.set is bounded per seat and turn, and a seat that changes hands loses its proposal', () => {
    const game = started();
    const propose = (option: string): Entry => ({
      by: { seat: 'gov', as: 'person' },
      command: { type: 'proposal.set', actor: 'gov', option },
    });
    for (let i = 0; i < 30; i++) expect(game.run(propose(i % 2 ? 'raid' : 'restraint'))).toBe(true);
    expect(refusedWith(game, propose('restraint'), 'too-many')).toBe(
      'gov has made 30 proposals this turn; confirm one of them, or wait for the next turn.',
    );
    expect(game.state.proposals.gov).toBe('raid');
    game.run(f({ type: 'seat.set', actor: 'gov', holder: 'computer' }));
    expect(game.state.proposals).toEqual({});
    const computer = { by: { seat: 'gov', as: 'computer' }, command: propose('raid').command } as Entry;
    expect(refusedWith(game, computer, 'not-allowed')).toBe(
      'The computer at gov decides; it does not propose.',
    );
  });

  it('turn.resolve resolves a ready turn and opens the next; not before, and never from a seat', () => {
    const game = started();
    expect(refusedWith(game, resolveEntry, 'not-ready')).toBe(
      'The turn cannot resolve yet: waiting for gov, militia.',
    );
    game.run(submit('gov', 'raid'));
    game.run(submit('militia', 'parade'));
    refusedWith(
      game,
      { by: { seat: 'gov', as: 'person' }, command: { type: 'turn.resolve' } },
      'not-allowed',
    );
    expect(isReady(game.state)).toBe(true);
    expect(game.run(resolveEntry)).toBe(true);
    expect(game.state.world.turn).toBe(1);
    expect(game.state.world.log.map((d) => d.option)).toEqual(['raid', 'parade']);
    expect(game.state.pending).toEqual({});
  });

  it('game.pause stops decisions and resolution; game.resume lets them go on', () => {
    const game = started();
    expect(game.run(f({ type: 'game.pause' }))).toBe(true);
    expect(refusedWith(game, submit('gov', 'raid'), 'paused')).toBe('The game is paused.');
    refusedWith(game, f({ type: 'game.pause' }), 'wrong-phase');
    expect(game.run(f({ type: 'seat.set', actor: 'militia', holder: 'computer' }))).toBe(true);
    expect(game.run(f({ type: 'game.resume' }))).toBe(true);
    refusedWith(game, f({ type: 'game.resume' }), 'wrong-phase');
    expect(game.run(submit('gov', 'raid'))).toBe(true);
  });

  it('deadline.set and deadline.expire: the named default where open, the computer elsewhere', () => {
    const game = started();
    refusedWith(
      game,
      f({ type: 'deadline.set', seconds: 60, onExpiry: 'default', defaults: { gov: 'strike' } }),
      'unknown',
    );
    expect(
      game.run(f({ type: 'deadline.set', seconds: 60, onExpiry: 'default', defaults: { gov: 'restraint' } })),
    ).toBe(true);
    expect(game.state.deadline).toEqual({ seconds: 60, onExpiry: 'default', defaults: { gov: 'restraint' } });
    expect(game.run(f({ type: 'deadline.expire' }))).toBe(true);
    expect(game.state.pending.gov).toEqual({ option: 'restraint', by: 'facilitator' });
    expect(game.state.pending.militia?.by).toBe('computer');
    expect(isReady(game.state)).toBe(true);
  });

  it('inject.fire fires one of the scenario’s events now or at the next resolution, once if it is a once-event', () => {
    const game = started();
    refusedWith(game, f({ type: 'inject.fire', event: 'no-such-event', at: 'now' }), 'unknown');
    const order = game.state.world.indicators.order!;
    expect(game.run(f({ type: 'inject.fire', event: 'explosion', at: 'now' }))).toBe(true);
    expect(game.state.world.indicators.order).toBe(order - 2);
    expect(game.state.world.journal.at(-1)).toMatchObject({
      source: { kind: 'event', event: 'explosion' },
      injected: true,
    });
    expect(game.state.world.changes.at(-1)?.cause).toEqual({
      kind: 'event',
      event: 'explosion',
      injected: true,
    });
    expect(game.run(f({ type: 'inject.fire', event: 'false-flag', at: 'next-resolution' }))).toBe(true);
    expect(game.state.queued).toEqual(['false-flag']);
    if (miniScenario.events.find((e) => e.id === 'false-flag')!.once) {
      refusedWith(game, f({ type: 'inject.fire', event: 'false-flag', at: 'now' }), 'already-fired');
    }
    game.run(submit('gov', 'restraint'));
    game.run(submit('militia', 'wait'));
    game.run(resolveEntry);
    expect(game.state.world.fired['false-flag']).toEqual([0]);
    expect(game.state.queued).toEqual([]);
  });

  it('indicator.override sets a value within range and records the reason as its cause', () => {
    const game = started();
    refusedWith(
      game,
      f({ type: 'indicator.override', indicator: 'order', value: 101, reason: 'x' }),
      'out-of-range',
    );
    refusedWith(game, f({ type: 'indicator.override', indicator: 'nope', value: 1, reason: 'x' }), 'unknown');
    expect(
      game.run(f({ type: 'indicator.override', indicator: 'order', value: 20, reason: 'The class agreed' })),
    ).toBe(true);
    expect(game.state.world.indicators.order).toBe(20);
    expect(game.state.world.changes.at(-1)).toEqual({
      turn: 0,
      cause: { kind: 'override', reason: 'The class agreed' },
      deltas: { order: -30 },
    });
  });

  it('game.end ends the game at once with the at-end outcome the world meets, and nothing is taken after', () => {
    const game = started();
    game.run(f({ type: 'indicator.override', indicator: 'order', value: 80, reason: 'test' }));
    expect(game.run(f({ type: 'game.end' }))).toBe(true);
    expect(game.state.phase).toBe('ended');
    expect(game.state.world.outcome).toEqual({ id: 'order-holds', turn: 0, early: true });
    expect(refusedWith(game, submit('gov', 'raid'), 'wrong-phase')).toBe('The game has ended.');
    refusedWith(game, f({ type: 'game.end' }), 'wrong-phase');
    refusedWith(game, f({ type: 'seat.set', actor: 'gov', holder: 'computer' }), 'wrong-phase');
  });
});

describe('commands from outside', () => {
  it('are parsed field by field; a malformed one is refused in one sentence naming the field', () => {
    expect(parseEntry({ by: { facilitator: true }, command: { type: 'game.start' } })).toEqual({
      by: { facilitator: true },
      command: { type: 'game.start' },
    });
    const bad = [
      null,
      { by: { facilitator: true }, command: { type: 'game.start', extra: 1 } },
      { by: { seat: 'gov', as: 'admin' }, command: { type: 'game.start' } },
      {
        by: { facilitator: true },
        command: { type: 'indicator.override', indicator: 'order', value: Number.NaN, reason: 'x' },
      },
      {
        by: { facilitator: true },
        command: { type: 'decision.submit', actor: 'gov', option: 'x'.repeat(101) },
      },
      { by: { facilitator: true }, command: { type: 'deadline.set', seconds: 1, onExpiry: 'computer' } },
      { by: { facilitator: false }, command: { type: 'game.end' } },
      { by: { facilitator: true }, command: { type: 'no.such.command' } },
    ];
    for (const raw of bad) {
      const result = parseEntry(raw);
      expect(result).toMatchObject({ ok: false, code: 'malformed' });
      expect('message' in result && result.message).toMatch(/^This is not a well-formed command \(.+\)\.$/);
    }
  });

  it('a command the engine does not know is refused, not thrown', () => {
    const s = initialState(c, 1);
    const result = applyCommand(c, s, { by: FACILITATOR, command: { type: 'constructor' } as never });
    expect(result).toMatchObject({ ok: false, code: 'malformed' });
  });
});

describe('hostile ids in commands', () => {
  const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

  it('are refused by every command that names something, and nothing is thrown or changed', () => {
    for (const id of HOSTILE) {
      const game = started();
      const entries: Entry[] = [
        f({ type: 'seat.set', actor: id, holder: 'person' }),
        submit(id, 'raid'),
        { by: { seat: 'gov', as: 'person' }, command: { type: 'decision.submit', actor: 'gov', option: id } },
        { by: { seat: id, as: 'person' }, command: { type: 'decision.withdraw', actor: id } },
        { by: { seat: id, as: 'person' }, command: { type: 'proposal.set', actor: id, option: 'raid' } },
        { by: { seat: 'gov', as: 'person' }, command: { type: 'proposal.set', actor: 'gov', option: id } },
        f({ type: 'deadline.set', seconds: 60, onExpiry: 'default', defaults: { [id]: 'raid' } }),
        f({ type: 'deadline.set', seconds: 60, onExpiry: 'default', defaults: { gov: id } }),
        f({ type: 'inject.fire', event: id, at: 'now' }),
        f({ type: 'indicator.override', indicator: id, value: 1, reason: 'x' }),
      ];
      for (const entry of entries) {
        const before = structuredClone(game.state);
        const result = applyCommand(c, game.state, entry);
        expect(result.ok, `${id}: ${JSON.stringify(entry)}`).toBe(false);
        expect(game.state).toEqual(before);
      }
      // The next game in the same process is untouched by them.
      expect(new LiveGame(c, 3).start(['gov', 'militia']).state).toEqual(started().state);
    }
  });
});
