// A seat's view (and the console's and projector's) built from the room's memo (only the parts that changed built
// again, and the journal, beliefs, news and belief lines that carry over from earlier turns taken as made then) is the
// view built from scratch (cold: no cache answers), at every command of a sample of games; and a client that applied every
// patch (copies and texts sent as numbers included, through the wire's encoding) holds that same view, whether it
// was there from the start, joined late, or came back.
import { Packr, unpack } from 'msgpackr';
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
import { diffView, packPatch } from '../../src/session/view-patch.ts';
import { encodePatch, encodeWhole, type TextTable, ViewReceiver } from '../../src/session/view-texts.ts';
import type { Entry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyRun } from '../../src/sim/engine.ts';
import { historicalPath } from '../../src/sim/history.ts';
import { holderOf, waitingFor } from '../../src/sim/state.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { entryFor, FACILITATOR, LiveGame, resolveEntry, submit } from '../helpers/play.ts';
import { roomPresence } from '../helpers/room-presence.ts';
import { rngFor } from '../helpers/test-rng.ts';

// Packed as the room packs (classroom.room.ts), read as the client reads.
const packer = new Packr({ useRecords: true });
const pack = (v: unknown) => packer.pack(v);

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

const presence = (team: number) =>
  roomPresence(team, (actor) => Array.from({ length: team }, (_, i) => `${actor} ${i}`));

/** A plausible next command most of the time (a proposal, a decision, a resolve), now and then a chaotic one. */
function nextEntry(game: LiveGame, rng: () => number): Entry {
  const s = game.state;
  const roll = rng();
  const waiting = waitingFor(s).filter((a) => holderOf(s, a) === 'person');
  if (roll < 0.15) {
    const move = [0, 1, 2, 3].map(() => Math.floor(rng() * 1000));
    return entryFor(c, s, move);
  }
  if (roll < 0.3) return talkEntry(s, rng);
  const who = waiting[Math.floor(rng() * waiting.length)];
  if (!who) return resolveEntry;
  const options = s.offers[who]!.options;
  const option = options[Math.floor(rng() * options.length)]!;
  if (roll < 0.35)
    return { by: { seat: who, as: 'person' }, command: { type: 'proposal.set', actor: who, option } };
  return submit(who, option);
}

/** A seat's own moves: they change its view, not what was said. */
const SEAT_MOVES = new Set(['decision.submit', 'decision.withdraw', 'proposal.set']);

/**
 * Something said: a message to another seat, a statement to all or to one, the facilitator approving one that waits
 * or hiding one; now and then the room starts or stops asking for approval (a change of the talk rules).
 */
function talkEntry(s: LiveGame['state'], rng: () => number): Entry {
  const seats = c.playableIds;
  const actor = seats[Math.floor(rng() * seats.length)]!;
  const other = seats.find((a) => a !== actor)!;
  const roll = rng();
  const by = { seat: actor, as: 'person' as const };
  if (roll < 0.35)
    return { by, command: { type: 'message.send', actor, to: [other], text: `Talk to ${other}?` } };
  if (roll < 0.6) {
    const to = rng() < 0.5 ? {} : { to: [other] };
    return { by, command: { type: 'statement.publish', actor, text: `${actor} says so.`, ...to } };
  }
  const n = 1 + Math.floor(rng() * Math.max(1, s.said.length));
  if (roll < 0.75) return { by: FACILITATOR, command: { type: 'statement.approve', n } };
  if (roll < 0.9) return { by: FACILITATOR, command: { type: 'said.hide', n, reason: 'Off the subject.' } };
  return { by: FACILITATOR, command: { type: 'talk.set', level: 'all', approve: !s.talk.approve } };
}

/** One device's stream as the room sends it (classroom.room.ts frameOf), read back through msgpack by its client. */
class Stream {
  sent: ClientView | null = null;
  texts: TextTable | null = null;
  readonly device = new ViewReceiver<ClientView>();
  copies = 0;
  bytes = 0;
  /** What the same patches would have cost with every text in full. */
  plainBytes = 0;

  send(view: ClientView): ClientView {
    if (this.sent === null || this.texts === null) {
      const whole = encodeWhole(view);
      this.texts = whole.texts;
      this.device.whole(unpack(pack(whole.value)));
    } else {
      const ops = diffView(this.sent, view);
      if (ops.length > 0) {
        this.copies += ops.filter((op) => op.length === 3).length;
        const patch = encodePatch(ops, this.texts);
        this.texts = patch.texts;
        const wire = pack(patch.value);
        this.bytes += wire.length;
        this.plainBytes += pack(packPatch(ops)).length;
        expect(this.device.patch(unpack(wire))).toBe('applied');
      }
    }
    this.sent = view;
    return this.device.view!;
  }
}

/**
 * A game played as the room's session plays it: each command through applyRun, which copies the state's lists (the
 * said list, the agreements, the rulings) at every event, so their identity changes with every command.
 */
class SessionGame extends LiveGame {
  override run(entry: Entry): boolean {
    const result = applyRun(this.c, this.state, entry, () => null);
    if (!result.ok) {
      this.refused++;
      return false;
    }
    this.state = result.state;
    this.record.entries.push(...result.entries);
    return true;
  }
}

describe.each([
  ['the engine applies each command', LiveGame],
  ["the session's engine copies the state at each command, as in the room", SessionGame],
])('seat views built from the memo (%s)', (_, Game) => {
  it('equal the views built from scratch (the console and projector too), and the patched client copies equal them too', () => {
    let copies = 0;
    let said = 0;
    let bytes = 0;
    let plainBytes = 0;
    for (const seed of [1, 7, 42, 1000]) {
      const rng = rngFor(seed * 31 + 5);
      const game = new Game(c, seed).start(c.playableIds.slice(0, 4));
      const memo = new SeatViewMemo();
      const historical = () => historicalPath(c, seed);
      // From the start; from step 60 (a device joining late); and one that comes back at step 120.
      const streams = new Map<string, { first: Stream; late: Stream; back: Stream }>();
      const kept = new Map<string, ClientView>();
      for (let step = 0; step < 400 && !game.ended; step++) {
        // As the room does: every command but a seat's own decision, withdrawal or proposal, or something said, moves
        // the memo's world on (and a computer's decision that resolves the turn is followed by the resolution's
        // entries).
        const n = game.record.entries.length;
        game.run(nextEntry(game, rng));
        game.computersDecide();
        if (game.state.paused) game.run({ by: FACILITATOR, command: { type: 'game.resume' } });
        // And as the room does, only the views the commands may have changed are built again (the console's and the
        // projector's whenever any is): every other view kept from before must still be the view built cold.
        let touched: Set<string> | 'all' = step === 0 ? 'all' : new Set();
        for (const { command } of game.record.entries.slice(n)) {
          const changed = viewsChangedBy(command);
          if (changed.world) memo.worldChanged();
          else if (!SEAT_MOVES.has(command.type)) said++;
          if (changed.seats === 'all') touched = 'all';
          else if (touched !== 'all') for (const seat of changed.seats) touched.add(seat);
        }
        // The presence changes now and then (a device joins or leaves): as in the room, that does not move the
        // memo's world on (but every view is built again), and every view must still show the room as it now is.
        const here = presence(1 + (Math.floor(step / 25) % 3));
        if (step % 25 === 0) touched = 'all';
        const stale = (key: string) =>
          touched === 'all' ||
          touched.has(key) ||
          (touched.size > 0 && (key === 'console' || key === 'projector'));
        const s = game.state;
        // From scratch means cold: a copy of the compiled scenario and a new lookup, which no view or presenter has
        // made anything for (their caches are keyed on them), so nothing carried over from an earlier turn is used.
        // Each seat's own: the memo's views share what the engine's and the presenters' caches made for every seat, and
        // a seat's view built alone must not differ from it (a seat shown what was made for another seat would).
        const cold = { ...c };
        const coldLookup = new Lookup(c.scenario);
        const audiences: [string, () => ClientView, () => ClientView][] = [
          ...c.playableIds.map((actor): [string, () => ClientView, () => ClientView] => [
            actor,
            () => seatClientView(c, lookup, s, actor, here, historical, memo),
            () => seatClientView({ ...c }, new Lookup(c.scenario), s, actor, here, historical),
          ]),
          [
            'console',
            () => consoleClientView(c, lookup, s, here, memo),
            () => consoleClientView(cold, coldLookup, s, here),
          ],
          [
            'projector',
            () => projectorClientView(c, s, here, memo),
            () => projectorClientView(cold, s, here),
          ],
        ];
        for (const [actor, withMemo, fromScratch] of audiences) {
          const built = stale(actor) || !kept.has(actor) ? withMemo() : kept.get(actor)!;
          kept.set(actor, built);
          const fresh = fromScratch();
          expect(built).toEqual(fresh);
          const at = streams.get(actor) ?? { first: new Stream(), late: new Stream(), back: new Stream() };
          streams.set(actor, at);
          if (step === 120) at.back.sent = null;
          expect(at.first.send(built)).toEqual(fresh);
          if (step >= 60) expect(at.late.send(built)).toEqual(fresh);
          expect(at.back.send(built)).toEqual(fresh);
        }
      }
      for (const { first } of streams.values()) {
        copies += first.copies;
        bytes += first.bytes;
        plainBytes += first.plainBytes;
      }
      expect(game.ended).toBe(true);
      // The memo held: a seat's view is made from scratch at most once for each state of the world, and a seat's own
      // moves made it again from the last one (in the room, a copied list once made every build start from scratch).
      expect(memo.made.scratch).toBeLessThanOrEqual((memo.generation + 1) * c.playableIds.length);
      expect(memo.made.again).toBeGreaterThan(0);
    }
    // The sample said things (messages, statements, approvals, hidings), which leave the memo's world as it was.
    expect(said).toBeGreaterThan(10);
    // The sample moved last turn's news among the earlier news: the copies were exercised.
    expect(copies).toBeGreaterThan(0);
    // And the texts a device holds were sent as numbers: the patches are far smaller than with every text in full.
    expect(bytes).toBeLessThan(plainBytes * 0.7);
  });
});
