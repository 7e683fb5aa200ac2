import { quote } from '../cells/text';
import type { GridCell } from './grid';
import { type Attrs, type CellStyle, Unreadable, scanXml, unescapeOoxml } from '@mch/core/xlsx';

/** What a sheet may still cost: <row> and <c> elements (and merged-over cells) left over all sheets. */
/** Rows past the limit: what counts, and what the country can do (1 M formatted empty rows below a table are common). */
const ROWS_REFUSED = 'the worksheets hold more rows than allowed (every row a sheet stores counts, empty formatted ones too: delete the empty rows below the tables, or send a table this large as a long CSV file)';

export interface Budget {
  rows: number;
  cells: number;
}

export interface SheetXmlContext {
  sheet: string;
  strings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  budget: Budget;
}

export type Rows = Map<number, Map<number, GridCell>>;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
// what a number cell's <v> may hold (XML Schema double, without INF and NaN, which Excel never writes)
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/u;

interface OpenCell {
  ref: string;
  row: number;
  col: number;
  t: string;
  style: number;
  v?: string[];
  f?: string[];
  is?: string[];
}

/**
 * Reads the cells of one worksheet part. A cell the XML holds but that cannot be placed (row "0",
 * a reference beyond XFD1048576, two cells at one place, a shared string that does not exist)
 * makes the file unreadable, naming sheet and cell; a value that is not what its type says (a
 * date or "0x1A" in a number cell) is kept as text, so the reader refuses it at its cell.
 */
export function readSheetXml(xml: Uint8Array, part: string, cx: SheetXmlContext): Rows {
  const rows: Rows = new Map();
  const order = { last: 0, lastCol: 0, sorted: true };
  const merges: string[] = [];
  const at = (ref: string) => `${cx.sheet}!${ref}`;
  let inData = false;
  let row = 0;
  let nextCol = 1;
  let cell: OpenCell | undefined;
  let collect: string[] | undefined;
  let phonetic = 0;
  const h = {
    wantText: false,
    open(name: string, a: Attrs) {
      if (name === 'sheetData') inData = true;
      else if (!inData) {
        if (name === 'mergeCell' && a.ref) merges.push(a.ref);
      } else if (name === 'row') {
        if (--cx.budget.rows < 0) throw new Unreadable(ROWS_REFUSED, at(`row ${row + 1}`));
        row = a.r === undefined ? row + 1 : placeRow(a.r, cx.sheet);
        nextCol = 1;
      } else if (name === 'c') {
        if (--cx.budget.cells < 0) throw new Unreadable('the worksheets hold more cells than allowed', at(`row ${row}`));
        const pos = a.r === undefined ? { row: Math.max(row, 1), col: nextCol } : placeCell(a.r, cx.sheet);
        nextCol = pos.col + 1;
        cell = { ref: a.r ?? ref(pos.row, pos.col), row: pos.row, col: pos.col, t: a.t ?? 'n', style: a.s === undefined ? 0 : Number(a.s) };
      } else if (cell && (name === 'v' || name === 'f')) {
        collect = cell[name] ??= [];
        h.wantText = true;
      } else if (cell && name === 'is') cell.is ??= [];
      else if (cell?.is && name === 'rPh') phonetic++;
      else if (cell?.is && name === 't' && !phonetic) {
        collect = cell.is;
        h.wantText = true;
      }
    },
    close(name: string) {
      if (name === 'sheetData') inData = false;
      else if (name === 'v' || name === 'f' || name === 't') {
        h.wantText = false;
        collect = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const g = toGridCell(cell, cx, at);
        if (g) put(rows, cell, g, at, order);
        cell = undefined;
      }
    },
    text(t: string) {
      collect?.push(t);
    },
  };
  scanXml(xml, part, h);
  for (const m of merges) if (applyMerge(rows, m, cx, at)) order.sorted = false;
  return order.sorted ? rows : sorted(rows);
}

function put(rows: Rows, c: OpenCell, g: GridCell, at: (ref: string) => string, order: { last: number; lastCol: number; sorted: boolean }): void {
  if (c.row < order.last || (c.row === order.last && c.col <= order.lastCol)) order.sorted = false;
  order.last = c.row;
  order.lastCol = c.col;
  const r = rowOf(rows, c.row);
  if (r.has(c.col)) throw new Unreadable(`the sheet holds two cells at ${c.ref}`, at(c.ref));
  r.set(c.col, g);
}

function toGridCell(c: OpenCell, cx: SheetXmlContext, at: (ref: string) => string): GridCell | undefined {
  const style = cx.styles[c.style];
  const g = gridCell(c, cx, style, at);
  // a formula and an indent are rare: added where there are, no spread for every other cell
  if (g && c.f) g.formula = c.f.join('').slice(0, 500);
  if (g && style?.indent) g.indent = style.indent;
  return g;
}

function gridCell(c: OpenCell, cx: SheetXmlContext, style: CellStyle | undefined, at: (ref: string) => string): GridCell | undefined {
  const v = c.v?.join('');
  if (c.t === 'inlineStr') return kept({ text: unescapeOoxml((c.is ?? []).join('')) });
  // a text formula saved with an empty result (=IF(x=0,"",x)) shows a blank cell: it was calculated
  if (c.f && c.t === 'str' && c.v !== undefined && v === '') return undefined;
  if (v === undefined || v.trim() === '') return c.f ? { text: '', formulaWithoutValue: true } : undefined;
  const s = v.trim();
  switch (c.t) {
    case 's': {
      const i = /^\d{1,9}$/u.test(s) ? Number(s) : -1;
      if (i < 0 || i >= cx.strings.length) throw new Unreadable(`cell ${c.ref} refers to shared string ${quote(s)}, but the workbook holds ${cx.strings.length}`, at(c.ref));
      return kept({ text: cx.strings[i]! });
    }
    case 'str':
    case 'e':
      return kept({ text: unescapeOoxml(v) });
    case 'b':
      return kept({ text: s === '1' || s === 'true' ? 'TRUE' : s === '0' || s === 'false' ? 'FALSE' : v });
    case 'd':
      return kept({ text: isoDate(new Date(s)) ?? v });
    case 'n': {
      const n = NUMBER.test(s) ? Number(s) : Number.NaN;
      if (!Number.isFinite(n)) return kept({ text: v });
      if (style?.date) return { text: isoDate(excelDate(n, cx.date1904)) ?? 'Invalid date' };
      return { text: String(n), number: n };
    }
    default:
      return kept({ text: v });
  }
}

function rowOf(rows: Rows, r: number): Map<number, GridCell> {
  const row = rows.get(r);
  if (row) return row;
  const fresh = new Map<number, GridCell>();
  rows.set(r, fresh);
  return fresh;
}

/** Text that is only blanks is an empty cell, as a spreadsheet shows it. */
function kept(g: GridCell): GridCell | undefined {
  return g.text.trim() === '' ? undefined : g;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function isoDate(d: Date): string | undefined {
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function placeRow(r: string, sheet: string): number {
  const n = /^\d{1,7}$/u.test(r) ? Number(r) : 0;
  if (n < 1 || n > MAX_ROW) throw new Unreadable(`row number ${quote(r)} is not a row of a worksheet`, `${sheet}!row ${r.slice(0, 20)}`);
  return n;
}

/** Row and column of an A1 reference; throws Unreadable for anything else. */
export function placeCell(r: string, sheet: string): { row: number; col: number } {
  // A1 by hand: one to three letters, one to seven digits (every cell of a sheet has one)
  let k = 0;
  let col = 0;
  for (; k < r.length && k < 4; k++) {
    const ch = r.charCodeAt(k) | 0x20;
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + ch - 0x60;
  }
  const digits = r.length - k;
  let row = k >= 1 && k <= 3 && digits >= 1 && digits <= 7 ? 0 : -1;
  for (let d = k; row >= 0 && d < r.length; d++) {
    const ch = r.charCodeAt(d);
    row = ch >= 0x30 && ch <= 0x39 ? row * 10 + ch - 0x30 : -1;
  }
  if (row < 0) {
    row = 0;
    col = 0;
  }
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) throw new Unreadable(`cell reference ${quote(r)} is not a cell of a worksheet`, `${sheet}!${r.slice(0, 20)}`);
  return { row, col };
}

function ref(row: number, col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

/**
 * Cells under a merged range show the top-left cell's content (as exceljs gives them); one that
 * holds a value of its own, which Excel hides, keeps it in `underMerge` so the reader can refuse it.
 */
function applyMerge(rows: Rows, range: string, cx: SheetXmlContext, at: (ref: string) => string): boolean {
  const [a, b = a] = range.split(':') as [string, string?];
  const p = placeCell(a, cx.sheet);
  const q = placeCell(b!, cx.sheet);
  const [r0, r1] = [Math.min(p.row, q.row), Math.max(p.row, q.row)];
  const [c0, c1] = [Math.min(p.col, q.col), Math.max(p.col, q.col)];
  cx.budget.cells -= (r1 - r0 + 1) * (c1 - c0 + 1);
  if (cx.budget.cells < 0) throw new Unreadable(`the merged range ${range} covers more cells than allowed`, at(range));
  const master = rows.get(r0)?.get(c0);
  let added = false;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      if (r === r0 && c === c0) continue;
      const own = rows.get(r)?.get(c);
      if (own?.mergedCopy) continue;
      if (!own && !master) continue;
      const copy: GridCell = master ? { text: master.text, ...(master.number !== undefined ? { number: master.number } : {}) } : { text: '' };
      rowOf(rows, r).set(c, { ...copy, mergedCopy: true, ...(own ? { underMerge: own.text } : {}) });
      added = true;
    }
  }
  return added;
}

/** Rows and cells in sheet order, whatever order the XML (and the merges) put them in. */
function sorted(rows: Rows): Rows {
  const out: Rows = new Map();
  for (const r of [...rows.keys()].sort((x, y) => x - y)) {
    const cells = rows.get(r)!;
    out.set(r, new Map([...cells.keys()].sort((x, y) => x - y).map((c) => [c, cells.get(c)!])));
  }
  return out;
}
