// @kaoping/seeded-random: the one seeded pseudo-random generator of the repository, for test
// inputs, benchmark facts and demo data: the same seed gives the same numbers on every machine,
// so a failing case can be replayed. Not for anything that must be unpredictable.

/** mulberry32: a small, fast generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
