import { ZIP_LIMITS, ZipArchive, type ZipLimits, readPackage, readSharedStrings, readStyles } from '@mch/core/xlsx';
import { type Budget, readSheetXml } from './sheet-xml';

/** One cell as the readers see it, independent of how the workbook stored it. */
export interface GridCell {
  /** the text as shown (numbers as digits, formulas as their cached result) */
  text: string;
  /** set when the workbook stored a number (or a formula's cached result is one) */
  number?: number;
  /** a formula whose result was never calculated and saved */
  formulaWithoutValue?: boolean;
  /** the formula (capped), when the cell holds one: '' for a shared formula */
  formula?: string;
  /** part of a merged range other than its top-left cell: shows the master's text, is not a value of its own */
  mergedCopy?: boolean;
  /** the cell's own content, hidden under the merged range over it (Excel shows the master's) */
  underMerge?: string;
  /** indent level from the cell alignment (an "of which" row) */
  indent?: number;
}

export interface Grid {
  name: string;
  hidden: boolean;
  /** rows by number (1-based), each a map from column number (1-based) to cell; empty cells absent */
  rows: Map<number, Map<number, GridCell>>;
  maxRow: number;
  maxCol: number;
}

export interface Workbook {
  sheets: Grid[];
  /** worksheet parts no sheet uses, never read */
  unused: string[];
}

/**
 * Reads the sheets of an xlsx archive with the package's own relationships, parts and limits
 * (zip.ts, package.ts, sheet-xml.ts). Throws Unreadable, naming the part, sheet or cell.
 */
export function loadWorkbook(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Workbook {
  const zip = ZipArchive.open(bytes, limits);
  const pkg = readPackage(zip);
  const strings = pkg.sharedStrings ? readSharedStrings(zip, pkg.sharedStrings, limits.cells) : [];
  const styles = pkg.styles ? readStyles(zip, pkg.styles) : [];
  const budget: Budget = { rows: limits.rows, cells: limits.cells };
  const sheets = pkg.sheets.map((s): Grid => {
    const rows = s.kind === 'worksheet' ? readSheetXml(zip.read(s.part), s.part, { sheet: s.name, strings, styles, date1904: pkg.date1904, budget }) : new Map();
    let maxRow = 0;
    let maxCol = 0;
    for (const [r, cells] of rows) {
      maxRow = Math.max(maxRow, r);
      for (const c of cells.keys()) maxCol = Math.max(maxCol, c);
    }
    return { name: s.name, hidden: s.hidden, rows, maxRow, maxCol };
  });
  return { sheets, unused: pkg.unused };
}

/** A1 reference of a 1-based row and column. */
export function a1(row: number, col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

export function cellAt(g: Grid, row: number, col: number): GridCell | undefined {
  return g.rows.get(row)?.get(col);
}

export function textAt(g: Grid, row: number, col: number): string {
  return cellAt(g, row, col)?.text.trim() ?? '';
}
