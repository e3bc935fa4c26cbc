// What a device is sent is plain data: every view a room sends (each seat's, the console's, the projector's), built
// through the room's memo at every command of a sample of games, packs to the same bytes as its JSON copy. So no field
// is sent as `undefined` (msgpack would send it; JSON drops it), and the order of its keys is the one the views were
// built in. The presenters and the engine's views build each kind of object in one shape for the optimizing compiler
// (issue 18): a field made `undefined` instead of absent would change what is sent, and this test would say so.
//
// WIRE_DIGESTS=1 prints a digest of every game's sent bytes: run on two commits, the same digests say the views sent
// are byte for byte the same.
import { createHash } from 'node:crypto';
import { Packr } from 'msgpackr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientView } from '../../src/present/classroom-screens.ts';
import { Lookup } from '../../src/present/lookup.ts';
import {
  consoleClientView,
  projectorClientView,
  SeatViewMemo,
  seatClientView,
  viewsChangedBy,
} from '../../src/server/classroom-views.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { historicalPath } from '../../src/sim/history.ts';
import { holderOf, waitingFor } from '../../src/sim/state.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, LiveGame, resolveEntry, submit } from '../helpers/play.ts';
import { roomPresence } from '../helpers/room-presence.ts';
import { rngFor } from '../helpers/test-rng.ts';

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

/** Packed without shared structures: the bytes say every key, in order, and every value. */
const plain = new Packr({ useRecords: false });

describe('the views a room sends', () => {
  it('are plain data: each packs as its JSON copy packs, at every command of a sample of games', () => {
    let views = 0;
    for (const seed of [3, 11, 2021]) {
      const rng = rngFor(seed);
      const game = new LiveGame(c, seed).start(c.playableIds.slice(0, 3));
      const memo = new SeatViewMemo();
      const historical = () => historicalPath(c, seed);
      const here = roomPresence(2, (actor) => [`${actor} 1`, `${actor} 2`]);
      const digest = createHash('sha256');
      const send = () => {
        const built: ClientView[] = [
          ...c.playableIds.map((actor) =>
            seatClientView(c, lookup, game.state, actor, here, historical, memo),
          ),
          consoleClientView(c, lookup, game.state, here, memo),
          projectorClientView(c, game.state, here, memo),
        ];
        for (const view of built) {
          const bytes = plain.pack(view);
          expect(Buffer.compare(bytes, plain.pack(JSON.parse(JSON.stringify(view))))).toBe(0);
          digest.update(bytes);
          views++;
        }
      };
      const run = (entry: Parameters<LiveGame['run']>[0]) => {
        const n = game.record.entries.length;
        game.run(entry);
        for (const { command } of game.record.entries.slice(n))
          if (viewsChangedBy(command).world) memo.worldChanged();
        send();
      };
      send();
      for (let turn = 0; turn < 40 && !game.ended; turn++) {
        for (const actor of waitingFor(game.state)) {
          if (holderOf(game.state, actor) !== 'person') continue;
          const options = game.state.offers[actor]!.options;
          run(submit(actor, options[Math.floor(rng() * options.length)]!));
        }
        game.computersDecide();
        memo.worldChanged();
        send();
        if (game.state.paused) run({ by: FACILITATOR, command: { type: 'game.resume' } });
        run(resolveEntry);
      }
      expect(game.ended).toBe(true);
      if (process.env.WIRE_DIGESTS) console.log(`wire digest, seed ${seed}: ${digest.digest('hex')}`);
    }
    expect(views).toBeGreaterThan(100);
  });
});
