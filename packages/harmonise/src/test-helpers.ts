import { type IngestResult, type Observation, type ReleaseConfigInput, defineReleaseConfig } from '@mch/core';

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

/** A release configuration with the given countries (and other fields), for tests. */
export function releaseConfig(countries: ReleaseConfigInput['countries'], extra: Partial<ReleaseConfigInput> = {}) {
  return defineReleaseConfig({
    version: '2013.1',
    release_date: '2013-11-15',
    reference_years: [2011, 2012],
    table_set: 'pipelines/mch/tables.yaml',
    codelists: 'pipelines/mch/codelists.yaml',
    countries,
    metadata: { title_en: 't', title_ru: 'т', contact: { organisation: 'o', unit: 'u', email: 'e', organisation_ru: 'о' } },
    ...extra,
  });
}
