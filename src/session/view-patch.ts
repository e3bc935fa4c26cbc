// A view sent once whole and then as changes: the server diffs the view it last sent a client with the new one,
// and the client applies the changes to its copy. Views are plain JSON (objects, arrays, strings, numbers,
// booleans, null), so a structural diff is exact. A list that only grew (a journal, a history) sends its new items.
// A part the client already holds (the same object in the view it was last sent: last turn's news, now among the
// earlier news) is not sent again: the patch says where in that view to copy it from. A text the device holds is
// sent as its number (view-texts.ts), once the patch is made.

export type Path = (string | number)[];
/** [path, value]: set; [path]: delete; [path, from, COPY]: set to what the view before this patch held at `from`. */
export type PatchOp = [Path, unknown] | [Path] | [Path, Path, typeof COPY];
export const COPY = 0;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys that would reach an object's prototype: never written, whatever a patch says. */
export const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

export function diffView(before: unknown, after: unknown): PatchOp[] {
  const d: Diff = { before: before as Json, ops: [], held: null, paths: new Map() };
  diffInto(before as Json, after as Json, [], d);
  return d.ops;
}

interface Diff {
  before: Json;
  ops: PatchOp[];
  /** Every object and list of `before` by the path it is at: indexed only when a new part is set. */
  held: Held | null;
  /** The paths in `held` made so far. */
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
    const from = d.ops.length;
    let keys = 0;
    for (const k in a) if (!Object.hasOwn(b, k)) d.ops.push([[...path, k]]);
    for (const k in b) {
      keys++;
      if (Object.hasOwn(a, k)) {
        if (a[k] === b[k]) continue;
        path.push(k);
        diffInto(a[k]!, b[k]!, path, d);
        path.pop();
      } else setTo([...path, k], b[k]!, d);
    }
    // A small record that changed in most of its fields (a news item, a cause, in a new turn) goes whole: one path
    // instead of one per field, and its texts go as numbers all the same (view-texts.ts).
    const changed = d.ops.length - from;
    if (changed > 1 && changed * 2 >= keys && path.length > 0 && isRecord(b, 2)) {
      d.ops.length = from;
      setTo(path.slice(), b, d);
    }
    return;
  }
  setTo(path.slice(), b, d);
}

/** Sets a part: what of it the client already holds is copied from where it was; the rest is sent. */
function setTo(path: Path, b: Json, d: Diff): void {
  if (b === null || typeof b !== 'object') {
    d.ops.push([path, b]);
    return;
  }
  // Only a new part holding objects or lists makes the index of the view before (the parts a room shares between
  // views are such: last turn's news).
  if (holdsParts(b)) d.held ??= indexParts(d.before);
  const from = d.held ? pathIn(d.held, b, d.paths) : undefined;
  if (from) {
    d.ops.push([path, from, COPY]);
    return;
  }
  if (!holdsKnown(b, d)) {
    d.ops.push([path, b]);
    return;
  }
  // A new part holding known ones: sent with nulls where those go, then each of them copied (or, where it holds
  // some, set the same way).
  const keys = Array.isArray(b) ? b.map((_, i) => i) : Object.keys(b);
  const at = b as Record<string | number, Json>;
  const later = new Set<string | number>();
  for (const k of keys) if (holdsKnown(at[k]!, d)) later.add(k);
  const shell = Array.isArray(b)
    ? b.map((x, i) => (later.has(i) ? null : x))
    : Object.fromEntries(keys.map((k) => [k, later.has(k) ? null : at[k]!]));
  d.ops.push([path, shell]);
  for (const k of later) setTo([...path, k], at[k]!, d);
}

/** How many leading keys two paths share. */
function sharedKeys(a: Path, b: Path): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where each part of a view is: its number in walk order, and by number the part holding it and its key there (the
 * root, number 0, has none). Numbers and two flat lists, not an object per part: the index holds every part of a view
 * (thousands in a seat's), and it was half of a diff's time (issue 18).
 */
interface Held {
  at: Map<Json, number>;
  parents: Json[];
  keys: (string | number)[];
}

function holdsParts(v: Json[] | { [k: string]: Json }): boolean {
  if (Array.isArray(v)) return v.some((x) => typeof x === 'object' && x !== null);
  for (const k in v) if (typeof v[k] === 'object' && v[k] !== null) return true;
  return false;
}

/** Every object and list of the view before the patch (a part met twice is where it was met first). */
function indexParts(root: Json): Held {
  const held: Held = { at: new Map(), parents: [], keys: [] };
  if (root !== null && typeof root === 'object') {
    held.at.set(root, 0);
    held.parents.push(null);
    held.keys.push(0);
    indexUnder(root, held);
  }
  return held;
}

function indexUnder(v: Json[] | { [k: string]: Json }, held: Held): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) indexAt(v[i]!, v, i, held);
  } else for (const k in v) indexAt(v[k]!, v, k, held);
}

function indexAt(x: Json, parent: Json, key: string | number, held: Held): void {
  if (x === null || typeof x !== 'object' || held.at.has(x)) return;
  held.at.set(x, held.parents.length);
  held.parents.push(parent);
  held.keys.push(key);
  indexUnder(x, held);
}

function pathIn(held: Held, v: Json, known?: Map<Json, Path>): Path | undefined {
  let n = held.at.get(v);
  if (n === undefined) return undefined;
  const cached = known?.get(v);
  if (cached) return cached;
  const path: Path = [];
  while (n > 0) {
    path.push(held.keys[n]!);
    n = held.at.get(held.parents[n]!)!;
  }
  path.reverse();
  known?.set(v, path);
  return path;
}

/** Whether a new part holds a part of the view before, which is copied rather than sent. */
function holdsKnown(v: Json, d: Diff): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (d.held?.at.has(v)) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (holdsKnown(v[i]!, d)) return true;
    return false;
  }
  for (const k in v) if (holdsKnown(v[k]!, d)) return true;
  return false;
}

/** Whether two views (plain JSON) are the same, part for part. */
export { sameJson } from '../sim/same-json.ts';

/** An object of texts, numbers and such, or of such objects down to `depth` levels: no list in it. */
function isRecord(v: { [k: string]: Json }, depth: number): boolean {
  for (const k in v) {
    const x = v[k]!;
    if (x === null || typeof x !== 'object') continue;
    if (depth <= 1 || Array.isArray(x) || !isRecord(x, depth - 1)) return false;
  }
  return true;
}

function isObject(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The view after the changes. The view given is not changed: the parts on a changed path are copied, the rest
 * is shared, so a renderer that compares by identity sees what changed. A part is copied once per patch, and the
 * patch's later changes under it are made in that copy: copying it again for each (a turn's patch makes dozens
 * under the same situation) cost a phone, and the class bench's clients, a third of their time (issue 18). A path
 * that does not fit the view throws, and the client asks for the whole view again.
 */
export function applyPatch<T>(view: T, ops: readonly PatchOp[]): T {
  let root = view as unknown;
  const made = new WeakSet<object>();
  for (const given of ops) {
    const op: PatchOp = given.length === 3 ? [given[0], copied(view, given)] : given;
    const [path] = op;
    if (path.length === 0) {
      if (op.length === 1) throw new PatchError('a patch cannot delete the whole view');
      root = op[1];
      continue;
    }
    root = setIn(root, path, 0, op, made);
  }
  return root as T;
}

/** What a copy names in the view before the patch (shared, not copied: views are never changed in place). */
function copied(before: unknown, op: readonly unknown[]): unknown {
  const [, from, kind] = op;
  if (kind !== COPY || !Array.isArray(from)) throw new PatchError('a patch has an unknown kind of change');
  let node = before;
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

/** Sets `op` at `path` under `node`: a part this patch has not copied yet (not in `made`) is copied first. */
function setIn(node: unknown, path: Path, depth: number, op: PatchOp, made: WeakSet<object>): unknown {
  const key = path[depth]!;
  if (typeof key === 'string' && UNSAFE.has(key)) throw new PatchError(`a patch names the key ${key}`);
  if (typeof node !== 'object' || node === null)
    throw new PatchError(`a patch's path ${path.join('.')} does not fit the view`);
  let copy = node as Record<string | number, unknown>;
  if (!made.has(node)) {
    copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string | number, unknown>;
    made.add(copy);
  }
  const last = depth === path.length - 1;
  if (last) {
    if (op.length === 1) {
      if (Array.isArray(copy)) throw new PatchError('a patch deletes an item of a list');
      delete copy[key];
    } else copy[key] = op[1];
  } else {
    copy[key] = setIn(copy[key], path, depth + 1, op, made);
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
