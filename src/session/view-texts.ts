// Texts sent once: every device keeps the texts its views brought (news, causes, names, prompts), numbered in the
// order they arrived, and the server sends a text it has sent that device before as its number instead. Both sides
// number the same way, with no number on the wire: a text is numbered where it first appears in what is sent
// (a whole view, then each patch's values, in the order a message is encoded and read). A number goes as a short
// binary (msgpack bin), a type no view ever holds, so it cannot be mistaken for a value. A whole view carries the
// texts it is numbered against: a device that joins late or comes back gets every text its team's devices hold,
// and from then on the same patches as they do (the room encodes each once). A device that holds the scenario's
// texts (base-texts.ts) numbers them first, 0 to n-1, as the room does for it: none of them is ever sent to it, and
// a whole view names that base and carries only the texts numbered after it.
import { applyPatch, PatchError, type PatchOp, packPatch, UNSAFE, unpackPatch } from './view-patch.ts';

/** Texts shorter than this are sent as they are: a number costs 3–4 bytes. */
export const MIN_TEXT = 8;

/**
 * A scenario's texts as a first numbering (base-texts.ts): numbered 0 to n-1 before anything a stream adds, the
 * same on the device that holds them. One per base, shared by every stream that starts from it, never changed.
 */
export class TextBase {
  readonly ids = new Map<string, number>();
  /** The table of a stream that has sent nothing yet: one, so that the streams starting from it share frames. */
  readonly start: TextTable;

  constructor(
    readonly id: string,
    readonly texts: readonly string[],
  ) {
    // A text twice keeps its first number, as a device reading the list does.
    texts.forEach((t, i) => {
      if (!this.ids.has(t)) this.ids.set(t, i);
    });
    this.start = TextTable.from(this);
  }
}

/** A stream's texts after its base, shared by the versions of its table (one per message sent). */
class TextStore {
  readonly texts: string[] = [];
  /** Each text's number, counted after the base's. */
  readonly ids = new Map<string, number>();
  constructor(readonly base: TextBase | null) {}
}

/**
 * The texts a device holds after some message: a version, immutable, so that the devices sent the same messages
 * share it (and the frames built for it). A version that is its store's latest grows the store in place; one that
 * is not (two devices of one seat parted) copies its part first (never the base's).
 */
export class TextTable {
  private constructor(
    private readonly store: TextStore,
    readonly size: number,
  ) {}

  static empty(): TextTable {
    return new TextTable(new TextStore(null), 0);
  }

  /** A stream's first table over a base; TextBase.start is the one to use. */
  static from(base: TextBase): TextTable {
    return new TextTable(new TextStore(base), base.texts.length);
  }

  get base(): TextBase | null {
    return this.store.base;
  }

  /** Every text of this version, in the order they are numbered (the base's first). */
  all(): string[] {
    return [...(this.store.base?.texts ?? []), ...this.own()];
  }

  /** The texts numbered after the base: what a whole view brings a device that holds the base. */
  own(): string[] {
    return this.store.texts.slice(0, this.size - this.baseSize());
  }

  idOf(text: string): number | undefined {
    const inBase = this.store.base?.ids.get(text);
    if (inBase !== undefined) return inBase;
    const id = this.store.ids.get(text);
    return id !== undefined && id < this.size ? id : undefined;
  }

  private baseSize(): number {
    return this.store.base?.texts.length ?? 0;
  }

  /** A writer of the next version: what it adds is numbered after this version's texts. */
  writer(): TextWriter {
    let store = this.store;
    const own = this.size - this.baseSize();
    if (store.texts.length !== own) {
      store = new TextStore(this.store.base);
      for (let i = 0; i < own; i++) {
        const t = this.store.texts[i]!;
        store.texts.push(t);
        store.ids.set(t, this.store.ids.get(t)!);
      }
    }
    return new TextWriter(store, this.size, (size) =>
      size === this.size ? this : new TextTable(store, size),
    );
  }
}

export class TextWriter {
  constructor(
    private readonly store: TextStore,
    private size: number,
    private readonly make: (size: number) => TextTable,
  ) {}

  /** A value with each text this stream sent before as its number; the others are numbered as they go. */
  encode(v: unknown): unknown {
    if (typeof v === 'string') {
      if (v.length < MIN_TEXT) return v;
      const inBase = this.store.base?.ids.get(v);
      if (inBase !== undefined) return refBytes(inBase);
      const id = this.store.ids.get(v);
      if (id !== undefined && id < this.size) return refBytes(id);
      this.store.texts.push(v);
      this.store.ids.set(v, this.size++);
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      const list = new Array(v.length);
      for (let i = 0; i < v.length; i++) list[i] = this.encode(v[i]);
      return list;
    }
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = this.encode((v as Record<string, unknown>)[k]);
    return out;
  }

  /** A patch's changes with their values encoded (a copy names a path, which holds no text to number). */
  encodeOps(ops: readonly PatchOp[]): PatchOp[] {
    return ops.map((op) => (op.length === 2 ? [op[0], this.encode(op[1])] : op));
  }

  done(): TextTable {
    return this.make(this.size);
  }
}

/** A number as the fewest little-endian bytes (a scenario's texts number in the hundreds: 1 or 2). */
function refBytes(id: number): Uint8Array {
  if (id >= REFS_KEPT) return makeRef(id);
  let ref = refs[id];
  if (ref === undefined) {
    ref = makeRef(id);
    refs[id] = ref;
  }
  return ref;
}

/**
 * Each number's bytes, made once and shared by every message that sends it (they are only ever read): a typed array
 * is dear to make, and a turn's patches name hundreds of texts. Kept for the numbers a stream reaches in practice.
 */
const REFS_KEPT = 0x4000;
const refs: Uint8Array[] = [];

function makeRef(id: number): Uint8Array {
  if (id < 0x100) return Uint8Array.of(id);
  if (id < 0x10000) return Uint8Array.of(id & 0xff, id >> 8);
  return Uint8Array.of(id & 0xff, (id >> 8) & 0xff, id >> 16);
}

/** The device's side: its texts, numbered as they came, and the values read back into plain views. */
export class TextReader {
  readonly texts: string[] = [];

  decode(v: unknown): unknown {
    if (typeof v === 'string') {
      if (v.length >= MIN_TEXT) this.texts.push(v);
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (v instanceof Uint8Array) {
      if (v.length < 1 || v.length > 3) throw new PatchError('a patch names a text of no known form');
      let id = 0;
      for (let i = v.length - 1; i >= 0; i--) id = id * 0x100 + v[i]!;
      const text = this.texts[id];
      if (text === undefined)
        throw new PatchError(`a patch names text ${id}, which this device was not sent`);
      return text;
    }
    if (Array.isArray(v)) return v.map((x) => this.decode(x));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      if (UNSAFE.has(k)) throw new PatchError(`a patch names the key ${k}`);
      out[k] = this.decode((v as Record<string, unknown>)[k]);
    }
    return out;
  }

  decodeOps(ops: readonly PatchOp[]): PatchOp[] {
    return ops.map((op) => (op.length === 2 ? [op[0], this.decode(op[1])] : op));
  }
}

/**
 * A device's view as the room sends it: whole, then patches, each read with the texts it was sent. After a patch
 * that does not apply, the texts may no longer be the room's: nothing more is read until the next whole view.
 */
export class ViewReceiver<V> {
  view: V | null = null;
  private reader: TextReader | null = null;

  /** `bases`: the scenario's texts this device holds, by id (base-texts.ts), for a whole view numbered after them. */
  constructor(private readonly bases: (id: string) => readonly string[] | undefined = () => undefined) {}

  /** A whole view: `{ base?, texts, view }`, its texts numbered after the base's (if it names one), then those. */
  whole(wire: unknown): V {
    const { base, texts, view } = (wire ?? {}) as { base?: unknown; texts?: unknown; view?: unknown };
    if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string'))
      throw new PatchError('a whole view came without its texts');
    const held = base === undefined ? [] : typeof base === 'string' ? this.bases(base) : undefined;
    if (held === undefined)
      throw new PatchError(
        `a whole view is numbered after texts ${String(base)}, which this device does not hold`,
      );
    this.reader = new TextReader();
    this.reader.texts.push(...held, ...texts);
    this.view = this.reader.decode(view) as V;
    return this.view;
  }

  /** 'failed' once when a patch does not apply (ask for the whole view), then 'waiting' until it comes. */
  patch(wire: unknown): 'applied' | 'failed' | 'waiting' {
    if (this.reader === null) return 'waiting';
    try {
      this.view = applyPatch(this.view, this.reader.decodeOps(unpackPatch(wire)));
      return 'applied';
    } catch {
      this.reader = null;
      return 'failed';
    }
  }
}

/**
 * The room's side of one stream: the frames to send, and the texts the devices hold after them. A whole view is
 * numbered against `texts` (the texts its team's devices hold, sent with it, after the base it names if any), or
 * afresh.
 */
export function encodeWhole(view: unknown, texts = TextTable.empty()): { value: unknown; texts: TextTable } {
  const w = texts.writer();
  const encoded = w.encode(view);
  const base = texts.base;
  const value = base
    ? { base: base.id, texts: texts.own(), view: encoded }
    : { texts: texts.all(), view: encoded };
  return { value, texts: w.done() };
}

export function encodePatch(ops: readonly PatchOp[], texts: TextTable): { value: unknown; texts: TextTable } {
  const w = texts.writer();
  const value = packPatch(w.encodeOps(ops));
  return { value, texts: w.done() };
}
