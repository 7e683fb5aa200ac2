import type { CompletenessCell, Observation, Rejection } from '@mch/core';
import { cmp } from '@mch/core';
import type { DataIndex } from './index-data';
import type { QualityInput } from './model';
import { countryOf } from './settings';
import { getOrCreate } from './values';

/** Does the country declare it can supply this table and year (its supply matrix)? */
export function declares(input: QualityInput, r: string, table: string, year: number): boolean {
  const supply = countryOf(input.config, r)?.supply;
  if (!supply?.tables.includes(table)) return false;
  return (supply.years ?? input.config.reference_years).includes(year);
}

/** Country × table × year: reported observations, missing values and refused cells against what was declared. */
export function buildCompleteness(input: QualityInput, index: DataIndex): CompletenessCell[] {
  const years = new Set(input.config.reference_years);
  const counts = new Map<string, { observations: number; missing: number; rejected: number; present: number }>();
  const at = (r: string, t: string, y: number) => getOrCreate(counts, `${r}|${t}|${y}`, () => ({ observations: 0, missing: 0, rejected: 0, present: 0 }));
  for (const s of index.slices) {
    if (!years.has(s.time_period)) continue;
    for (const o of s.cells.values()) {
      if (o.derived) continue;
      const c = at(o.ref_area, o.table, o.time_period);
      c.observations++;
      if (o.obs_status === 'O' || o.obs_status === 'M') c.missing++;
      if (answered(o)) c.present++;
    }
  }
  const yearOf = rejectionYears(input.data.observations);
  for (const rej of input.data.rejections) {
    const y = yearOf(rej);
    if (y !== undefined && years.has(y)) at(rej.ref_area, rej.table, y).rejected++;
  }
  const cells: CompletenessCell[] = [];
  for (const r of index.countries) {
    for (const t of input.tableSet.tables) {
      for (const y of [...years].sort((a, b) => a - b)) {
        const c = counts.get(`${r}|${t.id}|${y}`);
        cells.push({
          ref_area: r,
          table: t.id,
          time_period: y,
          expected: declares(input, r, t.id, y),
          observations: c?.observations ?? 0,
          missing_values: c?.missing ?? 0,
          rejected: c?.rejected ?? 0,
          present: c?.present ?? 0,
        });
      }
    }
  }
  return cells.sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table) || a.time_period - b.time_period);
}

/** A cell the country answered: a figure, `x` (cannot exist) or a confidential one; `..` and blanks are holes. */
export function answered(o: Observation): boolean {
  return o.obs_value !== null || o.obs_status === 'M' || o.conf_status !== 'F';
}

const COLUMN = /^([A-Z]+)(\d+)$/;

/**
 * The year of a refused cell: the one ingest recorded where the layout told it (a CSV line's
 * TIME_PERIOD), else read from its neighbours: the accepted cells of the same sheet in the same
 * column, else the same row, else the sheet when it holds one year. Others stay unattributed.
 */
export function rejectionYears(observations: readonly Observation[]): (r: Rejection) => number | undefined {
  const byPlace = new Map<string, Set<number>>();
  const note = (k: string, y: number) => {
    const s = byPlace.get(k);
    if (s) s.add(y);
    else byPlace.set(k, new Set([y]));
  };
  for (const o of observations) {
    if (!o.source?.sheet) continue;
    const m = COLUMN.exec(o.source.cell);
    const base = `${o.source.file}|${o.source.sheet}`;
    note(`${base}|sheet`, o.time_period);
    if (!m) continue;
    note(`${base}|col|${m[1]}`, o.time_period);
    note(`${base}|row|${m[2]}`, o.time_period);
  }
  const only = (k: string): number | undefined => {
    const s = byPlace.get(k);
    return s?.size === 1 ? [...s][0] : undefined;
  };
  return (r) => {
    if (r.time_period !== undefined) return r.time_period;
    if (!r.source.sheet) return undefined;
    const base = `${r.source.file}|${r.source.sheet}`;
    const m = COLUMN.exec(r.source.cell);
    return (m && (only(`${base}|col|${m[1]}`) ?? only(`${base}|row|${m[2]}`))) || only(`${base}|sheet`);
  };
}
