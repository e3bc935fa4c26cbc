/**
 * A seeded xorshift stream in [0, 1) for tests that pick commands at random: the same seed, the same games (the
 * engine's own chance is its seed's; this one only chooses what a test's players do).
 */
export function rngFor(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}
