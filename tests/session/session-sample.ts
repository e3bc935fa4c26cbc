// The sample of games the session's property test plays, defined once so that the records it compares were
// written by the same moves: every seed plays each variant through the session machine, and a variant's record
// is hashed (its commands only: a corrected scenario text changes the digest, never the commands).
import { createActor } from 'xstate';
import { sessionMachine } from '../../src/session/session.machine.ts';
import type { Entry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { hashText } from '../../src/sim/hash-text.ts';
import { type GameRecord, newRecord } from '../../src/sim/record.ts';
import { waitingFor } from '../../src/sim/state.ts';

export type Variant = 'computer' | 'person' | 'handover';

export const VARIANTS: readonly Variant[] = ['computer', 'person', 'handover'];

const f = (command: Entry['command']): Entry => ({ by: { facilitator: true }, command });

/**
 * One game through the session: 'computer', every seat the computer's; 'person', the first playable seat a
 * person's, who picks by the seed and the turn; 'handover', the same, but every third turn the facilitator hands
 * the waiting seat to the computer (which decides at once) and takes it back for the next turn.
 */
export function sessionRecord(c: CompiledScenario, seed: number, variant: Variant): GameRecord {
  const actor = createActor(sessionMachine, {
    input: { c, record: newRecord(c, seed), autoResolve: true },
  }).start();
  const send = (entry: Entry) => actor.send({ type: 'command.send', entry });
  const seat = c.playableIds[0]!;
  if (variant !== 'computer') send(f({ type: 'seat.set', actor: seat, holder: 'person' }));
  send(f({ type: 'game.start' }));
  for (let guard = 0; guard < 100; guard++) {
    const state = actor.getSnapshot().context.state;
    if (state.phase === 'ended') break;
    const turn = state.world.turn;
    if (!waitingFor(state).includes(seat)) throw new Error(`seed ${seed}: the session waits for no one`);
    if (variant === 'handover' && turn % 3 === 2) {
      send(f({ type: 'seat.set', actor: seat, holder: 'computer' }));
      send(f({ type: 'seat.set', actor: seat, holder: 'person' }));
      continue;
    }
    const options = state.offers[seat]!.options;
    const option = options[(seed + turn) % options.length]!;
    send({ by: { seat, as: 'person' }, command: { type: 'decision.submit', actor: seat, option, turn } });
  }
  const record = actor.getSnapshot().context.record;
  actor.stop();
  return record;
}

export function recordHash(record: GameRecord): string {
  return hashText(JSON.stringify(record.entries));
}
