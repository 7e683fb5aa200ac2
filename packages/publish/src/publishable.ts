import { type CodeLists, type Observation, compareObservations, observationKey } from '@mch/core';

/**
 * The observations a release publishes, sorted: a derived aggregate only where no reported value
 * exists, and nothing of a value that is not free for publication (conf_status ≠ F) — it stays
 * as a suppressed cell (status Q, no value, no raw text) so the table shows `[c]`.
 */
export function publishedObservations(observations: readonly Observation[], codelists: CodeLists): Observation[] {
  const reported = new Set(observations.filter((o) => !o.derived).map(observationKey));
  const kept = observations.filter((o) => !o.derived || !reported.has(observationKey(o)));
  return sortObservations(kept.map(suppressIfNotFree), codelists);
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
