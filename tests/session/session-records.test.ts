// The session plays the games it played before its computer seats decided inside it: 200 seeds of each sample
// variant give the records the session with seat actors wrote (their hashes, taken before the change, are in
// fixtures/session-records.json); a computer game's record is the bare loop's; and no state or record the session
// has shown is ever changed afterwards.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { sessionMachine } from '../../src/session/session.machine.ts';
import { nextCommand } from '../../src/session/session-rules.ts';
import { playBatchGame } from '../../src/sim/batch.ts';
import type { Entry } from '../../src/sim/commands.ts';
import { applyRun, computerChoice } from '../../src/sim/engine.ts';
import { type GameRecord, newRecord, replay } from '../../src/sim/record.ts';
import { type GameState, waitingFor } from '../../src/sim/state.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { recordHash, sessionRecord, VARIANTS } from './session-sample.ts';

const c = await bundledScenario();
const before = JSON.parse(readFileSync('tests/session/fixtures/session-records.json', 'utf8')) as Record<
  string,
  string[]
>;
const SEEDS = 200;

/** A record's commands without the turn a seat's decision names (the bare loop sends none). */
const withoutTurn = (entries: readonly Entry[]) =>
  entries.map((e) => {
    if (e.command.type !== 'decision.submit') return e;
    const { turn: _, ...command } = e.command;
    return { ...e, command };
  });

const submitFor = (state: GameState): Entry => ({
  by: { seat: 'pm', as: 'person' },
  command: { type: 'decision.submit', actor: 'pm', option: state.offers.pm!.options[0]! },
});

/**
 * A record without the agreements the computer proposed to the person's seat (issue 19): this sample's person never
 * answers, so they lapse and change nothing else; the rest of the record is the one written before agreements.
 */
const withoutProposals = (record: GameRecord): GameRecord => ({
  ...record,
  entries: record.entries.filter((e) => {
    if (!e.command.type.startsWith('agreement.')) return true;
    expect(e).toMatchObject({ by: { as: 'computer' }, command: { type: 'agreement.propose' } });
    return false;
  }),
});

describe('the session with its computer seats inside it', () => {
  it.each(VARIANTS)(
    'writes the records the session with seat actors wrote: %s seats, 200 seeds',
    (variant) => {
      const hashes = Array.from({ length: SEEDS }, (_, seed) =>
        recordHash(withoutProposals(sessionRecord(c, seed, variant))),
      );
      expect(before[variant]).toHaveLength(SEEDS);
      const differ = hashes.flatMap((h, seed) => (h === before[variant]![seed] ? [] : [seed]));
      expect(differ).toEqual([]);
    },
  );

  it('plays a computer game command for command as the bare loop does', () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const record = sessionRecord(c, seed, 'computer');
      const batch = playBatchGame(c, seed, undefined, true);
      expect(withoutTurn(record.entries)).toEqual(batch.entries);
      expect(replay(c, record).world).toEqual(batch.world);
    }
  });

  it('never changes a state or a record it has shown', () => {
    for (let seed = 0; seed < 12; seed++) {
      const actor = createActor(sessionMachine, {
        input: { c, record: newRecord(c, seed), autoResolve: true },
      });
      const seen: { context: unknown; copy: unknown }[] = [];
      actor.subscribe((snapshot) => {
        const { state, record } = snapshot.context;
        seen.push({ context: { state, record }, copy: structuredClone({ state, record }) });
      });
      actor.start();
      const send = (entry: Entry) => actor.send({ type: 'command.send', entry });
      send({ by: { facilitator: true }, command: { type: 'seat.set', actor: 'pm', holder: 'person' } });
      send({ by: { facilitator: true }, command: { type: 'game.start' } });
      for (let turn = 0; actor.getSnapshot().context.state.phase !== 'ended'; turn++) {
        const state = actor.getSnapshot().context.state;
        const options = state.offers.pm!.options;
        const option = options[(seed + turn) % options.length]!;
        send({ by: { seat: 'pm', as: 'person' }, command: { type: 'proposal.set', actor: 'pm', option } });
        send({ by: { seat: 'pm', as: 'person' }, command: { type: 'decision.submit', actor: 'pm', option } });
      }
      actor.stop();
      expect(seen.length).toBeGreaterThan(10);
      for (const { context, copy } of seen) expect(context).toEqual(copy);
    }
  });

  it('nextCommand: a waiting computer seat decides by its policy; a ready turn resolves only where asked; none when paused', () => {
    const record = newRecord(c, 9);
    record.entries = [
      { by: { facilitator: true }, command: { type: 'seat.set', actor: 'pm', holder: 'person' } },
      { by: { facilitator: true }, command: { type: 'game.start' } },
    ];
    let state = replay(c, record);
    const first = nextCommand(c, state, true);
    expect(first).toMatchObject({ by: { as: 'computer' }, command: { type: 'decision.submit', turn: 0 } });
    const actor = first!.command.type === 'decision.submit' ? first!.command.actor : '';
    expect(first!.command).toMatchObject({ option: computerChoice(c, state, actor) });
    const run = applyRun(c, state, null, (s) => nextCommand(c, s, true));
    if (!run.ok) throw new Error(run.message);
    // Every computer seat decided; the turn waits for the person, so it does not resolve.
    state = run.state;
    expect(waitingFor(state)).toEqual(['pm']);
    expect(nextCommand(c, state, true)).toBeNull();
    const decided = applyRun(c, state, submitFor(state), (s) => nextCommand(c, s, false));
    if (!decided.ok) throw new Error(decided.message);
    expect(nextCommand(c, decided.state, false)).toBeNull();
    expect(nextCommand(c, decided.state, true)).toEqual({
      by: { facilitator: true },
      command: { type: 'turn.resolve' },
    });
    const paused = applyRun(
      c,
      decided.state,
      { by: { facilitator: true }, command: { type: 'game.pause' } },
      () => null,
    );
    expect(paused.ok && nextCommand(c, paused.state, true)).toBeNull();
  });

  it('applyRun leaves the state it is given as it was, and refuses a first command without a copy', () => {
    const record = newRecord(c, 5);
    record.entries = playBatchGame(c, 5, undefined, true).entries!.slice(0, 30);
    const state = replay(c, record);
    const copy = structuredClone(state);
    const next = (s: Parameters<typeof nextCommand>[1]) => nextCommand(c, s, true);
    const run = applyRun(c, state, { by: { facilitator: true }, command: { type: 'game.end' } }, next);
    expect(run).toMatchObject({ ok: true, stopped: null });
    expect(run.ok && run.state.phase).toBe('ended');
    expect(state).toEqual(copy);
    const refused = applyRun(c, state, { by: { facilitator: true }, command: { type: 'game.start' } }, next);
    expect(refused).toEqual({
      ok: false,
      code: 'wrong-phase',
      message: 'The game has already started.',
      said: { key: 'engine.already-started', params: {} },
    });
  });
});
