/**
 * The median and median absolute deviation of values[from … to), computed in a
 * scratch buffer the caller keeps, so no array is made per series. Robust z-scores (Iglewicz and
 * Hoaglin) follow as 0.6745 (x − median) / mad, none when the MAD is 0.
 */
export function medianAndMad(values: Float64Array, from: number, to: number, scratch: Float64Array): { median: number; mad: number } {
  const n = to - from;
  const s = scratch.subarray(0, n);
  s.set(values.subarray(from, to));
  s.sort();
  const median = middle(s);
  for (let i = 0; i < n; i++) s[i] = Math.abs(values[from + i]! - median);
  s.sort();
  return { median, mad: middle(s) };
}

function middle(s: Float64Array): number {
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
