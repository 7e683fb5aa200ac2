import type { CompletenessCell, Observation, Rejection } from '@mch/core';
import { cmp } from '@mch/core';
import type { DataIndex } from './index-data';
import type { CompletenessCount, QualityInput, ReleaseQualityInput } from './model';
import { countryOf } from './settings';
import { getOrCreate } from './values';

/** Does the country declare it can supply this table and year (its supply matrix)? */
export function declares(input: Pick<QualityInput, 'config'>, r: string, table: string, year: number): boolean {
  const supply = countryOf(input.config, r)?.supply;
  if (!supply?.tables.includes(table)) return false;
  return (supply.years ?? input.config.reference_years).includes(year);
}

/** One country's counts per table and year of the release: observations, missing values, answered cells and refused cells. */
export function completenessCounts(input: QualityInput, index: DataIndex): Map<string, CompletenessCount> {
  const years = new Set(input.config.reference_years);
  const counts = new Map<string, CompletenessCount>();
  const at = (t: string, y: number) => getOrCreate(counts, `${t}|${y}`, () => ({ observations: 0, missing: 0, rejected: 0, present: 0 }));
  for (const s of index.slices) {
    if (!years.has(s.time_period)) continue;
    const c = at(s.table, s.time_period);
    for (const o of s.cells) {
      if (o.derived) continue;
      c.observations++;
      if (o.obs_status === 'O' || o.obs_status === 'M') c.missing++;
      if (answered(o)) c.present++;
    }
  }
  const yearOf = rejectionYears(input.data.rejections, input.data.observations);
  for (const rej of input.data.rejections) {
    const y = yearOf(rej);
    if (y !== undefined && years.has(y)) at(rej.table, y).rejected++;
  }
  return counts;
}

/** Country × table × year: reported observations, missing values and refused cells against what was declared. */
export function buildCompleteness(input: ReleaseQualityInput, counts: ReadonlyMap<string, ReadonlyMap<string, CompletenessCount>>): CompletenessCell[] {
  const years = [...new Set(input.config.reference_years)].sort((a, b) => a - b);
  const cells: CompletenessCell[] = [];
  for (const r of Object.keys(input.config.countries).sort(cmp)) {
    for (const t of input.tableSet.tables) {
      for (const y of years) {
        const c = counts.get(r)?.get(`${t.id}|${y}`);
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
export function rejectionYears(rejections: readonly Rejection[], observations: readonly Observation[]): (r: Rejection) => number | undefined {
  // only the sheets of refused cells whose year the layout did not tell are looked at
  const wanted = new Set<string>();
  for (const r of rejections) if (r.time_period === undefined && r.source.sheet) wanted.add(`${r.source.file}|${r.source.sheet}`);
  if (!wanted.size) return (r) => r.time_period;
  const byPlace = new Map<string, Set<number>>();
  const note = (k: string, y: number) => {
    const s = byPlace.get(k);
    if (s) s.add(y);
    else byPlace.set(k, new Set([y]));
  };
  let lastSheet: { file: string; sheet: string; wanted: boolean } | undefined;
  for (const o of observations) {
    if (!o.source?.sheet) continue;
    if (lastSheet?.file !== o.source.file || lastSheet.sheet !== o.source.sheet) {
      lastSheet = { file: o.source.file, sheet: o.source.sheet, wanted: wanted.has(`${o.source.file}|${o.source.sheet}`) };
    }
    if (!lastSheet.wanted) continue;
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
