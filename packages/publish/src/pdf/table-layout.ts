/** Width of the text area of an A4 page (595 pt) between 50 pt margins, in points. */
export const TEXT_WIDTH = 595 - 2 * 50;
/** Generous width of one character at the tables' 8 pt (DejaVu Sans digits are 0.64 em), in points. */
const CHAR_WIDTH = 5.2;
/** Bold header text is wider; bold Cyrillic lower case wider still (DejaVu Sans Bold "ш", "щ", "ю" are 0.9 em and more). */
const BOLD = 1.1;
const BOLD_CYRILLIC = 1.2;
const boldWidth = (t: string) => (/[\u0400-\u04ff]/.test(t) ? BOLD_CYRILLIC : BOLD);
/** pdfmake's padding left and right of a cell, in points. */
const CELL_PADDING = 8;
/** A cell this short is kept on one line: country names ("Republic of Moldova") never break in two. */
const NO_WRAP_LENGTH = 20;
/** Text longer than this takes a share of the free width. */
const LONG_TEXT = 24;

/**
 * Figures (with the tables' marks after them, "5 254 [e]"), the symbol of a cell without a figure
 * ("[c]"), dashes, ratios and percentages: such a column is right-aligned and as narrow as its content.
 */
const NUMERIC = /^(—|-|\[[a-z]\]|[-+]?[\d\u202f.,]+(\u00a0[%!])?( \[[a-z]\])*)?$/;

export interface ColumnLayout {
  numeric: boolean[];
  /** pdfmake widths: points for a column sized to its content, '*' for a share of the rest, 'auto' */
  widths: (number | '*' | 'auto')[];
  /** whether a body cell stays on one line */
  keepWhole: (text: string, column: number) => boolean;
}

const longestWord = (t: string) => Math.max(0, ...t.split(/[\s\u00a0]+/).map((w) => w.length));
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * Column widths for a table of the notes, so it never runs past the right margin: figures and
 * short cells stay on one line while they fit; when the whole table is wider than the page,
 * columns of such cells get exactly their width and the text columns share what is left
 * (pdfmake alone would squeeze the text columns to their longest word).
 */
export function columnLayout(header: readonly string[], rows: readonly string[][]): ColumnLayout {
  const columns = header.map((_, i) => i);
  const numeric = columns.map((i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')));
  const unbroken = (t: string, i: number) => numeric[i]! || t.length <= NO_WRAP_LENGTH;
  const points = (chars: number) => chars * CHAR_WIDTH + CELL_PADDING;
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const least = columns.map((i) => Math.max(longestWord(header[i]!) * boldWidth(header[i]!), ...cells(i).map((t) => (unbroken(t, i) ? t.length : longestWord(t)))));
  const fits = sum(least.map(points)) <= TEXT_WIDTH;
  const keepWhole = (t: string, i: number) => numeric[i]! || (fits && unbroken(t, i));
  const longest = columns.map((i) => Math.max(0, ...cells(i).map((t) => t.length)));
  const natural = columns.map((i) => Math.max(header[i]!.length * boldWidth(header[i]!), longest[i]!));
  if (sum(natural.map(points)) <= TEXT_WIDTH) {
    const star = longest.map((n, i) => !numeric[i] && n > LONG_TEXT);
    const widest = longest.reduce((best, n, i) => (!numeric[i] && (best < 0 || n > longest[best]!) ? i : best), -1);
    if (!star.some(Boolean) && widest >= 0) star[widest] = true;
    return { numeric, keepWhole, widths: star.map((s) => (s ? '*' : 'auto')) };
  }
  const whole = columns.map((i) => cells(i).every((t) => keepWhole(t, i)));
  if (whole.every(Boolean)) return { numeric, keepWhole, widths: columns.map(() => 'auto') };
  const widths = columns.map((i) => (whole[i] ? Math.ceil(Math.max(longest[i]!, longestWord(header[i]!) * boldWidth(header[i]!)) * CHAR_WIDTH) : ('*' as const)));
  return { numeric, keepWhole, widths };
}
