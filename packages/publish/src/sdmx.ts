import { type Observation, toCsv } from '@mch/core';

/** Dimension columns of the MCH dataflow, in the order of observations.csv; `_Z` = not applicable (SDMX). */
export const SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'REF_AREA',
  'MCH_TABLE',
  'TIME_PERIOD',
  'MIGR_TYPE',
  'SEX',
  'AGE',
  'COUNTERPART_AREA',
  'OBS_VALUE',
  'OBS_STATUS',
  'CONF_STATUS',
  'UNIT_MULT',
] as const;

const NOT_APPLICABLE = '_Z';

/** SDMX-CSV 2.0 of every published observation (already suppressed and sorted by the caller). */
export function sdmxCsv(published: readonly Observation[]): string {
  const rows = published.map((o) => [
    'dataflow',
    'UNECE:MCH(1.0)',
    'I',
    o.ref_area,
    o.table,
    String(o.time_period),
    o.migr_type || NOT_APPLICABLE,
    o.sex,
    o.age || NOT_APPLICABLE,
    o.partner || NOT_APPLICABLE,
    o.obs_value === null || o.conf_status !== 'F' ? '' : String(o.obs_value),
    o.obs_status,
    o.conf_status,
    String(o.unit_mult),
  ]);
  return toCsv(SDMX_COLUMNS, rows);
}
