/**
 * Splits a whole total into whole parts proportional to weights (largest remainder), so the parts
 * always add up to the total exactly. `caps` bound each part (e.g. men ≤ both sexes); `unit`
 * makes every part a multiple of it (for a table published in thousands with one decimal).
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[], unit = 1): number[] {
  const units = Math.round(total / unit);
  const capUnits = caps?.map((c) => Math.floor(c / unit));
  const sum = weights.reduce((s, w) => s + w, 0);
  const n = weights.length;
  if (n === 0) return [];
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * units : units / n));
  const parts = exact.map((e, i) => Math.min(Math.floor(e), capUnits?.[i] ?? Number.POSITIVE_INFINITY));
  let left = units - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  // largest remainders first, then any part with room (caps may have pushed units elsewhere)
  while (left > 0) {
    let moved = false;
    for (const { i } of order) {
      if (left === 0) break;
      if (parts[i]! < (capUnits?.[i] ?? Number.POSITIVE_INFINITY)) {
        parts[i] = parts[i]! + 1;
        left--;
        moved = true;
      }
    }
    if (!moved) throw new Error(`apportion: total ${total} exceeds the caps`);
  }
  return parts.map((p) => p * unit);
}

/** Splits both-sexes parts and a male total into male parts, each at most its both-sexes part. */
export function splitMen(totals: readonly number[], menTotal: number, maleShares: readonly number[], unit = 1): number[] {
  const weights = totals.map((t, i) => t * (maleShares[i] ?? 0.5));
  return apportion(menTotal, weights, totals, unit);
}
