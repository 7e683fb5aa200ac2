import { IMS2010_BILATERAL, type Iso3, MCH12 } from './calibration';
import { uniform } from './prng';
import { EXTRA_WEIGHT, FAR_WEIGHTS, PROFILES } from './profiles';

export type Weights = Record<string, number>;

/** Armenia and Azerbaijan register no migration with each other (closed border since 1991). */
function closedPair(a: string, b: string): boolean {
  return (a === 'ARM' && b === 'AZE') || (a === 'AZE' && b === 'ARM');
}

/** Origins within the Clearing House, from the 2010 bilateral stock, with a floor for blank estimates. */
export function mchWeights(dest: Iso3): Weights {
  const row = IMS2010_BILATERAL[dest];
  const sum = row.reduce((s, v) => s + v, 0);
  const out: Weights = {};
  MCH12.forEach((origin, i) => {
    if (origin === dest || closedPair(dest, origin)) return;
    out[origin] = (row[i] ?? 0) + 0.004 * sum;
  });
  return out;
}

/** The Baltic states, the standard far-abroad partners and the country's own extra partners. */
export function farWeights(iso3: Iso3): Weights {
  const out: Weights = { ...FAR_WEIGHTS };
  for (const p of PROFILES[iso3].extras) out[p] = EXTRA_WEIGHT;
  return out;
}

/** Combines groups of weights, each normalised and given its share. */
export function mix(groups: ReadonlyArray<readonly [Weights, number]>): Weights {
  const out: Weights = {};
  for (const [w, share] of groups) {
    const sum = Object.values(w).reduce((s, v) => s + v, 0);
    if (sum <= 0) continue;
    for (const [k, v] of Object.entries(w)) out[k] = (out[k] ?? 0) + (v / sum) * share;
  }
  return out;
}

/** Year-specific noise on weights, so series are not flat. */
export function jittered(w: Weights, key: string, spread = 0.08): Weights {
  const out: Weights = {};
  for (const [k, v] of Object.entries(w)) out[k] = v * uniform(`${key}|${k}`, 1 - spread, 1 + spread);
  return out;
}

/** Weights in the order of `categories`, 0 for categories without weight. */
export function ordered(w: Weights, categories: readonly string[]): number[] {
  return categories.map((c) => w[c] ?? 0);
}
