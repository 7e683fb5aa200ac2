/** Median of a non-empty list. */
export function median(values: ArrayLike<number>): number {
  // a typed array sorts numbers natively, without a comparator called n log n times
  const s = Float64Array.from(values).sort();
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Robust z-scores (Iglewicz and Hoaglin): 0.6745 (x − median) / MAD; undefined when MAD is 0. */
export function robustZ(values: readonly number[]): number[] | undefined {
  const m = median(values);
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs(values[i]! - m);
  const mad = median(deviations);
  if (mad === 0) return undefined;
  return values.map((v) => (0.6745 * (v - m)) / mad);
}
