// The engine's views carry over what earlier views of the same game made (journal entries' and beliefs' views, the
// causes of the turns before the last: view.ts). Across a sample of games played as the room's session plays them
// (applyRun, which copies the state's lists at every event), every actor's view and the public view at every turn
// equal the views made cold, from a copy of the compiled scenario that no cache knows (issue 18).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyRun, computerChoice } from '../../src/sim/engine.ts';
import { type GameState, holderOf, initialState, waitingFor } from '../../src/sim/state.ts';
import { publicView, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, resolveEntry, submit } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

function run(state: GameState, entry: Entry): GameState {
  const result = applyRun(c, state, entry, () => null);
  return result.ok ? result.state : state;
}

describe('views that carry over from earlier turns', () => {
  it('equal the views made cold, for every actor and the public, at every turn of a sample of games', () => {
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      let s = initialState(c, seed);
      // Some seats held by people, the rest by the computer, so that private and hidden causes both occur.
      for (const actor of c.playableIds.slice(0, seed % 4))
        s = run(s, { by: FACILITATOR, command: { type: 'seat.set', actor, holder: 'person' } });
      s = run(s, { by: FACILITATOR, command: { type: 'game.start' } });
      for (let turn = 0; turn < 40 && s.phase === 'deciding'; turn++) {
        for (const actor of waitingFor(s)) {
          const options = s.offers[actor]!.options;
          const person = holderOf(s, actor) === 'person';
          const option = person ? options[(seed * 7 + turn) % options.length]! : computerChoice(c, s, actor);
          if (option !== null) s = run(s, submit(actor, option, person ? 'person' : 'computer'));
        }
        s = run(s, resolveEntry);
        // Cold: a copy of the compiled scenario, for which nothing has been made; each actor's own, so that what the
        // caches made for one viewer and share with others (the histories, the unseen indicators) is checked too.
        for (const actor of c.actorIds) expect(viewFor(c, s, actor)).toEqual(viewFor({ ...c }, s, actor));
        expect(publicView(c, s)).toEqual(publicView({ ...c }, s));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('views made earlier', () => {
  it('are never changed by the views made after them (the parts they share with them included)', () => {
    for (const seed of [3, 11]) {
      let s = initialState(c, seed);
      for (const actor of c.playableIds.slice(0, 2))
        s = run(s, { by: FACILITATOR, command: { type: 'seat.set', actor, holder: 'person' } });
      s = run(s, { by: FACILITATOR, command: { type: 'game.start' } });
      const made: [object, string][] = [];
      for (let turn = 0; turn < 40 && s.phase === 'deciding'; turn++) {
        for (const actor of waitingFor(s)) {
          const option = computerChoice(c, s, actor) ?? s.offers[actor]!.options[0]!;
          s = run(s, submit(actor, option, holderOf(s, actor) === 'person' ? 'person' : 'computer'));
        }
        s = run(s, resolveEntry);
        for (const actor of c.actorIds) {
          const view = viewFor(c, s, actor);
          made.push([view, JSON.stringify(view)]);
        }
        const pub = publicView(c, s);
        made.push([pub, JSON.stringify(pub)]);
      }
      expect(made.length).toBeGreaterThan(20);
      for (const [view, first] of made) expect(JSON.stringify(view)).toBe(first);
    }
  });
});

/** Every journal entry, belief and change the state holds, each with the JSON it had when first seen. */
function recordSeen(s: GameState, seen: Map<object, string>): void {
  const objects: object[] = [...s.world.journal, ...s.world.changes];
  for (const beliefs of Object.values(s.beliefs)) objects.push(...Object.values(beliefs));
  for (const o of objects) if (!seen.has(o)) seen.set(o, JSON.stringify(o));
}

describe("the engine's made objects, which the view caches are keyed by", () => {
  it('are never changed once made: every journal entry, belief and change keeps its first form', () => {
    const seen = new Map<object, string>();
    for (let seed = 1; seed <= 8; seed++) {
      let s = initialState(c, seed);
      for (const actor of c.playableIds.slice(0, seed % 3))
        s = run(s, { by: FACILITATOR, command: { type: 'seat.set', actor, holder: 'person' } });
      s = run(s, { by: FACILITATOR, command: { type: 'game.start' } });
      recordSeen(s, seen);
      for (let turn = 0; turn < 40 && s.phase === 'deciding'; turn++) {
        for (const actor of waitingFor(s)) {
          const option = computerChoice(c, s, actor);
          if (option !== null)
            s = run(s, submit(actor, option, holderOf(s, actor) === 'person' ? 'person' : 'computer'));
          recordSeen(s, seen);
        }
        s = run(s, resolveEntry);
        recordSeen(s, seen);
      }
    }
    expect(seen.size).toBeGreaterThan(500);
    for (const [o, first] of seen) expect(JSON.stringify(o)).toBe(first);
  });
});
