// A part the client holds already is copied, not sent again; a copy that names what the view does not hold fails
// (and the client then asks for the whole view).
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  COPY,
  diffView,
  PatchError,
  type PatchOp,
  packPatch,
  sameJson,
  unpackPatch,
} from '../../src/session/view-patch.ts';

const news = [{ headline: 'A long headline the phone already holds', body: 'And its body, longer still.' }];

describe('copies in a patch', () => {
  it('copies last turn news into the earlier news instead of sending it again', () => {
    const before = { turn: 1, news, earlier: [] as unknown[] };
    const after = { turn: 2, news: [{ headline: 'New', body: null }], earlier: [{ turn: 0, items: news }] };
    const ops = diffView(before, after);
    expect(ops).toContainEqual([['earlier', 0, 'items'], ['news'], COPY]);
    expect(JSON.stringify(ops)).not.toContain('already holds');
    const held = applyPatch(structuredClone(before), ops);
    expect(held).toEqual(after);
  });

  it('copies a part that moved whole', () => {
    const before = { a: { deep: [1, 2, 3] }, b: null as unknown };
    const after = { a: null, b: before.a };
    const ops = diffView(before, after);
    expect(ops).toEqual([
      [['a'], null],
      [['b'], ['a'], COPY],
    ]);
    expect(applyPatch(before, ops)).toEqual(after);
  });

  it('copies a part held twice from where the view first holds it, and a deep part by its whole path', () => {
    const shared = { text: 'A part the view holds in two places', list: [{ n: 1 }] };
    const before = { x: { y: [0, shared] }, z: shared, w: null as unknown, v: null as unknown };
    const after = { ...before, w: shared, v: [shared.list[0]] };
    const ops = diffView(before, after);
    expect(ops).toEqual([
      [['w'], ['x', 'y', 1], COPY],
      [['v'], [null]],
      [['v', 0], ['x', 'y', 1, 'list', 0], COPY],
    ]);
    expect(applyPatch(structuredClone(before), ops)).toEqual(after);
  });

  it('refuses a copy from a path the view does not hold, or through a prototype key', () => {
    const view = { a: { b: 1 } };
    expect(() => applyPatch(view, [[['c'], ['a', 'x'], COPY]] as PatchOp[])).toThrow(PatchError);
    expect(() => applyPatch(view, [[['c'], ['__proto__'], COPY]] as PatchOp[])).toThrow(PatchError);
    expect(() => applyPatch(view, [[['c'], ['a'], 'move']] as unknown as PatchOp[])).toThrow(PatchError);
    expect(applyPatch(view, [[['c'], ['a', 'b'], COPY]])).toEqual({ a: { b: 1 }, c: 1 });
  });

  it('packs each path against the one before', () => {
    const before = { causes: [{ text: 'A cause', delta: 1 }] as unknown[], turn: 2 };
    const after = {
      causes: [
        { text: 'A cause', delta: 2 },
        { text: 'Another', delta: -1 },
      ],
      turn: 3,
    };
    const ops = diffView(before, after);
    expect(ops).toEqual([
      [['causes', 0, 'delta'], 2],
      [['causes', 1], { text: 'Another', delta: -1 }],
      [['turn'], 3],
    ]);
    const wire = packPatch(ops);
    expect(wire).toEqual([
      [[0, 'causes', 0, 'delta'], 2],
      [[1, 1], { text: 'Another', delta: -1 }],
      [[0, 'turn'], 3],
    ]);
    expect(unpackPatch(wire)).toEqual(ops);
    expect(applyPatch(before, unpackPatch(wire))).toEqual(after);
  });

  it('refuses a wire patch of no known form', () => {
    expect(() => unpackPatch({})).toThrow(PatchError);
    expect(() => unpackPatch([[[3, 'a'], 1]])).toThrow(PatchError);
    expect(() => unpackPatch([[[0, { a: 1 }], 1]])).toThrow(PatchError);
    expect(() => unpackPatch([[[0, 'a'], [9, 'b'], COPY]])).toThrow(PatchError);
  });

  it('says whether two views are the same part for part', () => {
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
  });
});
