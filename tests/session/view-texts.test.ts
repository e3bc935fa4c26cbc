// Texts sent once: a device reads back every view its room sent, texts sent before arriving as numbers; devices that
// part (one comes back, one joins late) each get the texts they lack; a number the device was not sent fails.
import { Packr, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { diffView } from '../../src/session/view-patch.ts';
import { encodePatch, encodeWhole, TextTable, ViewReceiver } from '../../src/session/view-texts.ts';

// Packed as the room packs (classroom.room.ts), read as the client reads.
const packer = new Packr({ useRecords: true });
const pack = (v: unknown) => packer.pack(v);

const wire = (v: unknown) => unpack(pack(v));
const cause = 'The Sadrist Movement (Muqtada al-Sadr): Call for calm and condemn violence';
const brief = 'Muqtada al-Sadr calls for calm and condemns violence';

const turn1 = { turn: 1, causes: [{ text: cause, brief, delta: 1 }], speaker: 'Iran (Quds Force)' };
const turn2 = { turn: 2, causes: [{ text: 'Something else happened this turn', brief: cause, delta: -2 }] };
const turn3 = {
  turn: 3,
  causes: [
    { text: cause, brief, delta: 3 },
    { text: cause, brief: 'Iran (Quds Force)', delta: 0 },
  ],
};

describe('texts sent once', () => {
  it('sends a text the device holds as its number, and the device reads the view back whole', () => {
    const whole = encodeWhole(turn1);
    const device = new ViewReceiver<unknown>();
    expect(device.whole(wire(whole.value))).toEqual(turn1);
    const p2 = encodePatch(diffView(turn1, turn2), whole.texts);
    const bytes2 = pack(p2.value);
    expect(bytes2.includes(Buffer.from(cause))).toBe(false);
    expect(device.patch(unpack(bytes2))).toBe('applied');
    expect(device.view).toEqual(turn2);
    const p3 = encodePatch(diffView(turn2, turn3), p2.texts);
    const bytes3 = pack(p3.value);
    for (const t of [cause, brief, 'Iran (Quds Force)']) expect(bytes3.includes(Buffer.from(t))).toBe(false);
    expect(device.patch(unpack(bytes3))).toBe('applied');
    expect(device.view).toEqual(turn3);
  });

  it('numbers a text twice in one message once', () => {
    const view = { a: cause, b: [cause, cause] };
    const bytes = pack(encodeWhole(view).value);
    expect(bytes.indexOf(Buffer.from(cause))).toBe(bytes.lastIndexOf(Buffer.from(cause)));
    expect(new ViewReceiver().whole(unpack(bytes))).toEqual(view);
  });

  it('gives a device that joins late, or comes back, the texts it lacks, while the others keep theirs', () => {
    const first = encodeWhole(turn1);
    const staying = new ViewReceiver<unknown>();
    staying.whole(wire(first.value));
    const p2 = encodePatch(diffView(turn1, turn2), first.texts);
    staying.patch(wire(p2.value));
    // A device joining at turn 2 gets the whole view, its texts numbered afresh.
    const late = new ViewReceiver<unknown>();
    const lateWhole = encodeWhole(turn2);
    expect(late.whole(wire(lateWhole.value))).toEqual(turn2);
    const lateP3 = encodePatch(diffView(turn2, turn3), lateWhole.texts);
    expect(late.patch(wire(lateP3.value))).toBe('applied');
    expect(late.view).toEqual(turn3);
    // The first devices' table parted from an older version (one device still at turn 1): each reads its own.
    const behind = new ViewReceiver<unknown>();
    behind.whole(wire(first.value));
    const skip = encodePatch(diffView(turn1, turn3), first.texts);
    expect(behind.patch(wire(skip.value))).toBe('applied');
    expect(behind.view).toEqual(turn3);
    const p3 = encodePatch(diffView(turn2, turn3), p2.texts);
    expect(staying.patch(wire(p3.value))).toBe('applied');
    expect(staying.view).toEqual(turn3);
  });

  it("joins a device to its team's stream: the whole view with the texts they hold, then the same patches", () => {
    const first = encodeWhole(turn1);
    const p2 = encodePatch(diffView(turn1, turn2), first.texts);
    // A device joining at turn 2 gets turn 2 numbered against the team's texts: nothing new to number.
    const joining = encodeWhole(turn2, p2.texts);
    expect(joining.texts).toBe(p2.texts);
    const late = new ViewReceiver<unknown>();
    expect(late.whole(wire(joining.value))).toEqual(turn2);
    const team = new ViewReceiver<unknown>();
    team.whole(wire(first.value));
    team.patch(wire(p2.value));
    const p3 = encodePatch(diffView(turn2, turn3), p2.texts);
    for (const device of [late, team]) {
      expect(device.patch(wire(p3.value))).toBe('applied');
      expect(device.view).toEqual(turn3);
    }
    expect(() => late.whole(wire(turn1))).toThrow();
  });

  it('fails on a number the device was not sent, then waits for the whole view', () => {
    const device = new ViewReceiver<unknown>();
    device.whole(wire(encodeWhole({ a: 'short' }).value));
    const ahead = TextTable.empty().writer();
    ahead.encode(cause);
    const patch = encodePatch([[['a'], cause]], ahead.done());
    expect(device.patch(wire(patch.value))).toBe('failed');
    expect(device.patch(wire([[[0, 'a'], 1]]))).toBe('waiting');
    expect(device.whole(wire(encodeWhole({ a: 2 }).value))).toEqual({ a: 2 });
    expect(device.patch(wire([[[0, 'a'], 3]]))).toBe('applied');
    expect(device.view).toEqual({ a: 3 });
  });
});
