// Seeded randomness. Streams are derived by hashing (seed, turn, purpose), so a seat's randomness does not
// shift when another seat changes from the computer to a person: the same seed and decisions give the same game.

export type Rng = () => number;

/** FNV-1a over the parts, mixed; a uint32. */
export function hashParts(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for game draws. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, ...parts: (string | number)[]): Rng {
  return createRng(hashParts(seed, ...parts));
}

/** Accepts the seed as a user typed it: a number, or any string. */
export function normaliseSeed(seed: number | string): number {
  const n = typeof seed === 'string' && /^\d{1,10}$/.test(seed) ? Number(seed) : seed;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff) return n;
  return hashParts(String(seed));
}
