import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '@mch/core';

/**
 * Tier sizes of scale-and-safety.md. S: the demo's shape (standard partner rows); M and L: every
 * ISO country as partner, every table and migration type, so one M country is the 276 000-row
 * file of issue 13 and L comes to about 3 × 10⁷ observations.
 */
export const TIERS = {
  S: { countries: 12, years: 4, partners: 'standard' },
  M: { countries: 12, years: 20, partners: 'all' },
  L: { countries: 56, years: 30, partners: 'all' },
} as const;
export type Tier = keyof typeof TIERS;

/** A partner as one office writes it: its code, or its English or Russian name. */
export interface WrittenPartner {
  code: string;
  label: string;
}

export interface CountryInput {
  ref_area: string;
  partners: readonly WrittenPartner[];
  years: readonly number[];
  seed: number;
}

/**
 * The tables in the order written. The first table of each group of tables.md's cross totals sets
 * the totals (by type, year and sex) that the others of the group share out among their rows, so
 * MCH-A04 finds the agreement real tables mostly have.
 */
const TABLES: readonly { id: string; dim: 'age' | 'partner'; shares?: string }[] = [
  { id: 'T01', dim: 'partner' },
  { id: 'T02', dim: 'partner', shares: 'T01' },
  { id: 'T03', dim: 'age' },
  { id: 'T04', dim: 'partner' },
  { id: 'T05', dim: 'partner', shares: 'T04' },
  { id: 'T06', dim: 'partner', shares: 'T04' },
  { id: 'T07', dim: 'age', shares: 'T04' },
  { id: 'T08', dim: 'partner' },
  { id: 'T09', dim: 'partner', shares: 'T08' },
  { id: 'T10', dim: 'age', shares: 'T08' },
  { id: 'T11', dim: 'partner' },
];
const FLOW = new Set(['T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10']);
const TYPES = ['LT', 'ST', 'NAT'];
/** STLS is allowed in these tables only (codelists.yaml), so only these carry a stateless row. */
const STATELESS = new Set(['T02', 'T05', 'T09', 'T11']);
const AGES = ['Y_LT5', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', 'Y_GE85'];
const SEXES = ['M', 'F'] as const;
/** Sexes as some offices' databases export them: codes, English or Russian words, one writing per table. */
const SEX_WRITING: Record<string, Record<'M' | 'F' | '_T', string>> = {
  T01: { M: 'Men', F: 'Women', _T: 'Total' },
  T02: { M: 'Males', F: 'Females', _T: 'Both sexes' },
  T04: { M: 'Мужчины', F: 'Женщины', _T: 'Всего' },
};
const SEX_CODES = { M: 'M', F: 'F', _T: '_T' } as const;
/** Thousands separators some tables are written with (submissions.md: numbers stored as text). */
const SEPARATOR: Record<string, string> = { T01: ' ', T02: ' ', T11: '\u00a0' };

export const HEADER = 'REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE';

/**
 * Writes one country's long CSV (submissions.md §2), streaming: every table and type, by sex
 * with the sex and partner (or age) totals, so every identity holds. Values follow smooth series
 * (a level per series, a trend, a few per cent of noise, rare jumps) and a flow between two
 * reporting countries has one level on both sides (A's immigrants from B, T04, and B's emigrants
 * to A, T08), so the mirror and year-on-year rules find what real data gives them, not noise.
 * A few cells hold a symbol or a flag. Returns the number of data rows.
 */
export async function writeCountryCsv(path: string, input: CountryInput): Promise<number> {
  const out = createWriteStream(path);
  let chunk = `${HEADER}\n`;
  let rows = 0;
  const flush = async () => {
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  const random = mulberry32(input.seed);
  const { ref_area, years } = input;
  const emit = async (table: string, type: string, year: number, sex: 'M' | 'F' | '_T', age: string, partner: string, value: string) => {
    const sexText = (SEX_WRITING[table] ?? SEX_CODES)[sex];
    chunk += `${ref_area},${table},${year},${type},${sexText},${age},${partner},${value}\n`;
    rows++;
    if (chunk.length > 1 << 16) await flush();
  };
  // the totals a group's first table set, by table, type and year
  const totals = new Map<string, { M: number; F: number }>();
  const block = async (table: (typeof TABLES)[number], type: string, year: number, cells: readonly { written: string; level: number }[]) => {
    const at = years.indexOf(year);
    const values = SEXES.map((sex) => cells.map((c) => seriesValue(c.level * (sex === 'M' ? 0.55 : 0.45), at, random)));
    const target = table.shares ? totals.get(`${table.shares}|${type}|${year}`) : undefined;
    if (target) for (const [s, sex] of SEXES.entries()) shareOut(values[s]!, target[sex]);
    const sum = { M: 0, F: 0 };
    for (let i = 0; i < cells.length; i++) {
      const [m, f] = [values[0]![i]!, values[1]![i]!];
      sum.M += m;
      sum.F += f;
      const [age, partner] = placed(table.dim, cells[i]!.written);
      await emit(table.id, type, year, 'M', age, partner, written(m, table.id, random));
      await emit(table.id, type, year, 'F', age, partner, written(f, table.id, random));
      await emit(table.id, type, year, '_T', age, partner, written(m + f, table.id, random));
    }
    totals.set(`${table.id}|${type}|${year}`, sum);
    const [age, partner] = placed(table.dim, 'Total');
    for (const sex of SEXES) await emit(table.id, type, year, sex, age, partner, String(sum[sex]));
    await emit(table.id, type, year, '_T', age, partner, String(sum.M + sum.F));
  };
  const residual = [
    { code: 'OTH', label: 'Other countries' },
    { code: 'UNK', label: 'Не указано' },
  ];
  for (const table of TABLES) {
    const rowsOf = table.dim === 'age' ? AGES.map((a) => ({ code: a, label: a })) : [...input.partners, ...residual, ...(STATELESS.has(table.id) ? [{ code: 'STLS', label: 'Stateless' }] : [])];
    for (const type of FLOW.has(table.id) ? TYPES : ['']) {
      const cells = rowsOf.map((p) => ({ written: field(p.label), level: rowLevel(ref_area, table, type, p.code) }));
      for (const year of years) await block(table, type, year, cells);
    }
  }
  await flush();
  out.end();
  await once(out, 'close');
  return rows;
}

/**
 * The level of a series. A flow between two countries (T04 of the receiving one, T08 of the
 * sending one) is keyed by its direction, not by who reports it, so both sides tell one story;
 * the unknown partner stays a small share (MCH-C02 warns above 5 %).
 */
function rowLevel(ref_area: string, table: (typeof TABLES)[number], type: string, code: string): number {
  if (table.dim === 'age') return level(hash(`${ref_area}|${table.id}|${type}|${code}`)) * 4;
  if (code === 'UNK') return level(hash(`${ref_area}|${table.id}|${type}|UNK`)) * 0.02;
  if (table.id === 'T04') return level(hash(`flow|${code}>${ref_area}|${type}`));
  if (table.id === 'T08') return level(hash(`flow|${ref_area}>${code}|${type}`));
  return level(hash(`${ref_area}|${table.id}|${type}|${code}`));
}

/** Scales the rows to a given total in whole persons, the rounding remainder on the largest row. */
function shareOut(values: number[], total: number): void {
  const sum = values.reduce((s, v) => s + v, 0);
  let largest = 0;
  let given = 0;
  for (let i = 0; i < values.length; i++) {
    values[i] = sum > 0 ? Math.floor((values[i]! * total) / sum) : 0;
    given += values[i]!;
    if (values[i]! > values[largest]!) largest = i;
  }
  values[largest]! += total - given;
}

/** Heavy-tailed like real partner rows: most are small, a few are large (1 to 20 000 persons). */
function level(h: number): number {
  return Math.exp((h / 4294967296) * Math.log(20000));
}

/** Trend of a few per cent a year, ±3 % noise, and one jump in 500 (what MCH-T01 finds). */
function seriesValue(base: number, yearIndex: number, random: () => number): number {
  const trend = 1 + ((base * 7919) % 1) * 0.06 - 0.03;
  const noise = 1 + (random() - 0.5) * 0.06;
  const jump = random() < 0.002 ? 3 : 1;
  return Math.floor(base * trend ** yearIndex * noise * jump);
}

/**
 * A value as written: mostly a number (with separators in some tables), sometimes a flag, or a
 * symbol of the default legend: `-` and `x` (cannot exist) for a zero only, `..` hiding a value
 * the totals still hold (the identities then skip, as they do on real tables).
 */
function written(v: number, table: string, random: () => number): string {
  const r = random();
  if (v === 0 && r < 0.6) return r < 0.5 ? '-' : 'x';
  if (r < 0.003) return '..';
  const sep = SEPARATOR[table];
  const digits = sep ? String(v).replace(/\B(?=(\d{3})+$)/g, sep) : String(v);
  if (r < 0.013) return `${digits}*`;
  if (r < 0.018) return `${digits} p`;
  return digits;
}

/** FNV-1a: the same series level on every machine and in every run. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The AGE and PARTNER fields of a row: the category goes in one, the other stays empty. */
const placed = (dim: 'age' | 'partner', text: string): [string, string] => (dim === 'age' ? [text, ''] : ['', text]);
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
