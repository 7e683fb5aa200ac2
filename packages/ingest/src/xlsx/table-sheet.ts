import { type CountrySettings, type MigrType, type Sex, type TableDef, stripFootnoteMarkers } from '@mch/core';
import { type CategoryContext, resolveCategory, stripOfWhich } from '../cells/category';
import { type CodeResolver, yearInTitle, yearOf } from '../cells/codes';
import type { Legend } from '../cells/legend';
import { parseValue } from '../cells/value';
import type { Collector } from '../collector';
import { type CellKey, basisFor, defaultMigrType, emitValue } from '../emit';
import { detectCategoryColumns } from './category-columns';
import { type Grid, type GridCell, a1, cellAt, textAt } from './grid';
import { type Header, type ValueColumn, findHeader, migrTypeOfText } from './header';
import { noteStart, readNotes } from './notes';

export interface SheetContext {
  c: Collector;
  settings: CountrySettings;
  legend: Legend;
  category: CategoryContext;
  sex: CodeResolver;
  migr: CodeResolver;
}

const THOUSANDS = /thousand|тыс\.|тыс\s|тысяч/iu;

/** State carried down the rows: the current block of each kind. */
interface Blocks {
  migr?: MigrType;
  sex?: Sex;
  year?: number;
}

/** Reads one table sheet: header, category columns, blocks, value cells, net-migration cells and notes. */
export function readTableSheet(g: Grid, table: TableDef, cx: SheetContext): void {
  const { c, settings } = cx;
  const layout = settings.layout;
  const header = findHeader(g, { sex: cx.sex, migr: cx.migr }, layout);
  if (!header || header.columns.length === 0) {
    const cells = countCells(g);
    if (cells > 0) c.warn(`${c.file}, sheet "${g.name}": no header with years or sexes found, the sheet's ${cells} cells were not read`);
    return;
  }
  if (header.unknown.length) c.warn(`${c.file}, sheet "${g.name}": header cells not understood, their columns were not read: ${header.unknown.join(', ')}`);
  const titleYear = titleYearOf(g, header);
  const thousands = titleRows(g, header).some((t) => THOUSANDS.test(t));
  const { dataRows, notesFrom } = splitRows(g, header);
  const cols = detectCategoryColumns(g, range(header.firstRow, header.lastRow), dataRows, header.firstValueCol, layout.years === 'rows');
  const basis = basisFor(settings, table.id);
  const blocks: Blocks = {};
  const opt = { legend: cx.legend, thousands, basis, blankIsZero: settings.blank_is_zero };
  const valueCols = header.columns.filter((v) => !v.net);
  const netCols = header.columns.filter((v) => v.net);
  for (const row of dataRows) {
    const code = cols.code ? textAt(g, row, cols.code) : '';
    const label = cols.label ? textAt(g, row, cols.label) : '';
    const present = valueCols.filter((v) => isFilled(cellAt(g, row, v.col)));
    if (present.length === 0 && netCols.every((v) => !isFilled(cellAt(g, row, v.col)))) {
      startBlock(label || code || firstText(g, row, header.firstValueCol), blocks, table, cx, layout);
      continue;
    }
    const rowYear = cols.year ? yearOf(textAt(g, row, cols.year)) : undefined;
    const category = resolveCategory(table, code, label, cx.category);
    const rowNotes = stripFootnoteMarkers(label || code).markers;
    const targets = settings.blank_is_zero ? valueCols : present;
    for (const v of targets) {
      const cell = cellAt(g, row, v.col);
      if (cell?.mergedCopy) continue;
      const src = c.source(g.name, a1(row, v.col), cell?.text ?? '');
      const key: CellKey = {
        table,
        year: v.year ?? rowYear ?? blocks.year ?? titleYear ?? 0,
        migr_type: v.migr ?? blocks.migr ?? defaultMigrType(table, basis),
        sex: v.sex ?? blocks.sex ?? '_T',
        category,
      };
      if (key.year === 0) {
        c.countValueCell();
        c.reject(table.id, src, 'unparseable-value', 'no reference year for this cell (not in the header, the rows or the title)', 'для ячейки не найден отчётный год (ни в шапке, ни в строках, ни в заголовке)');
        continue;
      }
      if (cell?.formulaWithoutValue) {
        c.countValueCell();
        c.reject(table.id, src, 'formula-without-value', 'a formula without a calculated result; recalculate and save the workbook', 'формула без вычисленного значения; пересчитайте и сохраните книгу');
        continue;
      }
      emitValue(c, key, { text: cell?.text ?? '', ...(cell?.number !== undefined ? { number: cell.number } : {}) }, src, { ...opt, extraNotes: [...v.notes, ...rowNotes] });
    }
    for (const v of netCols) readNet(g, row, v, category, { year: v.year ?? rowYear ?? blocks.year ?? titleYear, sex: v.sex ?? blocks.sex ?? '_T' }, table, cx, thousands);
  }
  if (notesFrom !== undefined) {
    c.notes.push(...readNotes(g, notesFrom, c.ref_area, table.id, (row, text) => c.source(g.name, a1(row, 1), text)));
  }
}

function isFilled(cell: GridCell | undefined): boolean {
  return cell !== undefined && !cell.mergedCopy && (cell.number !== undefined || cell.formulaWithoutValue === true || cell.text.trim() !== '');
}

function startBlock(text: string, blocks: Blocks, table: TableDef, cx: SheetContext, layout: CountrySettings['layout']): void {
  const t = stripOfWhich(text);
  if (!t) return;
  if (table.has_migr_type && layout.migr_type === 'row-blocks') {
    const m = migrTypeOfText(t, cx.migr);
    if (m) blocks.migr = m;
  }
  if (layout.sex === 'row-blocks') {
    const s = cx.sex.resolve(t);
    if (s.kind === 'code') blocks.sex = s.code as Sex;
  }
  if (layout.years === 'rows') {
    const y = yearOf(t);
    if (y !== undefined) blocks.year = y;
  }
}

function readNet(g: Grid, row: number, v: ValueColumn, category: CellKey['category'], at: { year?: number; sex: Sex }, table: TableDef, cx: SheetContext, thousands: boolean): void {
  const cell = cellAt(g, row, v.col);
  if (!isFilled(cell) || !cell) return;
  const where = `${cx.c.file}, sheet "${g.name}", cell ${a1(row, v.col)}`;
  const parsed = parseValue({ text: cell.text, ...(cell.number !== undefined ? { number: cell.number } : {}) }, thousands, cx.legend, true);
  if (!parsed.ok || parsed.value === null || !category.ok || at.year === undefined) {
    cx.c.warn(`${where}: net migration cell not read (${!parsed.ok ? parsed.en : !category.ok ? category.en : 'no value or year'})`);
    return;
  }
  cx.c.net.push({
    ref_area: cx.c.ref_area,
    table: table.id,
    time_period: at.year,
    sex: at.sex,
    partner: category.partner || category.age,
    value: thousands ? Math.round(parsed.value * 1000) : parsed.value,
    source: cx.c.source(g.name, a1(row, v.col), cell.text),
  });
}

/** Data rows run from below the header to the first note row; returns where notes begin. */
function splitRows(g: Grid, header: Header): { dataRows: number[]; notesFrom?: number } {
  const dataRows: number[] = [];
  const valueCols = header.columns.map((v) => v.col);
  for (let row = header.lastRow + 1; row <= g.maxRow; row++) {
    if (!g.rows.has(row)) continue;
    const hasValue = valueCols.some((col) => {
      const cell = cellAt(g, row, col);
      return cell !== undefined && !cell.mergedCopy && (cell.number !== undefined || /\d/.test(cell.text));
    });
    if (!hasValue && noteStart(g, row)) return { dataRows, notesFrom: row };
    dataRows.push(row);
  }
  return { dataRows };
}

function titleRows(g: Grid, header: Header): string[] {
  const out: string[] = [];
  for (let row = 1; row < header.firstRow; row++) for (const cell of g.rows.get(row)?.values() ?? []) out.push(cell.text);
  // the unit may also sit in the corner of the header, left of the values
  for (let row = header.firstRow; row <= header.lastRow; row++) {
    for (const [col, cell] of g.rows.get(row) ?? []) if (col < header.firstValueCol) out.push(cell.text);
  }
  return out;
}

function titleYearOf(g: Grid, header: Header): number | undefined {
  for (let row = 1; row < header.firstRow; row++) {
    for (const cell of g.rows.get(row)?.values() ?? []) {
      const y = yearInTitle(cell.text);
      if (y !== undefined) return y;
    }
  }
  return yearInTitle(g.name);
}

function firstText(g: Grid, row: number, before: number): string {
  for (let col = 1; col < before; col++) {
    const t = textAt(g, row, col);
    if (t) return t;
  }
  return '';
}

function countCells(g: Grid): number {
  let n = 0;
  for (const r of g.rows.values()) n += r.size;
  return n;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
