// The scenario's texts as a device's first numbering (base-texts.ts, view-texts.ts TextBase): the room and the
// device number the same way from them; a device without them reads views as before; a list that is not the one
// its id names is refused in one sentence.
import { Packr, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { baseId, readBase, textHash } from '../../src/session/base-texts.ts';
import { diffView } from '../../src/session/view-patch.ts';
import { encodePatch, encodeWhole, TextBase, TextTable, ViewReceiver } from '../../src/session/view-texts.ts';

const packer = new Packr({ useRecords: true });
const pack = (v: unknown) => packer.pack(v);

const headline = 'Drones attack the Prime Minister’s residence; Kadhimi survives';
const option = 'Call for calm and condemn violence';
const texts = [headline, option, 'The Coordination Framework questions the results'];
const id = baseId('baghdad-2021', 'digest-1', 'en', texts);
const base = new TextBase(id, texts);
const held = (want: string) => (want === id ? texts : undefined);

const turn1 = { turn: 1, news: [{ headline, body: 'A sentence the presenter built, with 3 in it' }], option };
const turn2 = {
  turn: 2,
  news: [{ headline: 'The Coordination Framework questions the results', body: 'Another built sentence, 4' }],
  option,
  said: 'A sentence the presenter built, with 3 in it',
};

describe('the scenario texts as a first numbering', () => {
  it('sends none of them, and numbers the others after them the same way on both sides', () => {
    const whole = encodeWhole(turn1, base.start);
    const bytes = pack(whole.value);
    for (const t of texts) expect(bytes.includes(Buffer.from(t))).toBe(false);
    expect((unpack(bytes) as { base: string; texts: string[] }).base).toBe(id);
    expect((unpack(bytes) as { texts: string[] }).texts).toEqual([]);
    const device = new ViewReceiver<unknown>(held);
    expect(device.whole(unpack(bytes))).toEqual(turn1);
    // The built sentence was numbered after the base: the next patch sends it as that number.
    expect(whole.texts.idOf('A sentence the presenter built, with 3 in it')).toBe(texts.length);
    const p2 = encodePatch(diffView(turn1, turn2), whole.texts);
    const bytes2 = pack(p2.value);
    expect(bytes2.includes(Buffer.from('A sentence the presenter built'))).toBe(false);
    expect(bytes2.includes(Buffer.from(texts[2]!))).toBe(false);
    expect(device.patch(unpack(bytes2))).toBe('applied');
    expect(device.view).toEqual(turn2);
  });

  it('gives a device joining a stream over the base only the texts numbered after it', () => {
    const first = encodeWhole(turn1, base.start);
    const p2 = encodePatch(diffView(turn1, turn2), first.texts);
    const late = encodeWhole(turn2, p2.texts);
    const value = late.value as { base: string; texts: string[] };
    expect(value.texts).toEqual(p2.texts.own());
    expect(value.texts).not.toContain(headline);
    expect(new ViewReceiver<unknown>(held).whole(unpack(pack(value)))).toEqual(turn2);
    // Two streams from one base share none of their own texts: each copies only its part.
    const other = encodeWhole({ x: 'Only in the other stream, long enough' }, base.start);
    expect(other.texts.idOf('A sentence the presenter built, with 3 in it')).toBeUndefined();
    expect(other.texts.idOf(headline)).toBe(0);
  });

  it('a device without the base reads the views numbered afresh, and refuses a view numbered after one', () => {
    const afresh = encodeWhole(turn1, TextTable.empty());
    expect((afresh.value as { base?: string }).base).toBeUndefined();
    expect(new ViewReceiver<unknown>().whole(unpack(pack(afresh.value)))).toEqual(turn1);
    const numbered = unpack(pack(encodeWhole(turn1, base.start).value));
    expect(() => new ViewReceiver<unknown>().whole(numbered)).toThrow(/does not hold/);
  });

  it('takes a fetched list only when it is the one its id names', () => {
    const body = { id, scenario: 'baghdad-2021', digest: 'digest-1', language: 'en', texts };
    expect(readBase(id, JSON.parse(JSON.stringify(body)))).toMatchObject({ id, texts });
    const damaged = { ...body, texts: [headline, 'Call for calm and condemn violenc', texts[2]] };
    const refused = readBase(id, damaged);
    expect(refused).toMatch(/damaged or other than asked/);
    expect(String(refused).split('\n')).toHaveLength(1);
    // The same texts said to be another language's, or of another game, are not this id's either.
    expect(readBase(id, { ...body, language: 'ar-IQ' })).toMatch(/damaged or other/);
    expect(readBase(id, { ...body, digest: 'digest-2' })).toMatch(/damaged or other/);
    expect(readBase(id, { texts: 'no' })).toMatch(/no known form/);
  });

  it('hashes the same way every time, and differently for one unit changed', () => {
    expect(textHash('abc')).toBe(textHash('abc'));
    expect(textHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash('abc')).not.toBe(textHash('abd'));
    expect(id).toMatch(/^baghdad-2021\.en\.[0-9a-f]{16}$/);
  });
});
