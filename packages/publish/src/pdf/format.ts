import { type Observation, roundedQuotient } from '@mch/core';
import { cellText, publishedCell } from '../published/build';

/** Number formats of the notes and the quality summary: fixed rules, never the machine's locale. */
export type Lang = 'en' | 'ru';

/** Whole numbers with a narrow no-break space between thousands. */
export function formatInt(v: number): string {
  const sign = v < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A decimal with a point in English and a comma in Russian (Russian readers take "1.34" for a date or a typo). */
export function formatDecimal(v: number, digits: number, lang: Lang): string {
  const text = v.toFixed(digits);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

/** A share as a percentage with one decimal and a no-break space before the sign. */
export function formatPercent(share: number, lang: Lang): string {
  return `${formatDecimal(share * 100, 1, lang)}\u00a0%`;
}

/** The share `part` of `whole` as a percentage with one decimal, rounded once, half up, from the counts: 201 of 400 is 50.3, never 50.2. */
export function shareText(part: number, whole: number): string {
  return ((roundedQuotient(part, whole, part / whole, 3) ?? 0) * 100).toFixed(1);
}

/** A published figure as the tables show it: the number with its marks ("43 166 [p]"), or the symbol of a cell without one ("[c]"). */
export function publishedFigure(o: Observation): string {
  const cell = publishedCell(o, []);
  return cell.value === null ? cellText(cell) : [formatInt(cell.value), ...cell.markers].join(' ');
}
