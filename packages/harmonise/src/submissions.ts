import { type Conflict, type Observation, type Resubmission, observationKey } from '@mch/core';
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
  const current = new Map<string, Observation>();
  const conflicts = new Map<string, Observation[]>();
  const resubmissions: Resubmission[] = [];
  for (const { file, result } of files) {
    for (const obs of result.observations) {
      const key = observationKey(obs);
      const earlier = current.get(key);
      if (!earlier) {
        current.set(key, obs);
      } else if (file.supersedes) {
        if (!sameValue(earlier, obs)) resubmissions.push({ key, replaced: earlier, by: obs });
        current.set(key, obs);
      } else if (!sameValue(earlier, obs)) {
        const involved = conflicts.get(key) ?? [earlier];
        involved.push(obs);
        conflicts.set(key, involved);
      }
    }
  }
  return {
    observations: [...current.values()],
    conflicts: [...conflicts].map(([key, observations]) => ({ key, observations })),
    resubmissions,
  };
}

function sameValue(a: Observation, b: Observation): boolean {
  return a.obs_value === b.obs_value && a.obs_status === b.obs_status && a.conf_status === b.conf_status && a.unit_mult === b.unit_mult;
}
