import { type Observation, compareObservations } from '@mch/core';

/**
 * The whole source of each published observation, in published order: `sourceOf(i)` is that of
 * `harmonised[i]` (`ReleaseModel.sourceOf`), the harmonised observations in published order.
 * Publishing drops derived values a reported one shadows and copies others (persons, notes,
 * suppression), so the published list is an ordered selection of the harmonised one: one walk
 * finds each value's own, matched by key and by whether it is derived.
 */
export function* publishedSources(
  published: readonly Observation[],
  harmonised: readonly Observation[],
  sourceOf: (i: number) => Observation['source'],
  ageOrder: ReadonlyMap<string, number>,
): Generator<Observation['source']> {
  const compare = compareObservations(ageOrder);
  let i = 0;
  for (const p of published) {
    for (; ; i++) {
      const h = harmonised[i];
      if (!h) throw new Error(`published/sources: no harmonised observation for ${p.ref_area} ${p.table} ${p.time_period} ${p.partner || p.age}; the two lists are not in the same order`);
      if (h.derived === p.derived && compare(h, p) === 0) break;
    }
    yield sourceOf(i++);
  }
}
