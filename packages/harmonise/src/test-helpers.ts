import { type BreakEntry, type IngestResult, type Observation, type ReleaseConfig, type ReleaseConfigInput, type TableMetadata, type TableSet, defineReleaseConfig } from '@mch/core';
import { referenceAnnotator } from './annotate';
import { definitionBasis } from './basis';
import { BasisSeries, breakMarker } from './breaks';
import { stockDates } from './reference-dates';

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

// The steps one at a time, on a list, as harmonise runs them fused on each observation.

export function assignDefinitionBasis(observations: readonly Observation[], metadata: readonly TableMetadata[], config: ReleaseConfig) {
  const chooser = definitionBasis(metadata, config);
  const chosen = observations.map((o) => {
    const basis = chooser.basisOf(o);
    return basis === o.definition_basis ? o : { ...o, definition_basis: basis };
  });
  return { observations: chosen, remarks: chooser.remarks() };
}

export function alignStockDates(observations: readonly Observation[], config: ReleaseConfig, tableSet: TableSet) {
  const dates = stockDates(config, tableSet);
  return { observations: observations.map((o) => ({ ...o, time_period: dates.yearOf(o) })), remarks: dates.remarks() };
}

export function markBreaks(observations: readonly Observation[], register: readonly BreakEntry[]) {
  const series = new BasisSeries();
  for (const o of observations) if (!o.derived) series.note(o.ref_area, o.table, o.migr_type, o.time_period, o.definition_basis);
  const marker = breakMarker(register, series);
  const marked = observations.map((o) => ({ ...o, obs_status: marker.statusOf(o.ref_area, o.table, o.migr_type, o.time_period, o.obs_status, o.obs_value, o.derived) }));
  return { observations: marked, remarks: marker.remarks() };
}

export function annotateReference(observations: readonly Observation[], metadata: readonly TableMetadata[], config: ReleaseConfig, tableSet: TableSet): Observation[] {
  const a = referenceAnnotator(metadata, config, tableSet);
  return observations.map((o) => ({ ...o, reference_date: a.referenceDate(o.ref_area, o.table, o.time_period, o.definition_basis), territory: a.territory(o.ref_area, o.table, o.time_period) }));
}
