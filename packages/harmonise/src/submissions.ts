import { type Conflict, KeyColumns, type Observation, type Resubmission, observationKey } from '@mch/core';
import type { IngestedFile } from './types';

export interface ResolvedSubmissions {
  observations: Observation[];
  conflicts: Conflict[];
  resubmissions: Resubmission[];
}

/**
 * Applies a country's files in order (submissions.md §4): a superseding file replaces earlier
 * values for the keys it covers; otherwise two files that disagree on a key are a conflict, and
 * the value first received stays in place until the conflict is resolved or waived.
 */
export function resolveSubmissions(files: readonly IngestedFile[]): ResolvedSubmissions {
  const all: Observation[] = [];
  const supersedes: boolean[] = [];
  for (const { file, result } of files) {
    for (const obs of result.observations) {
      all.push(obs);
      supersedes.push(file.supersedes);
    }
  }
  // keys as numbers: a string per observation is what made this slow at a million rows
  const keys = KeyColumns.of(all).groupKeys();
  const current = new Map<number | string, Observation>();
  const conflicts = new Map<number | string, Observation[]>();
  const resubmissions: Resubmission[] = [];
  for (let i = 0; i < all.length; i++) {
    const obs = all[i]!;
    const key = keys[i]!;
    const earlier = current.get(key);
    if (!earlier) {
      current.set(key, obs);
    } else if (supersedes[i]) {
      if (!sameValue(earlier, obs)) resubmissions.push({ key: observationKey(obs), replaced: earlier, by: obs });
      current.set(key, obs);
    } else if (!sameValue(earlier, obs)) {
      const involved = conflicts.get(key) ?? [earlier];
      involved.push(obs);
      conflicts.set(key, involved);
    }
  }
  return {
    observations: Array.from(current.values()),
    conflicts: [...conflicts.values()].map((observations) => ({ key: observationKey(observations[0]!), observations })),
    resubmissions,
  };
}

function sameValue(a: Observation, b: Observation): boolean {
  return a.obs_value === b.obs_value && a.obs_status === b.obs_status && a.conf_status === b.conf_status && a.unit_mult === b.unit_mult;
}
