import { MchError, OBSERVATION_COLUMNS, Observation, observationRow } from '@mch/core';
import { csvPieces } from './csv-pieces';
import { csvRecords, parseCsv, unguard } from './csv-read';

/**
 * data/observations.csv of a release, in pieces: published observations only, raw text of non-free
 * values blanked; each row's source from `sources` where given (published/sources.ts), in order.
 */
export function observationsCsv(published: readonly Observation[], sources?: Iterator<Observation['source']>): Iterable<Buffer> {
  return csvPieces(OBSERVATION_COLUMNS, published.length, (i) => observationRow(published[i]!, true, sources ? (sources.next().value ?? null) : published[i]!.source));
}

const FILE = 'observations.csv';

const COLUMN_AT = Object.fromEntries(OBSERVATION_COLUMNS.map((c, i) => [c, i])) as Record<(typeof OBSERVATION_COLUMNS)[number], number>;

/**
 * Strict reader of observations.csv (previous releases, diff, reproduce): header, field count and
 * every value checked. Bytes are read piece by piece (csvRecords), so a file larger than one
 * string may hold is read too.
 */
export function readObservationsCsv(input: string | Buffer, chunkBytes?: number): Observation[] {
  const records = typeof input === 'string' ? parseCsv(input.replace(/^\uFEFF/, ''), FILE) : csvRecords(withoutBom(input), FILE, chunkBytes);
  const out: Observation[] = [];
  let line = 0;
  for (const fields of records) {
    line++;
    if (line === 1) {
      if (fields.join(',') !== OBSERVATION_COLUMNS.join(',')) throw badHeader();
      continue;
    }
    out.push(parseRow(fields, line));
  }
  if (line === 0) throw badHeader();
  return out;
}

function badHeader(): MchError {
  return new MchError('manifest-invalid', `${FILE}: the header is not ${OBSERVATION_COLUMNS.join(',')}`, { where: `${FILE}:1` });
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function parseRow(fields: string[], line: number): Observation {
  const where = `${FILE}:${line}`;
  if (fields.length !== OBSERVATION_COLUMNS.length) {
    throw new MchError('manifest-invalid', `${where}: ${fields.length} fields, expected ${OBSERVATION_COLUMNS.length}`, { where });
  }
  // by name, through the column's place (no object of the row's fields built first)
  const field = (column: (typeof OBSERVATION_COLUMNS)[number]) => unguard(fields[COLUMN_AT[column]]!);
  const f = {
    ref_area: field('ref_area'),
    table: field('table'),
    time_period: field('time_period'),
    migr_type: field('migr_type'),
    sex: field('sex'),
    age: field('age'),
    partner: field('partner'),
    obs_value: field('obs_value'),
    obs_status: field('obs_status'),
    conf_status: field('conf_status'),
    definition_basis: field('definition_basis'),
    unit_mult: field('unit_mult'),
    derived: field('derived'),
    note_refs: field('note_refs'),
    source_file: field('source_file'),
    source_sha256: field('source_sha256'),
    source_sheet: field('source_sheet'),
    source_cell: field('source_cell'),
    source_raw: field('source_raw'),
  } satisfies Record<(typeof OBSERVATION_COLUMNS)[number], string>;
  const hasSource = f.source_file !== '' || f.source_sha256 !== '';
  const candidate = {
    ref_area: f.ref_area,
    table: f.table,
    time_period: integer(f.time_period, where, 'time_period'),
    migr_type: f.migr_type,
    sex: f.sex,
    age: f.age,
    partner: f.partner,
    obs_value: f.obs_value === '' ? null : number(f.obs_value, where),
    obs_status: f.obs_status,
    conf_status: f.conf_status,
    definition_basis: f.definition_basis,
    unit_mult: integer(f.unit_mult, where, 'unit_mult'),
    derived: boolean(f.derived, where),
    note_refs: f.note_refs === '' ? [] : f.note_refs.split('|'),
    source: hasSource
      ? { file: f.source_file, sha256: f.source_sha256, sheet: f.source_sheet, cell: f.source_cell, raw: f.source_raw }
      : null,
  };
  const parsed = Observation.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new MchError('manifest-invalid', `${where}: not a valid observation (${problems.join('; ')})`, { where, details: problems });
  }
  return parsed.data;
}

function integer(text: string, where: string, column: string): number {
  if (!/^-?\d+$/.test(text)) throw new MchError('manifest-invalid', `${where}: ${column} "${text}" is not an integer`, { where });
  return Number(text);
}

function number(text: string, where: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new MchError('manifest-invalid', `${where}: obs_value "${text}" is not a number`, { where });
  return Number(text);
}

function boolean(text: string, where: string): boolean {
  if (text !== 'true' && text !== 'false') throw new MchError('manifest-invalid', `${where}: derived "${text}" is not true or false`, { where });
  return text === 'true';
}
