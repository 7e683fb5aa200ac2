/**
 * Deterministic pseudo-random numbers: one independent stream per key, so adding a table or a
 * country never shifts the figures of the others. No clock, no Math.random.
 */
export const DEMO_SEED = 20110615;

/** FNV-1a 32-bit hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for illustrative noise. */
export function stream(key: string, seed: number = DEMO_SEED): () => number {
  let a = hash(`${seed}:${key}`);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One uniform draw in [lo, hi) for a key. */
export function uniform(key: string, lo: number, hi: number): number {
  return lo + (hi - lo) * stream(key)();
}
