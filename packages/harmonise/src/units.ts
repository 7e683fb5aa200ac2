import type { ObsStatus, Observation } from '@mch/core';

/**
 * Values reported in thousands become whole persons, marked estimated (definitions.md); unit_mult
 * stays 3 to show the source unit.
 */
export function toPersons(o: Observation): Observation {
  if (!inThousands(o)) return o;
  return { ...o, obs_value: personsValue(o), obs_status: personsStatus(o) };
}

const inThousands = (o: Pick<Observation, 'unit_mult' | 'obs_value'>): boolean => o.unit_mult === 3 && o.obs_value !== null;

/** The value in whole persons. */
export function personsValue(o: Pick<Observation, 'unit_mult' | 'obs_value'>): number | null {
  return inThousands(o) ? Math.round(o.obs_value! * 1000) : o.obs_value;
}

/** A figure multiplied from thousands is an estimate. */
export function personsStatus(o: Pick<Observation, 'unit_mult' | 'obs_value' | 'obs_status'>): ObsStatus {
  return inThousands(o) && o.obs_status === 'A' ? 'E' : o.obs_status;
}
