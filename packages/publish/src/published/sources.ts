import type { Observation } from '@mch/core';

/**
 * The whole source of each published observation, in published order: `sourceOf(i)` is that of
 * the i-th harmonised observation (`ReleaseModel.sourceOf`), and `origins` the harmonised index
 * each published one is made from (`ReleaseFrame.origins`). Publishing drops derived values a
 * reported one shadows and copies others (persons, notes, suppression); the index it kept says
 * which cell each came from, with no walk matching the two lists by key.
 */
export function* publishedSources(origins: Int32Array, sourceOf: (i: number) => Observation['source']): Generator<Observation['source']> {
  for (let i = 0; i < origins.length; i++) yield sourceOf(origins[i]!);
}
