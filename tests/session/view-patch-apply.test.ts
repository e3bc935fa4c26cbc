// A patch applied gives the view it was made for, whatever the two views: views built as the room builds them (the
// new one shares the parts that did not change with the old), edited at random. The view before is frozen: applying
// a patch never changes it (the client keeps it while a renderer compares by identity), and a part no change reaches
// is still the same object afterwards. applyPatch copies a part once per patch and makes the later changes under it
// in that copy (issue 18); these properties hold it to the same result as copying at every change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diffView, packPatch, unpackPatch } from '../../src/session/view-patch.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const KEYS = ['a', 'b', 'c', 'news', 'turn'];
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('x', 'y', 'z'),
);
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('json'), { maxKeys: 4 }),
  ),
}));

/** Every object and list of a view, in walk order. */
function parts(v: Json, out: (Json[] | { [k: string]: Json })[] = []): (Json[] | { [k: string]: Json })[] {
  if (v === null || typeof v !== 'object') return out;
  out.push(v);
  for (const x of Array.isArray(v) ? v : Object.values(v)) parts(x, out);
  return out;
}

/** An edit as the room makes one: a new view that shares every part the edit does not touch with the old one. */
interface Edit {
  at: number;
  key: number;
  kind: 'set' | 'delete' | 'shorten' | 'move';
  value: Json;
  from: number;
}

function edited(view: Json, e: Edit): Json {
  const all = parts(view);
  if (all.length === 0) return e.value;
  const target = all[e.at % all.length]!;
  const moved = all[e.from % all.length]!;
  const replace = (v: Json): Json => {
    if (v === target) {
      if (Array.isArray(v)) {
        if (e.kind === 'shorten') return v.slice(0, Math.max(0, v.length - 1));
        const i = e.key % (v.length + 1);
        const item = e.kind === 'move' ? moved : e.value;
        return i === v.length ? [...v, item] : v.map((x, j) => (j === i ? item : x));
      }
      const k = KEYS[e.key % KEYS.length]!;
      if (e.kind === 'delete') {
        const { [k]: _gone, ...rest } = v as { [k: string]: Json };
        return rest;
      }
      return { ...(v as object), [k]: e.kind === 'move' ? moved : e.value };
    }
    if (v === null || typeof v !== 'object') return v;
    if (!parts(v).includes(target)) return v;
    return Array.isArray(v)
      ? v.map(replace)
      : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)]));
  };
  return replace(view);
}

const edit = fc.record({
  at: fc.nat(50),
  key: fc.nat(10),
  kind: fc.constantFrom('set', 'delete', 'shorten', 'move'),
  value: json,
  from: fc.nat(50),
}) as fc.Arbitrary<Edit>;

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

describe('a patch applied', () => {
  it('gives the view it was made for, leaves the view before as it was, and shares what no change reached', () => {
    fc.assert(
      fc.property(json, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const before = deepFreeze(structuredClone(start));
        const kept = JSON.stringify(before);
        const after = edits.reduce(edited, before as Json);
        // Through the wire's form too, as the client gets it.
        const ops = unpackPatch(JSON.parse(JSON.stringify(packPatch(diffView(before, after)))));
        const held = applyPatch(before, ops);
        expect(held).toEqual(after);
        expect(JSON.stringify(before)).toBe(kept);
        // A part of the view before that the new view holds at the same place, untouched, is the same object.
        if (held && after && typeof held === 'object' && typeof after === 'object' && !Array.isArray(after))
          for (const k of Object.keys(after))
            if ((after as Record<string, Json>)[k] === (before as Record<string, Json> | null)?.[k])
              expect((held as Record<string, Json>)[k]).toBe((before as Record<string, Json>)[k]);
      }),
      { numRuns: 400, seed: 18 },
    );
  });

  it('makes many changes under one list in a single copy of it, without touching the list before', () => {
    const items = Object.freeze(
      Array.from({ length: 40 }, (_, i) => Object.freeze({ n: i, text: `item ${i}` })),
    );
    const before = Object.freeze({ turn: 1, items });
    const after = {
      turn: 2,
      items: items.map((x, i) => (i % 3 === 0 ? { n: x.n, text: `${x.text}, changed` } : x)),
    };
    const ops = diffView(before, after);
    expect(ops.length).toBeGreaterThan(10);
    const held = applyPatch(before, ops);
    expect(held).toEqual(after);
    expect(held.items).not.toBe(items);
    expect(held.items[1]).toBe(items[1]);
    expect(before.items[0]!.text).toBe('item 0');
  });
});
