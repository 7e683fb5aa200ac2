import { type CodeLists, type Observation, compareObservations, observationKey } from '@mch/core';

/** The observations a release publishes, and for each the place of the harmonised one it is made from. */
export interface PublishedSelection {
  observations: Observation[];
  /** origins[i]: the index, in the harmonised list given, of the observation published as observations[i] */
  origins: Int32Array;
}

/**
 * The observations a release publishes, sorted: a derived aggregate only where no reported value
 * exists, and nothing of a value that is not free for publication (conf_status ≠ F) — it stays
 * as a suppressed cell (status Q, no value, no raw text) so the table shows `[c]`. Each keeps the
 * place of the harmonised observation it came from, where its whole source is (ReleaseModel.sourceOf).
 */
export function publishedObservations(observations: readonly Observation[], codelists: CodeLists): PublishedSelection {
  const compare = compareObservations(ageOrder(codelists));
  // in order already (as the chain hands them on): suppression changes no key, so no sort
  const kept = keptInOrder(observations, compare) ?? unshadowed(observations, 0, observations.length).sort((a, b) => compare(observations[a]!, observations[b]!));
  const origins = Int32Array.from(kept);
  const published: Observation[] = new Array(origins.length);
  for (let i = 0; i < origins.length; i++) published[i] = suppressIfNotFree(observations[origins[i]!]!);
  return { observations: published, origins };
}

/**
 * The places in [from, to) of every reported value once, and of a derived one only where no
 * reported value has its key. A file may give the same figure for one key twice (a repeated CSV
 * line, a hidden copy of a sheet): ingest keeps both, each with its cell, and the release
 * publishes the first, so no published file holds a key twice (observations.csv's primary key,
 * an SDMX series' observation).
 */
function unshadowed(observations: readonly Observation[], from: number, to: number): number[] {
  const reported = new Set<string>();
  const first = new Set<number>();
  for (let i = from; i < to; i++) {
    const o = observations[i]!;
    if (o.derived) continue;
    const key = observationKey(o);
    if (reported.has(key)) continue;
    reported.add(key);
    first.add(i);
  }
  const kept: number[] = [];
  for (let i = from; i < to; i++) if (observations[i]!.derived ? !reported.has(observationKey(observations[i]!)) : first.has(i)) kept.push(i);
  return kept;
}

/**
 * unshadowed() of observations already in published order, as the chain hands them on: a key's
 * values sit side by side there, so keys are built only for the few neighbours that compare
 * equal. Undefined when the observations are not in order.
 */
function keptInOrder(observations: readonly Observation[], compare: (a: Observation, b: Observation) => number): number[] | undefined {
  const kept: number[] = [];
  for (let from = 0; from < observations.length; ) {
    let to = from + 1;
    for (; to < observations.length; to++) {
      const c = compare(observations[to - 1]!, observations[to]!);
      if (c > 0) return undefined;
      if (c < 0) break;
    }
    if (to - from === 1) kept.push(from);
    else if (oneKey(observations, from, to)) keptOfOneKey(observations, from, to, kept);
    else for (const i of unshadowed(observations, from, to)) kept.push(i);
    from = to;
  }
  return kept;
}

/**
 * Whether neighbours that compare equal have one key: the comparison ranks every unknown sex
 * alike, and matches the other key fields exactly. Nearly every such run is a derived total
 * beside the reported one (a million at tier M), which then needs no key strings or sets.
 */
function oneKey(observations: readonly Observation[], from: number, to: number): boolean {
  const sex = observations[from]!.sex;
  for (let i = from + 1; i < to; i++) if (observations[i]!.sex !== sex) return false;
  return true;
}

/** unshadowed() of a run of one key: its first reported value, or every derived one where none is reported. */
function keptOfOneKey(observations: readonly Observation[], from: number, to: number, kept: number[]): void {
  for (let i = from; i < to; i++) {
    if (!observations[i]!.derived) {
      kept.push(i);
      return;
    }
  }
  for (let i = from; i < to; i++) kept.push(i);
}

export function suppressIfNotFree(o: Observation): Observation {
  if (o.conf_status === 'F') return o;
  return { ...o, obs_value: null, obs_status: 'Q', source: o.source ? { ...o.source, raw: '' } : null };
}

export function ageOrder(codelists: CodeLists): Map<string, number> {
  return new Map(codelists.age.map((a, i) => [a.code, i]));
}
