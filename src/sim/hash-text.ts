// A fast checksum of a text, shared by the save formats.

// The WHATWG encoder is in every browser and in Node; the simulation's typing, which has no DOM, does not name it.
interface Encoder {
  encodeInto(text: string, into: Uint8Array): { written: number };
}
const encoder = new (globalThis as unknown as { TextEncoder: new () => Encoder }).TextEncoder();
// Reused: allocating a fresh buffer for every save costs more than hashing it.
let scratch = new Uint8Array(1 << 16);

/**
 * A 32-bit hash of the text's UTF-8 bytes, four at a time (many times faster than character by character). It
 * detects damage, not tampering: anyone can recompute it, which is why a restore replays every command too.
 */
export function hashText(text: string): string {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const length = encoder.encodeInto(text, scratch).written;
  const words = new Int32Array(scratch.buffer, 0, length >> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i]!, 0x01000193);
    h ^= h >>> 15;
  }
  for (let i = words.length * 4; i < length; i++) h = Math.imul(h ^ scratch[i]!, 0x01000193);
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0).toString(16).padStart(8, '0');
}
