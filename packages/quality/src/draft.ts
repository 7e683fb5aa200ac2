import type { Finding, Observation, ReleaseConfig } from '@mch/core';
import { observationKey } from '@mch/core';
import { fingerprint } from './fingerprint';
import type { Draft, Rule } from './model';
import { severityOf } from './settings';

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

/** A rule's draft as a finding: the configured severity, the fingerprint of its values, no waiver yet. */
export function toFinding(rule: Pick<Rule, 'id' | 'severity'>, d: Draft, config: ReleaseConfig): Finding {
  return {
    id: `${rule.id}:${d.key}`,
    rule: rule.id,
    severity: severityOf(config, rule, d.ref_area, d.severity),
    ref_area: d.ref_area,
    table: d.table,
    time_period: d.time_period,
    migr_type: d.migr_type,
    sex: d.sex,
    age: d.age,
    partner: d.partner,
    values: d.values,
    sources: d.sources,
    message: d.message,
    message_ru: d.message_ru,
    fingerprint: fingerprint(d.values, d.seen),
    waived: false,
    waiver: null,
  };
}
