import { mulberry32 } from '@mch/core';

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

/** One stream per key: mulberry32 is small, fast, and good enough for illustrative noise. */
export function stream(key: string, seed: number = DEMO_SEED): () => number {
  return mulberry32(hash(`${seed}:${key}`));
}

/** One uniform draw in [lo, hi) for a key. */
export function uniform(key: string, lo: number, hi: number): number {
  return lo + (hi - lo) * stream(key)();
}
