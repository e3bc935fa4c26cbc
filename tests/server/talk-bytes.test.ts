// What a message costs on the wire (issue 19: the class bench with messages keeps the bytes per client it had
// without). Each message reaches a seat's devices, and the console, as one patch that carries the new line alone:
// its text and a few bytes, the same for the twentieth message as for the first (the lines already sent are not
// sent again), and through the room's own encoding (texts as numbers, msgpack records).
import { Packr } from 'msgpackr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientView } from '../../src/present/classroom-screens.ts';
import { Lookup } from '../../src/present/lookup.ts';
import { talkModelOf } from '../../src/present/talk-wire.ts';
import { consoleClientView, SeatViewMemo, seatClientView } from '../../src/server/classroom-views.ts';
import { diffView } from '../../src/session/view-patch.ts';
import { encodePatch, encodeWhole, type TextTable, ViewReceiver } from '../../src/session/view-texts.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { historicalPath } from '../../src/sim/history.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame } from '../helpers/play.ts';
import { roomPresence } from '../helpers/room-presence.ts';

// Packed as the room packs (classroom.room.ts).
const packer = new Packr({ useRecords: true });
const SEATS = ['pm', 'sadrists', 'framework', 'iran', 'us'];

let c: CompiledScenario;
let lookup: Lookup;
beforeAll(async () => {
  c = await bundledScenario();
  lookup = new Lookup(c.scenario);
});

const presence = roomPresence(6, (actor) => [actor]);

/** A device's stream: the bytes of each patch the room would send it, and what its device reads from them. */
class Stream {
  sent: ClientView;
  texts: TextTable;
  readonly device = new ViewReceiver<ClientView>();
  constructor(view: ClientView) {
    const whole = encodeWhole(view);
    this.sent = view;
    this.texts = whole.texts;
    this.device.whole(whole.value);
  }
  next(view: ClientView): number {
    const ops = diffView(this.sent, view);
    if (ops.length === 0) return 0;
    const patch = encodePatch(ops, this.texts);
    this.sent = view;
    this.texts = patch.texts;
    expect(this.device.patch(patch.value)).toBe('applied');
    return packer.pack(patch.value).length;
  }
}

describe('a message on the wire', () => {
  it('reaches its seat and the console as its text and a few bytes, however many came before it', () => {
    const game = new LiveGame(c, 3).start(SEATS);
    const memo = new SeatViewMemo();
    const seatView = () =>
      seatClientView(c, lookup, game.state, 'sadrists', presence, () => historicalPath(c, 3), memo);
    const seat = new Stream(seatView());
    const console = new Stream(consoleClientView(c, lookup, game.state, presence, memo));
    const seen: number[] = [];
    const texts: string[] = [];
    for (let k = 1; k <= 20; k++) {
      // Every message is to or from the sadrists' seat: its devices are sent each.
      const other = SEATS.filter((a) => a !== 'sadrists')[k % 4]!;
      const [from, to] = k % 2 ? ['sadrists', other] : [other, 'sadrists'];
      const text = `Message ${k}: can we talk before we decide?`;
      texts.push(text);
      expect(
        game.run({
          by: { seat: from, as: 'person' },
          command: { type: 'message.send', actor: from, to: [to], text },
        }),
      ).toBe(true);
      const bytes = seat.next(seatView());
      const bytesConsole = console.next(consoleClientView(c, lookup, game.state, presence, memo));
      // The text (its length and a byte or two of msgpack) and at most this much more: the place it goes in the view
      // and the line's numbers. The console's patch also says how many commands the room accepted.
      expect(bytes - text.length).toBeLessThanOrEqual(24);
      expect(bytesConsole - text.length).toBeLessThanOrEqual(40);
      seen.push(bytes);
    }
    // The last message costs what the first did (before, each message sent every line before it again).
    expect(seen.at(-1)! - seen[0]!).toBeLessThanOrEqual(2);
    // And the device reads every line, newest first, as the panel shows it.
    const view = seat.device.view as Extract<ClientView, { kind: 'seat' }>;
    expect(talkModelOf(view.talk).said.map((l) => l.text)).toEqual(texts.reverse());
  });
});
