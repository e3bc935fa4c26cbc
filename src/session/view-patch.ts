// A view sent once whole and then as changes: the server diffs the view it last sent a client with the new one,
// and the client applies the changes to its copy. Views are plain JSON (objects, arrays, strings, numbers,
// booleans, null), so a structural diff is exact. A list that only grew (a journal, a history) sends its new items.
// A part the client already holds (the same object in the view it was last sent: last turn's news, now among the
// earlier news) is not sent again: the patch says where in that view to copy it from.

export type Path = (string | number)[];
/**
 * [path, value]: set; [path]: delete; [path, from, COPY]: set to what the view before this patch held at `from`;
 * [path, from, AGAIN]: set to what the view as patched so far holds at `from` (a text this patch sent already).
 */
export type PatchOp = [Path, unknown] | [Path] | [Path, Path, typeof COPY | typeof AGAIN];
export const COPY = 0;
export const AGAIN = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys that would reach an object's prototype: never written, whatever a patch says. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

export function diffView(before: unknown, after: unknown): PatchOp[] {
  const d: Diff = { before: before as Json, ops: [], held: null, fresh: new Map(), paths: new Map() };
  diffInto(before as Json, after as Json, [], d);
  return d.ops;
}

interface Diff {
  before: Json;
  ops: PatchOp[];
  /** Every object and list of `before` by the path it is at: indexed only when a new part is set. */
  held: Held | null;
  /** Each long text this patch sets, by the path it is at in the view as patched so far. */
  fresh: Map<string, Path>;
  /** The paths in `held` made so far (a text is looked up each time a part holding it is weighed). */
  paths: Map<Json, Path>;
}

/** `path` is a stack the walk pushes to and pops: a path is copied only when a change is made at it. */
function diffInto(a: Json, b: Json, path: Path, d: Diff): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    // A shorter list is sent whole: items are not moved, and a removal is rare in a view.
    if (b.length < a.length) {
      setTo(path.slice(), b, d);
      return;
    }
    for (let i = 0; i < b.length; i++) {
      if (i < a.length) {
        path.push(i);
        diffInto(a[i]!, b[i]!, path, d);
        path.pop();
      } else setTo([...path, i], b[i]!, d);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k in a) if (!Object.hasOwn(b, k)) d.ops.push([[...path, k]]);
    for (const k in b) {
      if (Object.hasOwn(a, k)) {
        if (a[k] === b[k]) continue;
        path.push(k);
        diffInto(a[k]!, b[k]!, path, d);
        path.pop();
      } else setTo([...path, k], b[k]!, d);
    }
    return;
  }
  setTo(path.slice(), b, d);
}

/** Text shorter than this is sent again: a copy's path would cost about as much. */
const LONG = 40;

const reusable = (v: Json): v is Json & object =>
  typeof v === 'object' || (typeof v === 'string' && v.length >= LONG);

/** Sets a part: what of it the client already holds, or was sent earlier in this patch, is copied; the rest is sent. */
function setTo(path: Path, b: Json, d: Diff): void {
  if (b === null || !reusable(b)) {
    d.ops.push([path, b]);
    return;
  }
  // Only a new part holding objects or lists makes the index of the view before (the parts a room shares between
  // views are such: last turn's news); a text, or a list of texts (a shorter list of seats), is looked up in this
  // patch alone.
  if (typeof b === 'object' && holdsParts(b)) d.held ??= indexParts(d.before);
  const from = d.held ? pathIn(d.held, b, d.paths) : undefined;
  if (from && worthCopying(b, from, path)) {
    d.ops.push([path, from, COPY]);
    return;
  }
  const again = typeof b === 'string' ? d.fresh.get(b) : undefined;
  if (again && worthCopying(b, again, path)) {
    d.ops.push([path, again, AGAIN]);
    return;
  }
  if (!holdsKnown(b, path, d)) {
    d.ops.push([path, b]);
    remember(b, path, d);
    return;
  }
  // A new part holding known ones: sent with nulls where those go, then each of them copied (or, where it holds
  // some, set the same way).
  const keys = Array.isArray(b) ? b.map((_, i) => i) : Object.keys(b);
  const at = b as Record<string | number, Json>;
  // What is sent in the shell is remembered as it is chosen: a later part may copy it (a brief the same as its text).
  const later = new Set<string | number>();
  for (const k of keys) {
    if (holdsKnown(at[k]!, [...path, k], d)) later.add(k);
    else remember(at[k]!, [...path, k], d);
  }
  const shell = Array.isArray(b)
    ? b.map((x, i) => (later.has(i) ? null : x))
    : Object.fromEntries(keys.map((k) => [k, later.has(k) ? null : at[k]!]));
  d.ops.push([path, shell]);
  for (const k of later) setTo([...path, k], at[k]!, d);
}

/**
 * Whether copying from `from` to `to` costs less than sending the text again: on the wire `from` is the keys it
 * does not share with `to` (packPatch), each costing about its length.
 */
function worthCopying(text: Json, from: Path, to: Path): boolean {
  if (typeof text !== 'string') return true;
  let cost = 6;
  for (let i = sharedKeys(from, to); i < from.length; i++) cost += String(from[i]).length + 1;
  return text.length > cost;
}

/** How many leading keys two paths share. */
function sharedKeys(a: Path, b: Path): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where each part of a view is: the part holding it and its key there (the root has none). */
type Held = Map<Json, { in: Json; key: string | number } | null>;

function holdsParts(v: Json[] | { [k: string]: Json }): boolean {
  if (Array.isArray(v)) return v.some((x) => typeof x === 'object' && x !== null);
  for (const k in v) if (typeof v[k] === 'object' && v[k] !== null) return true;
  return false;
}

/** Every object, list and long text of the view before the patch: paths are made only for what is copied. */
function indexParts(root: Json): Held {
  const held: Held = new Map();
  const walk = (v: Json, at: { in: Json; key: string | number } | null) => {
    if (v === null || !reusable(v) || held.has(v)) return;
    held.set(v, at);
    if (typeof v !== 'object') return;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i]!, { in: v, key: i });
    else for (const k of Object.keys(v)) walk(v[k]!, { in: v, key: k });
  };
  walk(root, null);
  return held;
}

function pathIn(held: Held, v: Json, known?: Map<Json, Path>): Path | undefined {
  if (!held.has(v)) return undefined;
  const cached = known?.get(v);
  if (cached) return cached;
  const path: Path = [];
  for (let at = held.get(v); at; at = held.get(at.in)) path.unshift(at.key);
  known?.set(v, path);
  return path;
}

/** Keeps where this patch sent each long text, for the same text later in it. */
function remember(v: Json, path: Path, d: Diff): void {
  if (typeof v === 'string') {
    if (v.length >= LONG && !d.fresh.has(v)) d.fresh.set(v, path);
  } else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) remember(v[i]!, [...path, i], d);
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) remember(v[k]!, [...path, k], d);
}

/**
 * Whether a new part holds something worth copying: a part of the view before, a text this patch sent, or a text
 * that it holds twice (`seen`: its texts met so far, in the order they are sent).
 */
function holdsKnown(v: Json, path: Path, d: Diff, seen = new Map<string, Path>()): boolean {
  if (v === null || !reusable(v)) return false;
  if (typeof v === 'string') {
    const from = [d.held && pathIn(d.held, v, d.paths), d.fresh.get(v), seen.get(v)];
    if (from.some((f) => f && worthCopying(v, f, path))) return true;
    if (!seen.has(v)) seen.set(v, path);
    return false;
  }
  if (d.held?.has(v)) return true;
  if (Array.isArray(v)) return v.some((x, i) => holdsKnown(x, [...path, i], d, seen));
  return Object.keys(v).some((k) => holdsKnown(v[k]!, [...path, k], d, seen));
}

/** Whether two views (plain JSON) are the same, part for part. */
export { sameJson } from '../sim/same-json.ts';

function isObject(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The view after the changes. The view given is not changed: the parts on a changed path are copied, the rest
 * is shared, so a renderer that compares by identity sees what changed. A path that does not fit the view
 * throws, and the client asks for the whole view again.
 */
export function applyPatch<T>(view: T, ops: readonly PatchOp[]): T {
  let root = view as unknown;
  for (const given of ops) {
    const op: PatchOp = given.length === 3 ? [given[0], copied(view, root, given)] : given;
    const [path] = op;
    if (path.length === 0) {
      if (op.length === 1) throw new PatchError('a patch cannot delete the whole view');
      root = op[1];
      continue;
    }
    root = setIn(root, path, 0, op);
  }
  return root as T;
}

/**
 * What a copy names: in the view before the patch, or as patched so far (shared, not copied: views are never
 * changed in place).
 */
function copied(before: unknown, now: unknown, op: readonly unknown[]): unknown {
  const [, from, kind] = op;
  if ((kind !== COPY && kind !== AGAIN) || !Array.isArray(from))
    throw new PatchError('a patch has an unknown kind of change');
  let node = kind === COPY ? before : now;
  for (const key of from) {
    if (typeof key === 'string' && UNSAFE.has(key)) throw new PatchError(`a patch names the key ${key}`);
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key))
      throw new PatchError(`a patch copies from ${from.join('.')}, which the view does not hold`);
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export class PatchError extends Error {
  override name = 'PatchError';
}

function setIn(node: unknown, path: Path, depth: number, op: PatchOp): unknown {
  const key = path[depth]!;
  if (typeof key === 'string' && UNSAFE.has(key)) throw new PatchError(`a patch names the key ${key}`);
  if (typeof node !== 'object' || node === null)
    throw new PatchError(`a patch's path ${path.join('.')} does not fit the view`);
  const copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string | number, unknown>;
  const last = depth === path.length - 1;
  if (last) {
    if (op.length === 1) {
      if (Array.isArray(copy)) throw new PatchError('a patch deletes an item of a list');
      delete copy[key];
    } else copy[key] = op[1];
  } else {
    copy[key] = setIn(copy[key], path, depth + 1, op);
  }
  return copy;
}

/**
 * A patch as it goes on the wire: each path as how many leading keys it shares with the path before it, then the
 * rest ([5, 'brief'] after ['situation', 'indicators', 3, 'causes', 0, 'text']). Paths were over 40% of a turn's
 * bytes when sent whole. A client from before this form fails on such a path and asks for the whole view.
 */
export function packPatch(ops: readonly PatchOp[]): unknown[][] {
  let last: Path = [];
  return ops.map((op) => {
    const path = op[0];
    const shared = sharedKeys(path, last);
    last = path;
    const packed = [shared, ...path.slice(shared)];
    if (op.length !== 3) return [packed, ...op.slice(1)];
    // A copy's source likewise, from the keys it shares with the path it is copied to.
    const from = op[1];
    const common = sharedKeys(from, path);
    return [packed, [common, ...from.slice(common)], op[2]];
  });
}

/** The patch from its wire form (packPatch); a form that does not fit throws, and the client asks for the view. */
export function unpackPatch(wire: unknown): PatchOp[] {
  if (!Array.isArray(wire)) throw new PatchError('a patch is not a list');
  let last: Path = [];
  return wire.map((op: unknown) => {
    if (!Array.isArray(op) || op.length < 1 || op.length > 3 || !Array.isArray(op[0]))
      throw new PatchError('a patch has a change of no known form');
    const [shared, ...rest] = op[0] as unknown[];
    if (!Number.isInteger(shared) || (shared as number) < 0 || (shared as number) > last.length)
      throw new PatchError('a patch has a path of no known form');
    if (!rest.every((k) => typeof k === 'string' || typeof k === 'number'))
      throw new PatchError('a patch has a path of no known form');
    const path = [...last.slice(0, shared as number), ...(rest as Path)];
    last = path;
    if (op.length !== 3) return [path, ...op.slice(1)] as PatchOp;
    const [common, ...tail] = Array.isArray(op[1]) ? (op[1] as unknown[]) : [];
    if (!Number.isInteger(common) || (common as number) < 0 || (common as number) > path.length)
      throw new PatchError('a patch copies from a path of no known form');
    return [path, [...path.slice(0, common as number), ...(tail as Path)], op[2]] as PatchOp;
  });
}
