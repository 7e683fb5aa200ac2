import { type BreakEntry, type ObsStatus, cmp } from '@mch/core';
import type { Remark } from './types';

export interface BreakMark {
  ref_area: string;
  table: string;
  year: number;
  text_en: string;
  text_ru: string;
}

/**
 * The definition basis of each series year by year, as harmonise assigned it: a series is one
 * country, table and migration type (long-term and short-term flows of one table each have their
 * basis, and the two differing is not a break). The last observation of a year speaks for it.
 */
export class BasisSeries {
  readonly years = new Map<string, Map<number, string>>();
  private last: { refArea: string; table: string; migrType: string; years: Map<number, string> } | undefined;

  note(refArea: string, table: string, migrType: string, year: number, basis: string): void {
    if (!basis) return;
    const l = this.last;
    if (l && l.refArea === refArea && l.table === table && l.migrType === migrType) {
      l.years.set(year, basis);
      return;
    }
    const series = `${refArea}|${table}|${migrType}`;
    const years = this.years.get(series) ?? new Map<number, string>();
    this.years.set(series, years);
    years.set(year, basis);
    this.last = { refArea, table, migrType, years };
  }
}

/** The status of each observation after the breaks are marked, and the remarks for them. */
export interface BreakMarker {
  statusOf(refArea: string, table: string, migrType: string, year: number, status: ObsStatus, value: number | null, derived: boolean): ObsStatus;
  remarks(): Remark[];
}

/**
 * Every registered break, and every change of definition basis inside a series, marks the first
 * year of the new series with status `B` where the country did not flag it (definitions.md).
 *
 * Only a change of basis that no registered break covers (same country, table and year) becomes a
 * remark here: the notes show registered breaks from the break register itself, so a remark for
 * one would say the same break twice.
 */
export function breakMarker(register: readonly BreakEntry[], series: BasisSeries): BreakMarker {
  const registered = new Set(register.flatMap((b) => b.tables.map((table) => `${b.ref_area}|${table}|${b.first_year}`)));
  const changes = new Map(basisChangeMarks(series).map((m) => [`${m.ref_area}|${m.table}|${m.migr_type}|${m.year}`, m]));
  // only the tables that have a break at all are looked at further
  const touched = new Map<string, Set<string>>();
  for (const k of [...registered, ...changes.keys()]) {
    const [refArea = '', table = ''] = k.split('|');
    touched.set(refArea, (touched.get(refArea) ?? new Set<string>()).add(table));
  }
  const used = new Map<string, BreakMark>();
  return {
    statusOf(refArea, table, migrType, year, status, value, derived) {
      if (derived || !touched.get(refArea)?.has(table)) return status;
      const at = `${refArea}|${table}|${year}`;
      const change = changes.get(`${refArea}|${table}|${migrType}|${year}`);
      if (!registered.has(at) && !change) return status;
      if (change && !registered.has(at)) used.set(`${at}|${change.text_en}`, change);
      return status === 'A' && value !== null ? 'B' : status;
    },
    remarks: () =>
      [...used.values()].map((m) => ({
        ref_area: m.ref_area,
        table: m.table,
        text_en: `Break in series in ${m.year}: ${m.text_en}`,
        text_ru: `Разрыв ряда в ${m.year} г.: ${m.text_ru}`,
      })),
  };
}

function basisChangeMarks(series: BasisSeries): (BreakMark & { migr_type: string })[] {
  const marks: (BreakMark & { migr_type: string })[] = [];
  for (const [key, years] of [...series.years].sort(([a], [b]) => cmp(a, b))) {
    const [ref_area = '', table = '', migr_type = ''] = key.split('|');
    const sorted = [...years].sort(([a], [b]) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const [year, basis] = sorted[i]!;
      const [, before] = sorted[i - 1]!;
      if (basis !== before) {
        marks.push({
          ref_area,
          table,
          migr_type,
          year,
          text_en: `the definition basis changed from ${before} to ${basis}`,
          text_ru: `основа определения изменилась с ${before} на ${basis}`,
        });
      }
    }
  }
  return marks;
}
