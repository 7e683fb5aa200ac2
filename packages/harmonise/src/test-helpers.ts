import type { IngestResult, Observation } from '@mch/core';

/** A reported observation with sensible defaults, for tests. */
export function obs(partial: Partial<Observation>): Observation {
  return {
    ref_area: 'ARM',
    table: 'T04',
    time_period: 2012,
    migr_type: 'LT',
    sex: '_T',
    age: '',
    partner: 'RUS',
    obs_value: 100,
    obs_status: 'A',
    conf_status: 'F',
    definition_basis: '',
    unit_mult: 0,
    derived: false,
    note_refs: [],
    source: { file: 'data/raw/arm.xlsx', sha256: 'abc', sheet: 'T04', cell: 'C7', raw: '100' },
    ...partial,
  };
}

export function ingested(observations: Observation[], extra: Partial<IngestResult> = {}): IngestResult {
  return { observations, rejections: [], files: [], metadata: [], notes: [], net_migration: [], ...extra };
}
