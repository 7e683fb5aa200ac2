import { lookupSymbol, type Legend } from '../cells/legend';
import { collapseSpaces } from '../cells/text';
import type { Grid, GridCell } from './grid';
import type { Header } from './header';
import { noteStart } from './notes';

/** The rows below the header: data rows (block rows included) and note rows, in sheet order. */
export interface SheetRows {
  data: number[];
  notes: number[];
  /** data rows found below the first note row: read, and named in a warning */
  belowNotes: number[];
}

export function isFilled(cell: GridCell | undefined): boolean {
  return cell !== undefined && !cell.mergedCopy && (cell.number !== undefined || cell.formulaWithoutValue === true || cell.text.trim() !== '');
}

/** A cell under a merged range that holds content of its own, which Excel hides: never dropped unseen. */
export function hidesValue(cell: GridCell | undefined): boolean {
  return cell?.mergedCopy === true && (cell.underMerge ?? '').trim() !== '';
}

/** The text a cell holds itself: for a merged-over cell, what it hides under the merge. */
export function ownText(cell: GridCell | undefined): string {
  return (cell?.mergedCopy ? cell.underMerge : cell?.text) ?? '';
}

/** A cell that holds a figure or a symbol of the legend: what makes a row a data row, even among notes. */
export function looksLikeValue(cell: GridCell | undefined, legend: Legend): boolean {
  if (!cell || (!isFilled(cell) && !hidesValue(cell))) return false;
  if (cell.number !== undefined || cell.formulaWithoutValue) return true;
  const t = collapseSpaces(ownText(cell));
  return /\d/u.test(t) || lookupSymbol(legend, t) !== undefined;
}

/**
 * Splits the rows below the header. A row is a note row when it holds no figure or symbol in the
 * table's columns and either starts a note or follows one (unless it is a block title); every
 * other row is a data row, so value cells below a note are read like any other, never swallowed
 * into its text.
 */
export function splitRows(g: Grid, header: Header, legend: Legend, isBlockTitle: (row: number) => boolean = () => false): SheetRows {
  const out: SheetRows = { data: [], notes: [], belowNotes: [] };
  // every column from the first value column on is a value column or a skipped one: the row's own cells say it
  const first = header.firstValueCol;
  for (const [row, cells] of g.rows) {
    if (row <= header.lastRow) continue;
    let hasValue = false;
    let filled = false;
    for (const [col, cell] of cells) {
      if (col < first) continue;
      hasValue ||= looksLikeValue(cell, legend);
      filled ||= isFilled(cell);
    }
    const starts = noteStart(g, row);
    // below the notes, a labelled row with text in the value columns ("Germany | n/a") is still a table row
    const labelledRow = !starts && hasLabel(g, row, first) && filled;
    // a block title below a note ("Short-term migrants") starts its block: as a note line, the rows under it were read in the block above
    if (!hasValue && !labelledRow && (out.notes.length > 0 || starts) && (starts || !isBlockTitle(row))) {
      out.notes.push(row);
      continue;
    }
    out.data.push(row);
    if (out.notes.length && (hasValue || labelledRow)) out.belowNotes.push(row);
  }
  return out;
}

function hasLabel(g: Grid, row: number, firstValueCol: number): boolean {
  for (const [col, cell] of g.rows.get(row) ?? []) if (col < firstValueCol && isFilled(cell)) return true;
  return false;
}
