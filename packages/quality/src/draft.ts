import type { Observation } from '@mch/core';
import { observationKey } from '@mch/core';
import type { Draft } from './model';

type Keyed = Pick<Observation, 'ref_area' | 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner'>;

/** The location fields of a finding about one cell, and its observation key as the finding key. */
export function at(o: Keyed, suffix = ''): Pick<Draft, 'key' | 'ref_area' | 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner'> {
  return {
    key: observationKey(o) + suffix,
    ref_area: o.ref_area,
    table: o.table,
    time_period: o.time_period,
    migr_type: o.migr_type,
    sex: o.sex,
    age: o.age,
    partner: o.partner,
  };
}

/** The location fields of a finding about a whole table and year of a country (no one cell). */
export function atTableYear(o: Pick<Observation, 'ref_area' | 'table' | 'time_period'>, what: string): ReturnType<typeof at> {
  return { key: `${o.ref_area}|${o.table}|${o.time_period}|${what}`, ref_area: o.ref_area, table: o.table, time_period: o.time_period, migr_type: '', sex: '', age: '', partner: '' };
}
