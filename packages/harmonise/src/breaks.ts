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
 */
export function markBreaks(observations: readonly Observation[], register: readonly BreakEntry[]): { observations: Observation[]; remarks: Remark[] } {
  // a registered break explains the change better than "the basis changed": it wins for its key
  const marks = [...basisChangeMarks(observations), ...registeredMarks(register)];
  const index = new Map(marks.map((m) => [`${m.ref_area}|${m.table}|${m.year}`, m]));
  const used = new Map<string, BreakMark>();
  const out = observations.map((o) => {
    const mark = index.get(`${o.ref_area}|${o.table}|${o.time_period}`);
    if (!mark || o.derived) return o;
    used.set(`${mark.ref_area}|${mark.table}|${mark.year}`, mark);
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

function registeredMarks(register: readonly BreakEntry[]): BreakMark[] {
  return register.flatMap((b) => b.tables.map((table) => ({ ref_area: b.ref_area, table, year: b.first_year, text_en: b.text_en, text_ru: b.text_ru })));
}

function basisChangeMarks(observations: readonly Observation[]): BreakMark[] {
  const basisByYear = new Map<string, Map<number, string>>();
  for (const o of observations) {
    if (o.derived || !o.definition_basis) continue;
    const series = `${o.ref_area}|${o.table}`;
    const years = basisByYear.get(series) ?? new Map<number, string>();
    years.set(o.time_period, o.definition_basis);
    basisByYear.set(series, years);
  }
  const marks: BreakMark[] = [];
  for (const [series, years] of [...basisByYear].sort(([a], [b]) => cmp(a, b))) {
    const [ref_area = '', table = ''] = series.split('|');
    const sorted = [...years].sort(([a], [b]) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const [year, basis] = sorted[i]!;
      const [, before] = sorted[i - 1]!;
      if (basis !== before) {
        marks.push({
          ref_area,
          table,
          year,
          text_en: `the definition basis changed from ${before} to ${basis}`,
          text_ru: `основа определения изменилась с ${before} на ${basis}`,
        });
      }
    }
  }
  return marks;
}
