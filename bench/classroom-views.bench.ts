// The server's work for one room's views, without sockets: a game of five person seats played command by command;
// after each command the views that can have changed are built (a decision: its seat, the console, the projector;
// anything else: every view), diffed against the last sent and encoded, as the room's flush does. Run with the
// room's memo and without it (every view built from scratch), in the same process, so the ratio holds on a loaded
// machine. Commands go through applyRun, as the room's session applies them. Figures only.
// `npx tsx bench/classroom-views.bench.ts` (GAMES=…, ROUNDS=…; MEMO=only measures the memo alone, as a profile of the
// room's work wants: `MEMO=only node --cpu-prof --import tsx bench/classroom-views.bench.ts`; MEMO=build measures the
// building of the views alone, with the memo, by audience: the seats', the console's and the projector's, at the
// resolution's publish and at the decisions', in CPU time per room-turn).
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Packr } from 'msgpackr';
import type { ClientView } from '../src/present/classroom-screens.ts';
import { loadLanguage } from '../src/present/i18n/i18n.ts';
import { Lookup } from '../src/present/lookup.ts';
import { loadScenarioDir } from '../src/scenario/load-dir.ts';
import {
  consoleClientView,
  projectorClientView,
  SeatViewMemo,
  seatClientView,
} from '../src/server/classroom-views.ts';
import { diffView } from '../src/session/view-patch.ts';
import { encodePatch, encodeWhole, type TextTable } from '../src/session/view-texts.ts';
import type { Entry } from '../src/sim/commands.ts';
import { compileScenario } from '../src/sim/compile.ts';
import { applyRun } from '../src/sim/engine.ts';
import { historicalPath } from '../src/sim/history.ts';
import { type GameState, initialState, waitingFor } from '../src/sim/state.ts';
import { roomPresence } from '../tests/helpers/room-presence.ts';

const GAMES = Number(process.env.GAMES ?? 20);
// The views speak English, as the classroom server's do (it loads English at start-up).
await loadLanguage('en');
const loaded = await loadScenarioDir('scenarios/baghdad-2021');
if (!loaded.ok) throw new Error('the bundled scenario does not load');
const c = compileScenario(loaded.scenario);
const lookup = new Lookup(c.scenario);
const presence = roomPresence(6);
const f = (command: Entry['command']): Entry => ({ by: { facilitator: true }, command });
// As the room packs (classroom.room.ts).
const packer = new Packr({ useRecords: true });

/** CPU microseconds spent building views, by audience and publish (MEMO=build): resolution or decision. */
const built = {
  resolution: { seats: 0, console: 0, projector: 0 },
  /** The last resolution, which ends the game: the debrief is built then. */
  ending: { seats: 0, console: 0, projector: 0 },
  decision: { seats: 0, console: 0, projector: 0 },
};
let timing = false;

/** One game; returns the room-turns played and the bytes of the patches. */
function play(seed: number, memo: SeatViewMemo | undefined): { turns: number; bytes: number } {
  let state: GameState = initialState(c, seed);
  // Through applyRun, as the room's session applies commands: it copies the state's lists at every event, which is
  // what the room's memo sees (applyCommand shares them, and hid a memo that missed in the server: issue 18).
  const run = (e: Entry) => {
    const r = applyRun(c, state, e, () => null);
    if (r.ok) state = r.state;
    // As the room does: anything but a seat's own decision may change what every seat sees of the world.
    if (r.ok && e.command.type !== 'decision.submit') memo?.worldChanged();
  };
  for (const actor of c.playableIds) run(f({ type: 'seat.set', actor, holder: 'person' }));
  run(f({ type: 'game.start' }));
  // Replayed once per room, as the room does.
  let path: ReturnType<typeof historicalPath> | null = null;
  const historical = () => {
    path ??= historicalPath(c, seed);
    return path;
  };
  const sent = new Map<string, ClientView>();
  const texts = new Map<string, TextTable>();
  let bytes = 0;
  const publish = (keys: readonly string[], at: keyof typeof built = 'decision') => {
    for (const key of keys) {
      const cpu0 = timing ? process.cpuUsage() : null;
      const view: ClientView =
        key === 'console'
          ? consoleClientView(c, lookup, state, presence, memo)
          : key === 'projector'
            ? projectorClientView(c, state, presence, memo)
            : seatClientView(c, lookup, state, key, presence, historical, memo);
      if (cpu0) {
        const cpu = process.cpuUsage(cpu0);
        const part = key === 'console' || key === 'projector' ? key : 'seats';
        built[at][part] += cpu.user + cpu.system;
      }
      const before = sent.get(key);
      const held = texts.get(key);
      // The first whole view is not counted: the figure is what a turn costs.
      if (!before || !held) {
        const whole = encodeWhole(view);
        packer.pack(whole.value);
        texts.set(key, whole.texts);
      } else {
        const ops = diffView(before, view);
        if (ops.length > 0) {
          const patch = encodePatch(ops, held);
          bytes += packer.pack(patch.value).length;
          texts.set(key, patch.texts);
        }
      }
      sent.set(key, view);
    }
  };
  const all = [...c.playableIds, 'console', 'projector'];
  publish(all);
  let turns = 0;
  while (state.phase === 'deciding' && turns < 50) {
    for (const actor of waitingFor(state)) {
      const options = state.offers[actor]!.options;
      run({
        by: { seat: actor, as: 'person' },
        command: { type: 'decision.submit', actor, option: options[(seed + turns) % options.length]! },
      });
      publish([actor, 'console', 'projector']);
    }
    run(f({ type: 'turn.resolve' }));
    // (The state is the one run made: not narrowed by the loop's test.)
    publish(all, (state as GameState).phase === 'ended' ? 'ending' : 'resolution');
    turns++;
  }
  return { turns, bytes };
}

function measure(withMemo: boolean): { ms: number; bytes: number } {
  let turns = 0;
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  for (let g = 0; g < GAMES; g++) {
    const r = play(1000 + g, withMemo ? new SeatViewMemo() : undefined);
    turns += r.turns;
    bytes += r.bytes;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: (cpu.user + cpu.system) / 1000 / turns, bytes: bytes / turns };
}

measure(true); // warm-up
if (process.env.MEMO === 'build') {
  for (let r = 0; r < Number(process.env.ROUNDS ?? 3); r++) {
    for (const at of Object.values(built)) for (const k of Object.keys(at)) at[k as keyof typeof at] = 0;
    timing = true;
    let turns = 0;
    for (let g = 0; g < GAMES; g++) turns += play(1000 + g, new SeatViewMemo()).turns;
    timing = false;
    const ms = (us: number) => (us / 1000 / turns).toFixed(3);
    const { resolution: res, ending: end, decision: dec } = built;
    console.log(
      `views built per room-turn (CPU ms): resolution: seats ${ms(res.seats)}, console ${ms(res.console)}, projector ${ms(res.projector)}; the ending's (the debrief) ${ms(end.seats + end.console + end.projector)}; decisions: seats ${ms(dec.seats)}, console ${ms(dec.console)}, projector ${ms(dec.projector)}; all ${ms(Object.values(built).reduce((n, at) => n + at.seats + at.console + at.projector, 0))}`,
    );
  }
  process.exit(0);
}
if (process.env.MEMO === 'only') {
  // Young-generation collections stand for what was allocated (each one follows a full nursery of the same size).
  let scavenges = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)
        scavenges++;
  });
  gc.observe({ entryTypes: ['gc'] });
  for (let r = 0; r < Number(process.env.ROUNDS ?? 3); r++) {
    const before = scavenges;
    const { ms } = measure(true);
    await new Promise((done) => setTimeout(done, 10));
    console.log(
      `views of one room per room-turn, with the memo: ${ms.toFixed(2)} ms CPU; ${scavenges - before} young collections in ${GAMES} games`,
    );
  }
  gc.disconnect();
  process.exit(0);
}
const rounds = [0, 1, 2]
  .slice(0, Number(process.env.ROUNDS ?? 3))
  .map(() => ({ scratch: measure(false), memo: measure(true) }));
for (const { scratch, memo } of rounds)
  console.log(
    `views of one room per room-turn (5 seats, console, projector; build + diff + encode): from scratch ${scratch.ms.toFixed(2)} ms CPU, with the memo ${memo.ms.toFixed(2)} ms (×${(memo.ms / scratch.ms).toFixed(2)}); ${(memo.bytes / 7 / 1024).toFixed(1)} KB of patches per view and turn (from scratch ${(scratch.bytes / 7 / 1024).toFixed(1)})`,
  );
