import { type Observation, compareObservations } from '@mch/core';

/**
 * The whole source of each published observation, in published order, from the harmonised
 * observations with their whole sources (`ReleaseModel.sources`, in the same sorted order).
 * Publishing drops derived values a reported one shadows and copies others (persons, notes,
 * suppression), so the published list is an ordered selection of the harmonised one: one walk
 * finds each value's own, matched by key and by whether it is derived.
 */
export function* publishedSources(
  published: readonly Observation[],
  harmonised: Iterable<Observation>,
  ageOrder: ReadonlyMap<string, number>,
): Generator<Observation['source']> {
  const compare = compareObservations(ageOrder);
  const from = harmonised[Symbol.iterator]();
  for (const p of published) {
    for (;;) {
      const next = from.next();
      if (next.done) throw new Error(`published/sources: no harmonised observation for ${p.ref_area} ${p.table} ${p.time_period} ${p.partner || p.age}; the two lists are not in the same order`);
      const h = next.value;
      if (h.derived === p.derived && compare(h, p) === 0) {
        yield h.source;
        break;
      }
    }
  }
}
