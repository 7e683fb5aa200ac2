import { type BreakEntry, type Observation, cmp } from '@mch/core';
import type { Remark } from './types';

export interface BreakMark {
  ref_area: string;
  table: string;
  year: number;
  text_en: string;
  text_ru: string;
}

/**
 * Every registered break, and every change of definition basis inside a series, marks the first
 * year of the new series with status `B` where the country did not flag it (definitions.md).
 *
 * Only a change of basis that no registered break covers (same country, table and year) becomes a
 * remark here: the notes show registered breaks from the break register itself, so a remark for
 * one would say the same break twice.
 */
export function markBreaks(observations: readonly Observation[], register: readonly BreakEntry[]): { observations: Observation[]; remarks: Remark[] } {
  const registered = new Set(register.flatMap((b) => b.tables.map((table) => `${b.ref_area}|${table}|${b.first_year}`)));
  // a series is one country, table and migration type: long-term and short-term flows of one
  // table each have their basis, and the two differing is not a break
  const changes = new Map(basisChangeMarks(observations).map((m) => [`${m.ref_area}|${m.table}|${m.migr_type}|${m.year}`, m]));
  const used = new Map<string, BreakMark>();
  const out = observations.map((o) => {
    if (o.derived) return o;
    const at = `${o.ref_area}|${o.table}|${o.time_period}`;
    const change = changes.get(`${o.ref_area}|${o.table}|${o.migr_type}|${o.time_period}`);
    if (!registered.has(at) && !change) return o;
    if (change && !registered.has(at)) used.set(`${at}|${change.text_en}`, change);
    return o.obs_status === 'A' && o.obs_value !== null ? { ...o, obs_status: 'B' as const } : o;
  });
  const remarks = [...used.values()].map((m) => ({
    ref_area: m.ref_area,
    table: m.table,
    text_en: `Break in series in ${m.year}: ${m.text_en}`,
    text_ru: `Разрыв ряда в ${m.year} г.: ${m.text_ru}`,
  }));
  return { observations: out, remarks };
}

function basisChangeMarks(observations: readonly Observation[]): (BreakMark & { migr_type: string })[] {
  const basisByYear = new Map<string, Map<number, string>>();
  for (const o of observations) {
    if (o.derived || !o.definition_basis) continue;
    const series = `${o.ref_area}|${o.table}|${o.migr_type}`;
    const years = basisByYear.get(series) ?? new Map<number, string>();
    years.set(o.time_period, o.definition_basis);
    basisByYear.set(series, years);
  }
  const marks: (BreakMark & { migr_type: string })[] = [];
  for (const [series, years] of [...basisByYear].sort(([a], [b]) => cmp(a, b))) {
    const [ref_area = '', table = '', migr_type = ''] = series.split('|');
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
