// A view sent once whole and then as changes: the server diffs the view it last sent a client with the new one,
// and the client applies the changes to its copy. Views are plain JSON (objects, arrays, strings, numbers,
// booleans, null), so a structural diff is exact. A list that only grew (a journal, a history) sends its new items.

export type Path = (string | number)[];
/** [path, value]: set; [path]: delete. */
export type PatchOp = [Path, unknown] | [Path];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys that would reach an object's prototype: never written, whatever a patch says. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

export function diffView(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diffInto(before as Json, after as Json, [], ops);
  return ops;
}

function diffInto(a: Json, b: Json, path: Path, ops: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    // A shorter list is sent whole: items are not moved, and a removal is rare in a view.
    if (b.length < a.length) {
      ops.push([path, b]);
      return;
    }
    for (let i = 0; i < b.length; i++) {
      if (i < a.length) diffInto(a[i]!, b[i]!, [...path, i], ops);
      else ops.push([[...path, i], b[i]]);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) ops.push([[...path, k]]);
    for (const k of Object.keys(b)) {
      if (Object.hasOwn(a, k)) diffInto(a[k]!, b[k]!, [...path, k], ops);
      else ops.push([[...path, k], b[k]]);
    }
    return;
  }
  ops.push([path, b]);
}

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
  for (const op of ops) {
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
