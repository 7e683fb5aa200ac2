import { type Iso3, MCH12 } from './calibration';
import { BROAD, categories, FIVE_YEAR_70, FIVE_YEAR_75, isAgeTable } from './categories';
import { tableTypes } from './sheet-model';
import { getValue, SEXES, type Values } from './values';

/** One identity of tables.md that does not hold: where, and by how much. */
export interface IdentityFailure {
  identity: 'sex' | 'age' | 'partner' | 'foreign-born' | 'cross-table';
  ref_area: string;
  table: string;
  year: number;
  type: string;
  /** the category (partner or age) or sex the failure is about */
  at: string;
  difference: number;
}

const CROSS = [['T01', 'T02'], ['T04', 'T05', 'T06', 'T07'], ['T08', 'T09', 'T10']] as const;

/** Checks every identity of tables.md on one country's figures for the given tables and years. */
export function checkIdentities(country: Iso3, values: Values, tables: readonly string[], years: readonly number[]): IdentityFailure[] {
  const out: IdentityFailure[] = [];
  const v = (t: string, y: number, ty: string, s: string, c: string) => getValue(values, t, y, ty as '', s as '_T', c);
  for (const table of tables) {
    for (const year of years) {
      for (const type of tableTypes(country, table)) {
        const base = { ref_area: country, table, year, type };
        const cats = [...categories(country, table), '_T'];
        for (const c of cats) {
          const d = v(table, year, type, '_T', c)! - v(table, year, type, 'M', c)! - v(table, year, type, 'F', c)!;
          if (d !== 0) out.push({ ...base, identity: 'sex', at: c, difference: d });
        }
        const partitions = isAgeTable(table) ? (table === 'T03' ? [FIVE_YEAR_75, ...(cats.includes('Y_LT15') ? [BROAD] : [])] : [[...FIVE_YEAR_70, '_U']]) : [categories(country, table)];
        for (const part of partitions) {
          for (const sex of SEXES) {
            const d = v(table, year, type, sex, '_T')! - part.reduce((s, c) => s + v(table, year, type, sex, c)!, 0);
            if (d !== 0) out.push({ ...base, identity: isAgeTable(table) ? 'age' : 'partner', at: sex, difference: d });
          }
        }
      }
    }
  }
  for (const year of years) {
    for (const sex of SEXES) {
      if (tables.includes('T01') && tables.includes('T03')) {
        const fb = v('T01', year, '', sex, '_T')! - v('T01', year, '', sex, country)! - v('T01', year, '', sex, 'UNK')!;
        const d = v('T03', year, '', sex, '_T')! - fb;
        if (d !== 0) out.push({ identity: 'foreign-born', ref_area: country, table: 'T03', year, type: '', at: sex, difference: d });
      }
      for (const group of CROSS) {
        const present = group.filter((t) => tables.includes(t));
        for (const t of present.slice(1)) {
          const type = tableTypes(country, t)[0]!;
          const d = v(t, year, type, sex, '_T')! - v(present[0]!, year, type, sex, '_T')!;
          if (d !== 0) out.push({ identity: 'cross-table', ref_area: country, table: t, year, type, at: sex, difference: d });
        }
      }
    }
  }
  return out;
}

/** Partners' arrivals against the origin's departures, per ordered pair and year (A's T04 / B's T08). */
export function mirrorRatios(truth: Record<Iso3, Values>, year: number, mainTypeOf: (c: Iso3) => string): { dest: Iso3; origin: Iso3; arrivals: number; departures: number }[] {
  const out = [];
  for (const dest of MCH12) {
    for (const origin of MCH12) {
      if (dest === origin) continue;
      const arrivals = getValue(truth[dest], 'T04', year, mainTypeOf(dest) as '', '_T', origin) ?? 0;
      const departures = getValue(truth[origin], 'T08', year, mainTypeOf(origin) as '', '_T', dest) ?? 0;
      out.push({ dest, origin, arrivals, departures });
    }
  }
  return out;
}
