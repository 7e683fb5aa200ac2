import type { ReleaseConfig, TableSet } from '@mch/core';
import type { Remark } from './types';

/** Where a stock's year moves to, and the remarks that say it did. */
export interface StockDates {
  yearOf(o: { ref_area: string; table: string; time_period: number; definition_basis: string }): number;
  remarks(): Remark[];
}

/** Stocks reported at 31 December of year t are published as 1 January of t+1, with a note (tables.md). */
export function stockDates(config: ReleaseConfig, tableSet: TableSet): StockDates {
  const stockTables = new Set(tableSet.tables.filter((t) => t.kind === 'stock').map((t) => t.id));
  const moved = new Map<string, Remark>();
  return {
    yearOf(o) {
      // census stocks keep the census year and date (tables.md)
      if (!stockTables.has(o.table) || o.definition_basis === 'CENSUS' || config.countries[o.ref_area]?.stock_reference !== '12-31') return o.time_period;
      const k = `${o.ref_area}|${o.table}`;
      if (!moved.has(k)) {
        moved.set(k, {
          ref_area: o.ref_area,
          table: o.table,
          text_en: 'Stocks reported at 31 December of year t are published as 1 January of year t+1.',
          text_ru: 'Численность на 31 декабря года t публикуется как численность на 1 января года t+1.',
        });
      }
      return o.time_period + 1;
    },
    remarks: () => [...moved.values()],
  };
}
