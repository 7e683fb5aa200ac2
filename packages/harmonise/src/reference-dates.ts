import type { Observation, ReleaseConfig, TableSet } from '@mch/core';
import type { Remark } from './types';

/** Stocks reported at 31 December of year t are published as 1 January of t+1, with a note (tables.md). */
export function alignStockDates(
  observations: readonly Observation[],
  config: ReleaseConfig,
  tableSet: TableSet,
): { observations: Observation[]; remarks: Remark[] } {
  const stockTables = new Set(tableSet.tables.filter((t) => t.kind === 'stock').map((t) => t.id));
  const moved = new Map<string, Remark>();
  const out = observations.map((o) => {
    // census stocks keep the census year and date (tables.md)
    if (!stockTables.has(o.table) || o.definition_basis === 'CENSUS' || config.countries[o.ref_area]?.stock_reference !== '12-31') return o;
    moved.set(`${o.ref_area}|${o.table}`, {
      ref_area: o.ref_area,
      table: o.table,
      text_en: 'Stocks reported at 31 December of year t are published as 1 January of year t+1.',
      text_ru: 'Численность на 31 декабря года t публикуется как численность на 1 января года t+1.',
    });
    return { ...o, time_period: o.time_period + 1 };
  });
  return { observations: out, remarks: [...moved.values()] };
}
