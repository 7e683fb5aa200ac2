import { type CodeLists, type Observation, compareObservations, observationKey } from '@mch/core';

/**
 * The observations a release publishes, sorted: a derived aggregate only where no reported value
 * exists, and nothing of a value that is not free for publication (conf_status ≠ F) — it stays
 * as a suppressed cell (status Q, no value, no raw text) so the table shows `[c]`.
 */
export function publishedObservations(observations: readonly Observation[], codelists: CodeLists): Observation[] {
  const inOrder = keptInOrder(observations, compareObservations(ageOrder(codelists)));
  // in order already (as the chain hands them on): suppression changes no key, so no sort
  if (inOrder) return inOrder.map(suppressIfNotFree);
  return sortObservations(unshadowed(observations).map(suppressIfNotFree), codelists);
}

/**
 * Every reported value once, and a derived one only where no reported value has its key. A file
 * may give the same figure for one key twice (a repeated CSV line, a hidden copy of a sheet):
 * ingest keeps both, each with its cell, and the release publishes the first, so no published
 * file holds a key twice (observations.csv's primary key, an SDMX series' observation).
 */
function unshadowed(observations: readonly Observation[]): Observation[] {
  const reported = new Set<string>();
  const first = new Set<Observation>();
  for (const o of observations) {
    if (o.derived) continue;
    const key = observationKey(o);
    if (reported.has(key)) continue;
    reported.add(key);
    first.add(o);
  }
  return observations.filter((o) => (o.derived ? !reported.has(observationKey(o)) : first.has(o)));
}

/**
 * unshadowed() of observations already in published order, as the chain hands them on: a key's
 * values sit side by side there, so keys are built only for the few neighbours that compare
 * equal. Undefined when the observations are not in order.
 */
function keptInOrder(observations: readonly Observation[], compare: (a: Observation, b: Observation) => number): Observation[] | undefined {
  const kept: Observation[] = [];
  for (let from = 0; from < observations.length; ) {
    let to = from + 1;
    for (; to < observations.length; to++) {
      const c = compare(observations[to - 1]!, observations[to]!);
      if (c > 0) return undefined;
      if (c < 0) break;
    }
    if (to - from === 1) kept.push(observations[from]!);
    else for (const o of unshadowed(observations.slice(from, to))) kept.push(o);
    from = to;
  }
  return kept;
}

export function suppressIfNotFree(o: Observation): Observation {
  if (o.conf_status === 'F') return o;
  return { ...o, obs_value: null, obs_status: 'Q', source: o.source ? { ...o.source, raw: '' } : null };
}

export function sortObservations(observations: readonly Observation[], codelists: CodeLists): Observation[] {
  return [...observations].sort(compareObservations(ageOrder(codelists)));
}

export function ageOrder(codelists: CodeLists): Map<string, number> {
  return new Map(codelists.age.map((a, i) => [a.code, i]));
}
