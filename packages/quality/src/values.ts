import type { FindingSource, Observation } from '@mch/core';

/**
 * The number an identity may use, or undefined when the cell makes it skip: missing (`O`),
 * suppressed or confidential. A cell that cannot exist (`M`) counts as zero.
 */
export function usable(o: Observation | undefined): number | undefined {
  if (!o) return undefined;
  if (o.conf_status === 'C') return undefined;
  if (o.obs_value !== null) return o.obs_value;
  return o.obs_status === 'M' ? 0 : undefined;
}

/** True when any tolerance is exceeded: absolute persons or a share of the reference figure. */
export function exceeds(difference: number, reference: number, tolerance: number, share: number): boolean {
  return Math.abs(difference) > Math.max(tolerance, share * Math.abs(reference));
}

export function sourcesOf(observations: readonly (Pick<Observation, 'source'> | undefined)[]): FindingSource[] {
  const out: FindingSource[] = [];
  for (const o of observations) {
    if (o?.source) out.push({ file: o.source.file, sheet: o.source.sheet, cell: o.source.cell });
  }
  return out;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Appends to the list kept under a key, creating it on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The value kept under a key, created on first use. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
