import type { ConfStatus, DefinitionBasis, Observation, ObsStatus } from '@mch/core';

/** The fields harmonise decides; every other field is the source observation's. */
export interface Decided {
  time_period: number;
  sex: Observation['sex'];
  age: string;
  partner: string;
  obs_value: number | null;
  obs_status: ObsStatus;
  conf_status: ConfStatus;
  definition_basis: Observation['definition_basis'] | DefinitionBasis;
  unit_mult: Observation['unit_mult'];
  derived: boolean;
  note_refs: string[];
  source: Observation['source'];
  reference_date: string | undefined;
  territory: string | undefined;
}

/**
 * A new observation from `o` and the decided fields, written out field by field in the order of
 * the observation schema (as ingest writes it), the "of which" parent last when there is one.
 * Not `{ ...o, … }`: a spread gives its copies a new hidden class each in V8 once it has seen a
 * few, and every later read of a field of a million such objects then goes the slow way.
 */
export function observationOf(o: Observation, d: Decided, parent: string | undefined): Observation {
  if (parent === undefined) {
    return {
      ref_area: o.ref_area,
      table: o.table,
      time_period: d.time_period,
      migr_type: o.migr_type,
      sex: d.sex,
      age: d.age,
      partner: d.partner,
      obs_value: d.obs_value,
      obs_status: d.obs_status,
      conf_status: d.conf_status,
      definition_basis: d.definition_basis,
      unit_mult: d.unit_mult,
      derived: d.derived,
      note_refs: d.note_refs,
      source: d.source,
      reference_date: d.reference_date,
      territory: d.territory,
    };
  }
  return {
    ref_area: o.ref_area,
    table: o.table,
    time_period: d.time_period,
    migr_type: o.migr_type,
    sex: d.sex,
    age: d.age,
    partner: d.partner,
    obs_value: d.obs_value,
    obs_status: d.obs_status,
    conf_status: d.conf_status,
    definition_basis: d.definition_basis,
    unit_mult: d.unit_mult,
    derived: d.derived,
    note_refs: d.note_refs,
    source: d.source,
    parent,
    reference_date: d.reference_date,
    territory: d.territory,
  };
}
