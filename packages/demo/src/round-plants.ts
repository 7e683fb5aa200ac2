import type { Iso3 } from './calibration';
import { movePersons } from './irregularities';
import type { CellMark, FileSpec } from './plan';
import { cellKey, type SexCode, type TypeCode, type Values } from './values';

/** An error planted in the round, and the finding `mch check` must raise for it. */
export interface RoundPlant {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  ref_area: Iso3;
  /** the table the finding names ('' for a country-level finding) */
  table: string;
  /** the year the finding names (null: about the country or the run) */
  time_period: number | null;
  /** text the finding's message must hold */
  says?: string;
  what: string;
}

/** A place where nothing is wrong though a careless rule would say so: no error or warning may be raised there. */
export interface RoundTrap {
  ref_area: Iso3;
  table: string;
  years: readonly number[];
  /** only findings on this partner row; undefined: any finding of the table and year */
  partner?: string;
  /** only these rules (the ones a careless reading would raise); undefined: any rule */
  rules?: readonly string[];
  what: string;
}

/** What the round does to one country's questionnaire: value slips, extra rows, cell texts, symbols. */
export interface CountryPlan {
  mutate?: (values: Values) => void;
  extraRows?: Record<string, string[]>;
  cellText?: FileSpec['cellText'];
  marks?: CellMark[];
}

function add(values: Values, table: string, year: number, type: TypeCode, sex: SexCode, category: string, delta: number): void {
  const key = cellKey(table, year, type, sex, category);
  const old = values.get(key);
  if (old === undefined || old + delta < 0) throw new Error(`cannot plant ${delta} at ${key}`);
  values.set(key, old + delta);
}

/** A row the table cannot hold (the country itself, the USSR as residence), filled from "other countries". */
function impossibleRow(values: Values, table: string, year: number, type: TypeCode, category: string, men: number, women: number): void {
  for (const sex of ['_T', 'M', 'F'] as const) values.set(cellKey(table, year, type, sex, category), 0);
  movePersons(values, table, year, type, 'OTH', category, men, women);
}

const mutateAll =
  (...steps: ((v: Values) => void)[]) =>
  (v: Values) => {
    for (const s of steps) s(v);
  };

/**
 * Every country's questionnaire changes. Each plant keeps every identity but the one its rule
 * checks (a slip in a partner row is made in its total and men alike), so the finding is the
 * rule's own.
 */
export const ROUND_PLANS: Partial<Record<Iso3, CountryPlan>> = {
  // A01: men from the Russian Federation keyed 7 too high, and the men's total with them
  // A05: Armenia as its own country of next residence
  ARM: {
    mutate: mutateAll(
      (v) => add(v, 'T05', 2012, 'LT', 'M', 'RUS', 7),
      (v) => add(v, 'T05', 2012, 'LT', 'M', '_T', 7),
      (v) => impossibleRow(v, 'T08', 2011, 'LT', 'ARM', 6, 5),
    ),
    extraRows: { T08: ['ARM'] },
  },
  // I01: an unreadable figure ("12O5", letter O) in the Türkiye row; T02: a break flagged "b" and explained nowhere
  AZE: {
    cellText: (c) => {
      if (c.table === 'T05' && c.year === 2012 && c.sex === '_T' && c.category === 'TUR') return '12O5';
      return undefined;
    },
    marks: [{ table: 'T04', years: [2011], categories: ['_T'], sexes: ['_T'], kind: 'footnote', symbol: ' b' }],
  },
  // A03: 25 men from Germany added to the row, not to the total
  GEO: { mutate: mutateAll((v) => add(v, 'T04', 2012, 'NAT', '_T', 'DEU', 25), (v) => add(v, 'T04', 2012, 'NAT', 'M', 'DEU', 25)) },
  // A02: 30 men aged 20–24 added to the group, not to the total
  KAZ: { mutate: mutateAll((v) => add(v, 'T07', 2012, 'NAT', '_T', 'Y20-24', 30), (v) => add(v, 'T07', 2012, 'NAT', 'M', 'Y20-24', 30)) },
  // S01: the USSR as country of previous residence
  KGZ: { mutate: (v) => impossibleRow(v, 'T04', 2012, 'NAT', 'SUN', 3, 2), extraRows: { T04: ['SUN'] } },
  // A05: Moldova as its own country of previous residence; S03: Germany alone confidential in T09
  MDA: {
    mutate: (v) => impossibleRow(v, 'T04', 2012, 'NAT', 'MDA', 9, 6),
    extraRows: { T04: ['MDA'] },
    marks: [{ table: 'T09', years: [2012], categories: ['DEU'], kind: 'confidential', symbol: 'c' }],
  },
  // A05: Tajikistan as its own previous citizenship; T01: the 2011 acquisitions typed in thousands' place (×1000)
  TJK: {
    mutate: mutateAll(
      (v) => impossibleRow(v, 'T11', 2012, '', 'TJK', 4, 3),
      (v) => {
        for (const [key, x] of v) if (key.startsWith('T11|2011|')) v.set(key, x * 1000);
      },
    ),
    extraRows: { T11: ['TJK'] },
  },
  // T03: the 2010 immigration total still provisional, as in the two releases before
  UKR: { marks: [{ table: 'T04', years: [2010], categories: ['_T'], sexes: ['_T'], kind: 'provisional', symbol: '*' }] },
  // C01: every 2010 cell of T06 "..": a hole; A04: the 2012 T06 total 40 above the other immigration tables
  UZB: {
    marks: [{ table: 'T06', years: [2010], kind: 'missing', symbol: '..', note: 'Примечание: .. — данные за 2010 год по стране рождения не разрабатывались.' }],
    mutate: mutateAll(
      (v) => add(v, 'T06', 2012, 'NAT', '_T', '_T', 40),
      (v) => add(v, 'T06', 2012, 'NAT', 'M', '_T', 40),
      (v) => add(v, 'T06', 2012, 'NAT', '_T', 'DEU', 40),
      (v) => add(v, 'T06', 2012, 'NAT', 'M', 'DEU', 40),
    ),
  },
};

export const ROUND_PLANTS: readonly RoundPlant[] = [
  { rule: 'MCH-I01', severity: 'error', ref_area: 'AZE', table: 'T05', time_period: 2012, says: 'unparseable-value', what: 'an unreadable figure "12O5" in the Türkiye row' },
  { rule: 'MCH-S01', severity: 'error', ref_area: 'KGZ', table: 'T04', time_period: 2012, says: 'SUN', what: 'the USSR as country of previous residence' },
  { rule: 'MCH-S02', severity: 'error', ref_area: 'UKR', table: 'T08', time_period: 2012, what: 'a second T08 file, not superseding, re-codes 40 departures from unknown to Poland' },
  { rule: 'MCH-S03', severity: 'error', ref_area: 'MDA', table: 'T09', time_period: 2012, says: 'discloses the confidential cell', what: 'Germany the only confidential row of T09' },
  { rule: 'MCH-A01', severity: 'error', ref_area: 'ARM', table: 'T05', time_period: 2012, says: 'difference -7', what: 'men keyed 7 too high in the Russian Federation and Total rows' },
  { rule: 'MCH-A02', severity: 'error', ref_area: 'KAZ', table: 'T07', time_period: 2012, says: 'age groups', what: '30 men aged 20–24 added to the group, not to the total' },
  { rule: 'MCH-A03', severity: 'error', ref_area: 'GEO', table: 'T04', time_period: 2012, says: 'sum of', what: '25 men from Germany added to the row, not to the total' },
  { rule: 'MCH-A04', severity: 'error', ref_area: 'UZB', table: 'T06', time_period: 2012, says: 'declared as one source', what: 'the T06 total 40 above T04 (tables declared as one source)' },
  { rule: 'MCH-A05', severity: 'error', ref_area: 'MDA', table: 'T04', time_period: 2012, says: 'own country of previous residence', what: 'Moldova as its own previous residence' },
  { rule: 'MCH-A05', severity: 'error', ref_area: 'ARM', table: 'T08', time_period: 2011, says: 'own country of next residence', what: 'Armenia as its own next residence' },
  { rule: 'MCH-A05', severity: 'error', ref_area: 'TJK', table: 'T11', time_period: 2012, says: 'own previous citizenship', what: 'Tajikistan as its own previous citizenship' },
  { rule: 'MCH-C01', severity: 'warning', ref_area: 'UZB', table: 'T06', time_period: 2010, says: '(100 %)', what: 'every cell of T06 2010 missing' },
  { rule: 'MCH-C02', severity: 'warning', ref_area: 'TKM', table: 'T08', time_period: 2012, says: 'partner unknown', what: 'departures of unknown destination above 5 % (every year)' },
  { rule: 'MCH-T01', severity: 'warning', ref_area: 'TJK', table: 'T11', time_period: 2011, says: 'likely reported in thousands', what: 'the 2011 acquisitions 1000× too large' },
  { rule: 'MCH-T01', severity: 'warning', ref_area: 'KAZ', table: 'T08', time_period: 2012, says: 'undeclared break', what: 'emigration nearly doubled in 2012, no break registered' },
  { rule: 'MCH-T02', severity: 'warning', ref_area: 'AZE', table: 'T04', time_period: 2011, what: 'a break flagged "b" that no register or Metadata sheet explains' },
  { rule: 'MCH-T03', severity: 'warning', ref_area: 'UKR', table: 'T04', time_period: 2010, says: 'still provisional', what: 'the 2010 total provisional in 2023.1, 2024.1 and still now' },
  { rule: 'MCH-G01', severity: 'error', ref_area: 'TKM', table: '', time_period: null, says: 'no clearance', what: 'no clearance for publication recorded' },
  { rule: 'MCH-M01', severity: 'info', ref_area: 'RUS', table: 'T04', time_period: 2012, says: 'from TJK', what: 'the Russian Federation registers about 6.5 times the arrivals from Tajikistan that Tajikistan registers as departures' },
  { rule: 'MCH-B01', severity: 'info', ref_area: 'GEO', table: 'T04−T08', time_period: 2012, says: 'signs differ', what: 'the benchmark of 2012 has the opposite sign of the national net migration' },
  { rule: 'MCH-R01', severity: 'info', ref_area: 'RUS', table: 'T04', time_period: 2011, says: 'revised from', what: 'the 2011 immigration total published 500 lower in 2024.1' },
  { rule: 'MCH-W01', severity: 'warning', ref_area: 'UZB', table: 'T03', time_period: 2011, says: 'matches no finding', what: 'a waiver that matches nothing' },
];

export const ROUND_TRAPS: readonly RoundTrap[] = [
  { ref_area: 'RUS', table: 'T04', years: [2011], what: 'a registered break (the 9-month stay rule of 2011) with a big jump' },
  { ref_area: 'RUS', table: 'T08', years: [2011], what: 'the same break in emigration' },
  { ref_area: 'KGZ', table: 'T05', years: [2010, 2011, 2012], partner: 'KGZ', what: 'own citizens among immigrants' },
  { ref_area: 'UKR', table: 'T09', years: [2010, 2011, 2012], partner: 'UKR', what: 'own citizens among emigrants' },
  { ref_area: 'KAZ', table: 'T01', years: [2010, 2011, 2012], partner: 'SUN', what: 'the USSR in a country-of-birth table' },
  { ref_area: 'BLR', table: 'T06', years: [2010, 2011, 2012], partner: 'SUN', what: 'the USSR as country of birth of immigrants' },
  { ref_area: 'TKM', table: 'T11', years: [2010, 2011, 2012], what: 'two confidential partner rows (China, Korea): sums skip, nothing disclosed' },
  { ref_area: 'UZB', table: 'T02', years: [2010, 2011, 2012], what: 'two confidential partner rows (China, Korea): sums skip, nothing disclosed' },
  { ref_area: 'AZE', table: 'T05', years: [2012], rules: ['MCH-A01', 'MCH-A03', 'MCH-S03'], what: 'a refused figure: the sums it is a part of skip, never fail' },
];
