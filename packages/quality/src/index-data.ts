import type { CodeLists, Observation, SpecialPartner, TableDef, TableSet } from '@mch/core';
import { cmp } from '@mch/core';

/** The cells of one country, table, year and type, looked up by sex|age|partner. */
export interface Slice {
  ref_area: string;
  table: string;
  time_period: number;
  migr_type: string;
  cells: Map<string, Observation>;
}

export interface DataIndex {
  /** in observation order */
  slices: Slice[];
  slice(refArea: string, table: string, year: number, migrType: string): Slice | undefined;
  tables: Map<string, TableDef>;
  special: Map<string, SpecialPartner>;
  /** the countries of the release configuration, sorted */
  countries: string[];
}

export const cellKey = (sex: string, age: string, partner: string): string => `${sex}|${age}|${partner}`;
const sliceKey = (r: string, t: string, y: number, m: string): string => `${r}|${t}|${y}|${m}`;

/** One pass over the observations; every rule reads this instead of scanning the data again. */
export function indexData(observations: readonly Observation[], tableSet: TableSet, codelists: CodeLists, countries: string[]): DataIndex {
  const byKey = new Map<string, Slice>();
  const slices: Slice[] = [];
  for (const o of observations) {
    const k = sliceKey(o.ref_area, o.table, o.time_period, o.migr_type);
    let s = byKey.get(k);
    if (!s) {
      s = { ref_area: o.ref_area, table: o.table, time_period: o.time_period, migr_type: o.migr_type, cells: new Map() };
      byKey.set(k, s);
      slices.push(s);
    }
    // a reported value and the aggregate derived for the same key: the reported one is checked
    const key = cellKey(o.sex, o.age, o.partner);
    const existing = s.cells.get(key);
    if (!existing || (existing.derived && !o.derived)) s.cells.set(key, o);
  }
  return {
    slices,
    slice: (r, t, y, m) => byKey.get(sliceKey(r, t, y, m)),
    tables: new Map(tableSet.tables.map((t) => [t.id, t])),
    special: new Map(codelists.special_partners.map((p) => [p.code, p])),
    countries: [...countries].sort(cmp),
  };
}

/** Partner codes that are not summed into the total: aggregates, derived aggregates and the total itself. */
export function isAggregatePartner(code: string, special: Map<string, SpecialPartner>): boolean {
  const kind = special.get(code)?.kind;
  return kind === 'aggregate' || kind === 'derived' || kind === 'total';
}
