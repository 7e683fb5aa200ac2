// Small hand-built releases for the rule tests. Not exported from the package.
import type { CodeLists, HarmonisedData, Observation, Rejection, ReleaseConfigInput, TableSet } from '@mch/core';
import { compareObservations, defineReleaseConfig } from '@mch/core';
import { loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import type { QualityInput } from '../model';

let shipped: { tableSet: TableSet; codelists: CodeLists } | undefined;
function shippedLists() {
  shipped ??= { tableSet: loadShippedTableSet(), codelists: loadShippedCodeLists() };
  return shipped;
}

/**
 * One observation from its key "ARM|T05|2012|LT|_T||KAZ" and value; the source names the country's
 * workbook, the table's sheet and a cell, unless `extra.source` says otherwise.
 */
export function o(key: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  const [ref_area = '', table = '', year = '0', migr_type = '', sex = '_T', age = '', partner = ''] = key.split('|');
  return {
    ref_area,
    table,
    time_period: Number(year),
    migr_type: migr_type as Observation['migr_type'],
    sex: sex as Observation['sex'],
    age,
    partner,
    obs_value: value,
    obs_status: value === null ? 'O' : 'A',
    conf_status: 'F',
    definition_basis: '',
    unit_mult: 0,
    derived: false,
    note_refs: [],
    source: { file: `${ref_area}.xlsx`, sha256: 'f'.repeat(64), sheet: table, cell: `C${year}`, raw: value === null ? '..' : String(value) },
    ...extra,
  };
}

/** Many observations of one slice: "sex|age|partner" → value. */
export function slice(prefix: string, cells: Record<string, number | null>, extra: Partial<Observation> = {}): Observation[] {
  return Object.entries(cells).map(([rest, v], i) => {
    const ob = o(`${prefix}|${rest}`, v, extra);
    return { ...ob, source: ob.source && { ...ob.source, cell: `B${i + 2}` } };
  });
}

export const BASE_CONFIG: ReleaseConfigInput = {
  version: '2013.1',
  release_date: '2013-11-15',
  reference_years: [2010, 2011, 2012],
  table_set: 'pipelines/mch/tables.yaml',
  codelists: 'pipelines/mch/codelists.yaml',
  countries: { ARM: {}, KAZ: {}, RUS: {} },
  metadata: { title_en: 't', title_ru: 'т', contact: { organisation: 'o', unit: 'u', email: 'e', organisation_ru: 'о' } },
};

export function harmonised(observations: Observation[], extra: Partial<HarmonisedData> = {}): HarmonisedData {
  const { codelists } = shippedLists();
  const order = new Map(codelists.age.map((a, i) => [a.code, i]));
  return {
    observations: [...observations].sort(compareObservations(order)),
    rejections: [],
    conflicts: [],
    resubmissions: [],
    metadata: [],
    notes: [],
    files: [],
    net_migration: [],
    remarks: [],
    ...extra,
  };
}

export interface FixtureOptions {
  config?: Partial<ReleaseConfigInput>;
  data?: Partial<HarmonisedData>;
  breaks?: QualityInput['breaks'];
  previous?: QualityInput['previous'];
  history?: QualityInput['history'];
  benchmarks?: QualityInput['benchmarks'];
  previousReport?: QualityInput['previousReport'];
  compareWithPrevious?: boolean;
}

export function input(observations: Observation[], options: FixtureOptions = {}): QualityInput {
  const { tableSet, codelists } = shippedLists();
  return {
    config: defineReleaseConfig({ ...BASE_CONFIG, ...options.config }),
    tableSet,
    codelists,
    data: harmonised(observations, options.data),
    breaks: options.breaks ?? [],
    previous: options.previous,
    history: options.history,
    benchmarks: options.benchmarks,
    previousReport: options.previousReport,
    compareWithPrevious: options.compareWithPrevious ?? options.previousReport !== undefined,
  };
}

/**
 * A table sheet as a country lays it out: one row per category (from row 5), the columns C, D, E
 * holding total, men and women of one year. Each value is [total, men, women]; null is `..`.
 */
export function grid(prefix: string, rows: [category: string, values: (number | null)[]][], partner = true): Observation[] {
  const [ref_area = '', table = ''] = prefix.split('|');
  const out: Observation[] = [];
  rows.forEach(([category, values], i) => {
    values.forEach((v, j) => {
      const sex = ['_T', 'M', 'F'][j]!;
      const key = partner ? `${prefix}|${sex}||${category}` : `${prefix}|${sex}|${category}|`;
      out.push(o(key, v, { source: { file: `${ref_area}.xlsx`, sha256: 'f'.repeat(64), sheet: table, cell: `${'CDE'[j]}${i + 5}`, raw: v === null ? '..' : String(v) } }));
    });
  });
  return out;
}

/** A cell of a grid sheet refused at ingest, as ingest records it (no key, only its place). */
export function refusedAt(ref_area: string, table: string, cell: string, raw = '12O5'): Rejection {
  return {
    ref_area,
    table,
    source: { file: `${ref_area}.xlsx`, sha256: 'f'.repeat(64), sheet: table, cell, raw },
    reason: 'unparseable-value',
    message: `${ref_area}.xlsx, sheet "${table}", cell ${cell} "${raw}": not a number`,
    message_ru: `${ref_area}.xlsx, лист "${table}", ячейка ${cell} "${raw}": не число`,
    suggestions: [],
  };
}
