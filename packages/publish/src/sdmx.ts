import type { Observation, TableSet } from '@mch/core';
import { csvPieces } from './csv-pieces';

/**
 * Columns of sdmx/mch.csv: the dimensions of the MCH dataflow, the measure, then the attributes.
 * Values are in persons, so UNIT_MULT is 0 on every row; the source unit of a value reported in
 * thousands is told by its `E` status and its note, never by a multiplier the value no longer has.
 */
export const SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'FREQ',
  'REF_AREA',
  'MCH_TABLE',
  'TIME_PERIOD',
  'MIGR_TYPE',
  'SEX',
  'AGE',
  'COUNTERPART_AREA',
  'OBS_VALUE',
  'UNIT_MEASURE',
  'UNIT_MULT',
  'OBS_STATUS',
  'CONF_STATUS',
  'DERIVED',
  'DEF_BASIS',
  'COUNTERPART_ROLE',
] as const;

/** The dimension columns: the key of an SDMX observation. */
export const SDMX_DIMENSIONS = ['FREQ', 'REF_AREA', 'MCH_TABLE', 'TIME_PERIOD', 'MIGR_TYPE', 'SEX', 'AGE', 'COUNTERPART_AREA'] as const;

const NOT_APPLICABLE = '_Z';

/** What COUNTERPART_AREA means in a table: the partner role of tables.yaml as an SDMX code. */
export function counterpartRole(role: string | undefined): string {
  return role ? role.toUpperCase() : NOT_APPLICABLE;
}

/** SDMX-CSV 2.0 of every published observation (suppressed, in persons, sorted by the published model), in pieces. */
export function sdmxCsv(published: readonly Observation[], tableSet: TableSet): Iterable<Buffer> {
  const roles = new Map(tableSet.tables.map((t) => [t.id, counterpartRole(t.partner_role)]));
  const row = (o: Observation) => [
    'dataflow',
    'UNECE:MCH(1.0)',
    'I',
    'A',
    o.ref_area,
    o.table,
    String(o.time_period),
    o.migr_type || NOT_APPLICABLE,
    o.sex,
    o.age || NOT_APPLICABLE,
    o.partner || NOT_APPLICABLE,
    o.obs_value === null || o.conf_status !== 'F' ? '' : String(o.obs_value),
    'PS',
    String(o.unit_mult),
    o.obs_status,
    o.conf_status,
    o.derived ? 'true' : 'false',
    o.definition_basis || NOT_APPLICABLE,
    o.partner ? (roles.get(o.table) ?? NOT_APPLICABLE) : NOT_APPLICABLE,
  ];
  return csvPieces(SDMX_COLUMNS, published.length, (i) => row(published[i]!));
}
