import type { Observation } from './observation';

/** The key of an observation, in the column order of every CSV output (cli.md). */
export const OBSERVATION_KEY_COLUMNS = ['ref_area', 'table', 'time_period', 'migr_type', 'sex', 'age', 'partner'] as const;

/** Columns of observations.csv (cli.md), in order. */
export const OBSERVATION_COLUMNS = [
  ...OBSERVATION_KEY_COLUMNS,
  'obs_value',
  'obs_status',
  'conf_status',
  'definition_basis',
  'unit_mult',
  'derived',
  'note_refs',
  'source_file',
  'source_sha256',
  'source_sheet',
  'source_cell',
  'source_raw',
] as const;

/**
 * One observations.csv row; `publicOnly` blanks the raw text of values that are not free for
 * publication. `source` is where the value was read, when `o` carries its source by origin only.
 */
export function observationRow(o: Observation, publicOnly = false, source: Observation['source'] = o.source): string[] {
  const hideRaw = publicOnly && o.conf_status !== 'F';
  return [
    o.ref_area,
    o.table,
    String(o.time_period),
    o.migr_type,
    o.sex,
    o.age,
    o.partner,
    o.obs_value === null || (publicOnly && o.conf_status !== 'F') ? '' : String(o.obs_value),
    o.obs_status,
    o.conf_status,
    o.definition_basis,
    String(o.unit_mult),
    o.derived ? 'true' : 'false',
    o.note_refs.join('|'),
    source?.file ?? '',
    source?.sha256 ?? '',
    source?.sheet ?? '',
    source?.cell ?? '',
    hideRaw ? '' : (source?.raw ?? ''),
  ];
}

/**
 * RFC 4180 CSV with LF line ends. Text that a spreadsheet would run as a formula (leading =, +, -,
 * @, tab, CR) is prefixed with an apostrophe so it comes out inert; numbers are left alone.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // no copy of the rows: a release writes millions of them
  const lines: string[] = new Array(rows.length + 1);
  lines[0] = header.map(csvField).join(',');
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i]!.map(csvField).join(',');
  return `${lines.join('\n')}\n`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
// what either rule below looks for, in one test: most fields need neither
const SPECIAL = /^[=+\-@\t\r]|[",\n\r]/;

export function csvField(value: string): string {
  if (!SPECIAL.test(value)) return value;
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && v.length > 1 && !NUMBER.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
