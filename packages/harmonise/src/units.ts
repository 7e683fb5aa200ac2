import type { Observation } from '@mch/core';

/**
 * Values reported in thousands become whole persons, marked estimated (definitions.md); unit_mult
 * stays 3 to show the source unit.
 */
export function toPersons(o: Observation): Observation {
  if (o.unit_mult !== 3 || o.obs_value === null) return o;
  return { ...o, obs_value: Math.round(o.obs_value * 1000), obs_status: o.obs_status === 'A' ? 'E' : o.obs_status };
}
