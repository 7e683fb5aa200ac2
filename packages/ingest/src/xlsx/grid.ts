import ExcelJS from 'exceljs';

/** One cell as the readers see it, independent of exceljs. */
export interface GridCell {
  /** the text as shown (numbers as digits, formulas as their cached result) */
  text: string;
  /** set when the workbook stored a number (or a formula's cached result is one) */
  number?: number;
  /** a formula whose result was never calculated and saved */
  formulaWithoutValue?: boolean;
  /** part of a merged range other than its top-left cell: shows the master's text, is not a value of its own */
  mergedCopy?: boolean;
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

export async function loadWorkbook(bytes: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return wb.worksheets.map(toGrid);
}

function toGrid(ws: ExcelJS.Worksheet): Grid {
  const rows = new Map<number, Map<number, GridCell>>();
  let maxRow = 0;
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, GridCell>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const g = toCell(cell);
      if (!g) return;
      cells.set(col, g);
      maxCol = Math.max(maxCol, col);
    });
    if (cells.size) {
      rows.set(r, cells);
      maxRow = Math.max(maxRow, r);
    }
  });
  return { name: ws.name, hidden: ws.state !== 'visible', rows, maxRow, maxCol };
}

function toCell(cell: ExcelJS.Cell): GridCell | undefined {
  const mergedCopy = cell.isMerged && cell.master !== cell && cell.master.address !== cell.address;
  const indent = cell.alignment?.indent;
  const base = { ...(mergedCopy ? { mergedCopy } : {}), ...(indent ? { indent } : {}) };
  const v = cell.value;
  const read = readValue(v);
  if (!read) return undefined;
  return { ...read, ...base };
}

function readValue(v: ExcelJS.CellValue): Omit<GridCell, 'mergedCopy' | 'indent'> | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'string') return v.trim() === '' ? undefined : { text: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: Number.isNaN(v.getTime()) ? 'Invalid date' : v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) {
      const text = v.richText.map((t) => String(t.text ?? '')).join('');
      return text.trim() === '' ? undefined : { text };
    }
    if ('error' in v) return { text: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { text: '', formulaWithoutValue: true };
      if (typeof result === 'object' && result !== null && 'error' in result) return { text: String((result as { error: unknown }).error) };
      return readValue(result as ExcelJS.CellValue) ?? { text: '' };
    }
    if ('text' in v) {
      const text = typeof v.text === 'string' ? v.text : readValue(v.text as ExcelJS.CellValue)?.text ?? '';
      return text.trim() === '' ? undefined : { text };
    }
  }
  return { text: String(v) };
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
