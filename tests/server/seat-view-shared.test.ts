// The parts of a seat's view that the room's memo makes once and shares or carries over (the turn, the places, the news
// carried from the seat's last build into its earlier news, the talk panel) must never carry one seat's private
// content to another: seats that can see different news (the Baghdad scenario's events have audiences, and a seat
// sees its own decisions' moves) each get exactly the view a cold build for that seat alone gives, whichever seat was
// built before it, at every turn.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeatClientView } from '../../src/present/classroom-screens.ts';
import { Lookup } from '../../src/present/lookup.ts';
import { SeatViewMemo, seatClientView } from '../../src/server/classroom-views.ts';
import type { Entry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyRun } from '../../src/sim/engine.ts';
import { historicalPath } from '../../src/sim/history.ts';
import { sameJson } from '../../src/sim/same-json.ts';
import { type GameState, initialState, waitingFor } from '../../src/sim/state.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { roomPresence } from '../helpers/room-presence.ts';

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

const presence = roomPresence(1);

const f = (command: Entry['command']): Entry => ({ by: { facilitator: true }, command });

describe('seat views built one after another through one memo', () => {
  it('each equal the cold build for that seat alone, where seats see different news and earlier news', () => {
    let differing = 0;
    let turns = 0;
    for (const seed of [3, 11, 29]) {
      let state: GameState = initialState(c, seed);
      const memo = new SeatViewMemo();
      const run = (e: Entry) => {
        const r = applyRun(c, state, e, () => null);
        expect(r.ok).toBe(true);
        if (r.ok) state = r.state;
        if (e.command.type !== 'decision.submit') memo.worldChanged();
      };
      for (const actor of c.playableIds) run(f({ type: 'seat.set', actor, holder: 'person' }));
      run(f({ type: 'game.start' }));
      const historical = () => historicalPath(c, seed);
      for (let turn = 0; state.phase === 'deciding' && turn < 40; turn++) {
        // Every seat follows every other in turn: what one built must not show in the next.
        const seats = c.playableIds.map((_, i) => c.playableIds[(i + turn) % c.playableIds.length]!);
        const built = new Map<string, SeatClientView>();
        for (const actor of seats) {
          const view = seatClientView(c, lookup, state, actor, presence, historical, memo);
          const cold = seatClientView({ ...c }, new Lookup(c.scenario), state, actor, presence, historical);
          expect(view, `${actor} at turn ${turn} (seed ${seed})`).toEqual(cold);
          built.set(actor, view);
        }
        const views = [...built.values()];
        const differs = (pick: (v: SeatClientView) => unknown) =>
          views.some((v) => !sameJson(pick(v), pick(views[0]!)));
        if (differs((v) => v.situation.news) || differs((v) => v.situation.earlier)) differing++;
        turns++;
        for (const actor of waitingFor(state)) {
          const options = state.offers[actor]!.options;
          run({
            by: { seat: actor, as: 'person' },
            command: { type: 'decision.submit', actor, option: options[(seed + turn) % options.length]! },
          });
        }
        run(f({ type: 'turn.resolve' }));
      }
    }
    expect(turns).toBeGreaterThan(20);
    // The sample holds turns where the seats' news or earlier news differ: sharing them by turn alone would fail here.
    expect(differing).toBeGreaterThan(5);
  });
});
