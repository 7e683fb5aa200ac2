/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Robust z-scores (Iglewicz and Hoaglin): 0.6745 (x − median) / MAD; undefined when MAD is 0. */
export function robustZ(values: readonly number[]): number[] | undefined {
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  if (mad === 0) return undefined;
  return values.map((v) => (0.6745 * (v - m)) / mad);
}
