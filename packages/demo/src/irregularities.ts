import { cellKey, type SexCode, type TypeCode, type Values } from './values';

/** A deliberate irregularity of a kind quality.md catches, listed in data/raw/README.md. */
export interface Planted {
  rule: string;
  ref_area: string;
  table: string;
  time_period: number;
  migr_type: TypeCode;
  /** the cells, as category/sex */
  cells: string;
  file: string;
  what: string;
  handled: string;
}

function add(values: Values, table: string, year: number, type: TypeCode, sex: SexCode, category: string, delta: number): void {
  const key = cellKey(table, year, type, sex, category);
  const old = values.get(key);
  if (old === undefined) throw new Error(`no cell ${key}`);
  if (old + delta < 0) throw new Error(`cell ${key} would turn negative`);
  values.set(key, old + delta);
}

/** Moves persons between two partners, both sexes kept additive, totals unchanged. */
export function movePersons(values: Values, table: string, year: number, type: TypeCode, from: string, to: string, men: number, women: number): void {
  add(values, table, year, type, '_T', from, -(men + women));
  add(values, table, year, type, 'M', from, -men);
  add(values, table, year, type, 'F', from, -women);
  add(values, table, year, type, '_T', to, men + women);
  add(values, table, year, type, 'M', to, men);
  add(values, table, year, type, 'F', to, women);
}

/** ARM T05 2010: men from the Russian Federation keyed 7 too high, and the men's total with them. */
export function armSexSum(values: Values): void {
  add(values, 'T05', 2010, 'LT', 'M', 'RUS', 7);
  add(values, 'T05', 2010, 'LT', 'M', '_T', 7);
}

/** TJK T11 2010: the year's block typed with three extra zeros. */
export function tjkUnitError(values: Values): void {
  for (const [key, v] of values) if (key.startsWith('T11|2010|')) values.set(key, v * 1000);
}

/** ARM's 2013 revision of 2010: unspecified origins re-coded to Germany. */
export function armRevision(values: Values): void {
  movePersons(values, 'T04', 2010, 'LT', 'OTH', 'DEU', 7, 5);
  movePersons(values, 'T05', 2010, 'LT', 'OTH', 'DEU', 7, 5);
}

/** UKR's second 2013 file: 40 departures of 2012 with unknown destination re-coded to Poland. */
export function ukrConflict(values: Values): void {
  movePersons(values, 'T08', 2012, 'NAT', 'UNK', 'POL', 25, 15);
}

export const PLANTED: readonly Planted[] = [
  {
    rule: 'MCH-A01',
    ref_area: 'ARM',
    table: 'T05',
    time_period: 2010,
    migr_type: 'LT',
    cells: 'sheet T05, G14 (Russian Federation, men 2010) and G39 (Total, men 2010)',
    file: '2011/ARM_questionnaire_2011.xlsx',
    what: 'men keyed 7 too high: Total 2010 ≠ Men + Women by 7 in the Russian Federation row and in the Total row',
    handled: 'waived in 2011.1 (expires 2013.1); corrected by the superseding file 2013/ARM_resubmission_2010.xlsx',
  },
  {
    rule: 'MCH-T01',
    ref_area: 'TJK',
    table: 'T11',
    time_period: 2010,
    migr_type: '',
    cells: 'sheet "t11 acquisitions", E6:G36 (the whole 2010 block)',
    file: '2011/TJK_questionnaire_2011.xlsx',
    what: 'unit error: 2010 acquisitions about 1000× the 2009 figures',
    handled: 'waived in 2011.1 (warning; expires 2013.1); corrected by the superseding file 2013/TJK_T11_2010_corrected.xlsx',
  },
  {
    rule: 'MCH-T01',
    ref_area: 'KAZ',
    table: 'T08',
    time_period: 2012,
    migr_type: 'NAT',
    cells: 'sheet «Т08», the 2012 columns (E:G) of the Total and partner rows; also T09 and T10',
    file: '2013/KAZ_questionnaire_2013.xlsx',
    what: 'undeclared break: emigration 2012 ≈ 1.9 × 2011, no break registered or documented in the Metadata sheet',
    handled: 'not waived: a warning for the CES session (ask the office what changed)',
  },
  {
    rule: 'MCH-M01',
    ref_area: 'TJK',
    table: 'T08',
    time_period: 2012,
    migr_type: 'NAT',
    cells: 'partner RUS, every year (against RUS T04 partner TJK)',
    file: '2011/TJK_questionnaire_2011.xlsx, 2013/TJK_questionnaire_2013.xlsx',
    what: 'strong mirror asymmetry: the Russian Federation registers about 6.5 times the arrivals from Tajikistan that Tajikistan registers as departures to it',
    handled: 'information only (the mirror table shows it)',
  },
  {
    rule: 'MCH-S02',
    ref_area: 'UKR',
    table: 'T08',
    time_period: 2012,
    migr_type: 'NAT',
    cells: 'sheet "Таблица 8" of the second file, B23:D23 (Poland) and B35:D35 (unknown)',
    file: '2013/UKR_T08_2012_second_file.xlsx against 2013/UKR_questionnaire_2013.xlsx',
    what: 'conflicting resubmission: a second file, not marked as superseding, re-codes 40 departures of 2012 from "unknown" to Poland',
    handled: 'waived in 2013.1 (the office confirmed the first file stands; expires 2014.1)',
  },
];
