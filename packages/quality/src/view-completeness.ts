import type { CompletenessCell, QualityReport } from '@mch/core';
import { cmp } from '@mch/core';
import { fmt, pct, pctOf } from './format';

/** Classes of a completeness cell by the share of cells present, with their colours (HTML and PDF). */
export const COMPLETENESS_COLOURS = {
  'c-full': { fill: '#cfead4', en: '95 % or more of the cells present', ru: '95 % ячеек и более' },
  'c-most': { fill: '#e6f2c2', en: '75–95 %', ru: '75–95 %' },
  'c-part': { fill: '#fde8b0', en: '25–75 %', ru: '25–75 %' },
  'c-few': { fill: '#f8c79b', en: 'under 25 %', ru: 'менее 25 %' },
  'c-empty': { fill: '#f4a09a', en: 'received, but no cell has a figure', ru: 'получено, но ни в одной ячейке нет значения' },
  'c-late': { fill: '#e37b74', en: '! declared, not received', ru: '! заявлено, но не получено' },
  'c-none': { fill: '#f4f4f4', en: 'not declared, not received', ru: 'не заявлено и не получено' },
} as const;
export type CompletenessClass = keyof typeof COMPLETENESS_COLOURS;

/** Present cells (a figure, `x` or confidential) against the cells received, refused ones included. */
export function shareOf(c: CompletenessCell): { present: number; received: number; share: number | null } {
  const received = c.observations + c.rejected;
  const present = c.present ?? c.observations - c.missing_values;
  return { present, received, share: received ? present / received : null };
}

function classOf(c: CompletenessCell | undefined): CompletenessClass {
  if (!c) return 'c-none';
  const { present, share } = shareOf(c);
  if (share === null) return c.expected ? 'c-late' : 'c-none';
  if (present === 0) return 'c-empty';
  return share >= 0.95 ? 'c-full' : share >= 0.75 ? 'c-most' : share >= 0.25 ? 'c-part' : 'c-few';
}

/**
 * Country × table × year, coloured by the share of cells present. Each cell says how many cells
 * have a figure, and of how many received when that is not all of them ("0/93": a hole).
 */
export function completenessView(report: Pick<QualityReport, 'completeness'>, countries: string[]) {
  const tables = [...new Set(report.completeness.map((c) => c.table))].sort(cmp);
  const years = [...new Set(report.completeness.map((c) => c.time_period))].sort((a, b) => a - b);
  const cell = new Map(report.completeness.map((c) => [`${c.ref_area}|${c.table}|${c.time_period}`, c]));
  return {
    tables: tables.map((t) => ({ id: t, span: years.length })),
    years: tables.flatMap(() => years),
    rows: countries.map((r) => ({
      ref_area: r,
      cells: tables.flatMap((t) =>
        years.map((y) => {
          const c = cell.get(`${r}|${t}|${y}`);
          const cls = classOf(c);
          if (!c || cls === 'c-none' || cls === 'c-late') return { text: cls === 'c-late' ? '!' : '', cls, title: `${r} ${t} ${y}: ${cls === 'c-late' ? 'declared, not received' : 'not declared, not received'}` };
          const { present, received } = shareOf(c);
          const text = present === received ? fmt(present) : `${fmt(present)}/${fmt(received)}`;
          const title = `${r} ${t} ${y}: ${fmt(present)} of ${fmt(received)} cells present (${received ? pctOf(present, received) : pct(0)}); ${fmt(c.missing_values)} missing or cannot exist, ${fmt(c.rejected)} refused${c.expected ? '; declared' : '; not declared'}`;
          return { text, cls, title };
        }),
      ),
    })),
    legend: Object.entries(COMPLETENESS_COLOURS).map(([cls, v]) => ({ cls, en: v.en, ru: v.ru })),
  };
}
