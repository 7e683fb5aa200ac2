import { type CountrySettings, MchError, type MigrType, type Sex, type TableDef, stripFootnoteMarkers } from '@mch/core';
import { type CategoryContext, type CategoryResult, isOfWhichHeading, stripOfWhich } from '../cells/category';
import { type CodeResolver, migrTypeOfText, splitYearOnly, yearInTitle, yearOf } from '../cells/codes';
import { checkedCategory } from '../cells/label-text';
import type { Legend } from '../cells/legend';
import { quote } from '../cells/text';
import { type ValueInput, parseValue } from '../cells/value';
import type { Collector } from '../collector';
import { type CellKey, NO_NOTES, basisFor, defaultMigrType, emitValue } from '../emit';
import { detectCategoryColumns } from './category-columns';
import { type Grid, a1, cellAt, textAt } from './grid';
import { type Header, type Skip, type ValueColumn, colName, findHeader } from './header';
import { readNotes } from './notes';
import { ZIP_LIMITS } from './zip';
import { ParentRows } from './of-which';
import { type SheetRows, hidesValue, isFilled, looksLikeValue, ownText, splitRows } from './rows';

export interface SheetContext {
  c: Collector;
  settings: CountrySettings;
  legend: Legend;
  category: CategoryContext;
  sex: CodeResolver;
  migr: CodeResolver;
}

const THOUSANDS = /thousand|тыс\.|тыс\s|тысяч|['’‘]000(?!\d)/iu;

/** State carried down the rows: the current block of each kind. */
interface Blocks {
  migr?: MigrType;
  sex?: Sex;
  year?: YearSource;
}

/** A reference year as a cell gives it: a year, or a split year ("2012/13", named by its cell) that is none. */
type YearSource = { year: number } | { split: string };

/** Reads one table sheet: header, category columns, blocks, value cells, net-migration cells and notes. */
export function readTableSheet(g: Grid, table: TableDef, cx: SheetContext): void {
  const { c, settings } = cx;
  const layout = settings.layout;
  const header = findHeader(g, { sex: cx.sex, migr: cx.migr }, layout);
  // a header whose every column is refused (split years, years that cannot be read) still has its figures refused at their cells
  if (!header || (header.columns.length === 0 && ![...header.skipped.values()].some((s) => 'cell' in s))) {
    const cells = countCells(g);
    if (cells > 0) c.warn(`${c.file}, sheet "${g.name}": no header with years or sexes found, the sheet's ${cells} cells were not read`);
    return;
  }
  const titleYear = titleYearOf(g, header);
  const rows = splitRows(g, header, cx.legend, (row) => blockOf(firstText(g, row, header.firstValueCol), table, cx, layout, row) !== undefined);
  const thousands = inThousands(g, header, rows);
  const cols = detectCategoryColumns(g, range(header.firstRow, header.lastRow), rows.data, header.firstValueCol, layout.years === 'rows');
  const basis = basisFor(settings, table.id);
  const blocks: Blocks = {};
  const opt = { legend: cx.legend, thousands, basis, blankIsZero: settings.blank_is_zero };
  // the options of a cell without notes, made once: most cells have none
  const plain = { ...opt, extraNotes: NO_NOTES };
  const valueCols = header.columns.filter((v) => !v.net);
  const byCol = new Map(header.columns.map((v) => [v.col, v]));
  if (settings.blank_is_zero && valueCols.length * rows.data.length > ZIP_LIMITS.cells) {
    throw new MchError('file-unreadable', `${c.file}, sheet "${g.name}": ${valueCols.length} value columns × ${rows.data.length} rows are more cells than allowed to read blanks as zeros`, { where: `${c.file}#${g.name}` });
  }
  const unread = new Map<number, number>();
  const formulaLabels: string[] = [];
  const parents = new ParentRows();
  for (const row of rows.data) {
    const code = cols.code ? textAt(g, row, cols.code) : '';
    const label = cols.label ? textAt(g, row, cols.label) : '';
    const blockText = label || code || firstText(g, row, header.firstValueCol);
    // the row's own cells, not every column: a sheet 16 384 columns wide costs what it holds
    const present: ValueColumn[] = [];
    const nets: ValueColumn[] = [];
    for (const [col, cell] of g.rows.get(row) ?? []) {
      const v = byCol.get(col);
      if (v && !v.net && (isFilled(cell) || hidesValue(cell))) present.push(v);
      if (v?.net && (isFilled(cell) || hidesValue(cell))) nets.push(v);
    }
    accountSkipped(g, row, header, cx, table, unread);
    if (present.length === 0 && nets.every((v) => !isFilled(cellAt(g, row, v.col)))) {
      if (startBlock(blockText, blocks, table, cx, layout, row)) parents.reset();
      else if (table.breakdown === 'PARTNER' && isOfWhichHeading(blockText)) parents.openGroup();
      continue;
    }
    const rowYear = cols.year ? yearSourceOf(textAt(g, row, cols.year), `cell ${a1(row, cols.year)}`) : undefined;
    // a block title holding values ("Long-term migrants | 500 | …") starts its block and gives its total
    const title = startBlock(blockText, blocks, table, cx, layout, row, true);
    if (title) parents.reset();
    const category = title ? totalOf(table) : checkedCategory(table, code, label, cx.category);
    noteFormulaLabel(g, row, cols, formulaLabels);
    const partner = category.ok ? category.partner : undefined;
    const parent = table.breakdown === 'PARTNER' ? parents.place(partner, indentOf(g, row, cols), label || code, isCountryCode(partner, cx.category)) : undefined;
    const rowNotes = stripFootnoteMarkers(label || code).markers;
    const targets = settings.blank_is_zero ? valueCols : present;
    // the first that says a year: the column, the row's year cell, the block, the title
    const rowSource = rowYear ?? blocks.year ?? titleYear;
    const sourceYear = rowSource && 'year' in rowSource ? rowSource.year : undefined;
    for (const v of targets) {
      const cell = cellAt(g, row, v.col);
      if (cell?.mergedCopy && !hidesValue(cell)) continue;
      const src = c.source(g.name, a1(row, v.col), ownText(cell));
      const key: CellKey = {
        table,
        year: v.year ?? sourceYear ?? 0,
        migr_type: v.migr ?? blocks.migr ?? defaultMigrType(table, basis),
        sex: v.sex ?? blocks.sex ?? '_T',
        category,
      };
      if (parent) key.parent = parent;
      if (cell?.mergedCopy) {
        c.countValueCell();
        c.reject(
          table.id,
          src,
          'unparseable-value',
          'the cell holds a value of its own under a merged range, which Excel hides; unmerge the cells and check the value',
          'ячейка содержит собственное значение под объединёнными ячейками, которое Excel скрывает; разъедините ячейки и проверьте значение',
          [],
          key.year || undefined,
        );
        continue;
      }
      if (key.year === 0 && rowSource && 'split' in rowSource) {
        c.countValueCell();
        c.reject(
          table.id,
          src,
          'unparseable-value',
          `the reference year of this cell, ${rowSource.split}, is a split year (a fiscal year or a period of years), not a calendar year; give the figures by calendar year`,
          `отчётный год этой ячейки, ${rowSource.split}, — период из двух лет (финансовый год или несколько лет), а не календарный год; приведите данные по календарным годам`,
        );
        continue;
      }
      if (key.year === 0) {
        c.countValueCell();
        c.reject(table.id, src, 'unparseable-value', 'no reference year for this cell (not in the header, the rows or the title)', 'для ячейки не найден отчётный год (ни в шапке, ни в строках, ни в заголовке)');
        continue;
      }
      if (cell?.formulaWithoutValue) {
        c.countValueCell();
        c.reject(table.id, src, 'formula-without-value', 'a formula without a calculated result; recalculate and save the workbook', 'формула без вычисленного значения; пересчитайте и сохраните книгу', [], key.year);
        continue;
      }
      const input: ValueInput = { text: cell?.text ?? '' };
      if (cell?.number !== undefined) input.number = cell.number;
      emitValue(c, key, input, src, v.notes.length || rowNotes.length ? { ...opt, extraNotes: [...v.notes, ...rowNotes] } : plain);
    }
    for (const v of nets) readNet(g, row, v, category, { year: v.year ?? sourceYear, sex: v.sex ?? blocks.sex ?? '_T' }, table, cx, thousands);
  }
  warnSheet(g, header, rows, unread, c);
  if (formulaLabels.length) c.warn(`${c.file}, sheet "${g.name}": labels computed by formulas, read by their results: ${listed(formulaLabels)}`);
  for (const n of readNotes(g, rows.notes, c.ref_area, table.id, (row, text) => c.source(g.name, a1(row, 1), text))) c.notes.push(n);
}

/**
 * Cells of a data row in columns that are not value columns. A figure there is a value whose
 * year or sex is not known, refused at its cell with the reason: under no header, under a header
 * not understood (an abbreviation such as "Мужч.", "Men (persons)"), or under a year that cannot
 * be read. Nothing is dropped: every value cell is an observation or a rejection. A column of
 * shares or rates ("Доля, %") holds no counts and, like other text there, is counted and named in
 * a warning.
 */
function accountSkipped(g: Grid, row: number, header: Header, cx: SheetContext, table: TableDef, unread: Map<number, number>): void {
  for (const [col, cell] of g.rows.get(row) ?? []) {
    const skip = header.skipped.get(col);
    if (!skip || (!isFilled(cell) && !hidesValue(cell))) continue;
    if (skip.why !== 'not-counts' && looksLikeValue(cell, cx.legend)) {
      cx.c.countValueCell();
      const src = cx.c.source(g.name, a1(row, col), ownText(cell));
      const [en, ru] = skippedValueReason(colName(col), skip);
      cx.c.reject(table.id, src, 'unparseable-value', en, ru);
      continue;
    }
    unread.set(col, (unread.get(col) ?? 0) + 1);
  }
}

function skippedValueReason(col: string, skip: Skip): [en: string, ru: string] {
  switch (skip.why) {
    case 'split-year':
      return [
        `a value in column ${col}, whose header ${skip.cell} is a split year (a fiscal year or a period of years), not a calendar year; give the figures by calendar year`,
        `значение в столбце ${col}, заголовок которого ${skip.cell} — период из двух лет (финансовый год или несколько лет), а не календарный год; приведите данные по календарным годам`,
      ];
    case 'bad-header':
      return [`a value in column ${col}, whose header ${skip.cell} is not a reference year; correct the header`, `значение в столбце ${col}, заголовок которого ${skip.cell} не является отчётным годом; исправьте шапку`];
    case 'no-year':
      return [
        `a value in column ${col}, which has no year above it (the years of the header begin at ${skip.cell}); write the year above it, or leave out a column of totals over the years`,
        `значение в столбце ${col}, над которым не указан год (годы в шапке начинаются с ${skip.cell}); укажите год над столбцом или уберите столбец итогов за несколько лет`,
      ];
    case 'misaligned-years':
      return [
        `a value in column ${col}: the years of the header (${skip.cell}) stand over neither the first column of their blocks nor the whole block, so which year this column holds cannot be told; merge each year's cell over its columns, or write the year above every column`,
        `значение в столбце ${col}: годы в шапке (${skip.cell}) стоят не над первым столбцом своего блока и не над всем блоком, поэтому нельзя определить, к какому году относится столбец; объедините ячейку года над её столбцами или укажите год над каждым столбцом`,
      ];
    case 'unknown-header':
      return [
        `a value in column ${col}, whose header ${skip.cell} is not a year, sex or type of migration of this table; correct the header to the questionnaire's`,
        `значение в столбце ${col}, заголовок которого ${skip.cell} не является годом, полом или видом миграции этой таблицы; исправьте шапку по вопроснику`,
      ];
    case 'no-header':
    case 'not-counts':
      return [`a value in column ${col}, which has no year or sex in the header`, `значение в столбце ${col}, для которого в шапке не указан год или пол`];
  }
}

function warnSheet(g: Grid, header: Header, rows: SheetRows, unread: Map<number, number>, c: Collector): void {
  const at = `${c.file}, sheet "${g.name}"`;
  if (header.unknown.length) c.warn(`${at}: header cells not understood, the figures under them refused: ${header.unknown.join(', ')}`);
  if (header.splitYears.length) c.warn(`${at}: header cells naming a split year, not a calendar year, the figures under them refused: ${header.splitYears.join(', ')}`);
  if (header.notCounts.length) c.warn(`${at}: columns of shares or rates, no counts of persons, not read: ${header.notCounts.join(', ')}`);
  const counts = [...unread].map(([col, n]) => `${colName(col)}: ${n}`);
  if (counts.length) c.warn(`${at}: cells in columns that are not value columns were not read as values (cells per column ${counts.join(', ')})`);
  if (rows.belowNotes.length) {
    const which = rows.belowNotes.length === 1 ? `row ${rows.belowNotes[0]} below the notes holds` : `rows ${rows.belowNotes.join(', ')} below the notes hold`;
    c.warn(`${at}: ${which} values, read as table rows`);
  }
}

/** A label or code cell holding a formula: read by its cached result, like any formula, but named. */
function noteFormulaLabel(g: Grid, row: number, cols: { code?: number; label?: number }, into: string[]): void {
  for (const col of [cols.code, cols.label]) {
    const cell = col ? cellAt(g, row, col) : undefined;
    if (cell?.formula !== undefined) into.push(`${a1(row, col!)} ${cell.formula ? quote(`=${cell.formula}`) : '(a shared formula)'} → ${quote(cell.text)}`);
  }
}

function listed(items: string[], max = 5): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

function totalOf(table: TableDef): CategoryResult {
  return table.breakdown === 'AGE' ? { ok: true, age: '_T', partner: '' } : { ok: true, age: '', partner: '_T' };
}

/**
 * A block title (migration type, sex or year, as the layout says) starts its block; returns whether
 * the text was one. In sex blocks "Total" / «Всего» holding values is the total row of the block,
 * not a title.
 */
function startBlock(text: string, blocks: Blocks, table: TableDef, cx: SheetContext, layout: CountrySettings['layout'], row: number, withValues = false): boolean {
  const block = blockOf(text, table, cx, layout, row, withValues);
  if (block) Object.assign(blocks, block);
  return block !== undefined;
}

/** The block a title starts (its type, sex or year), or undefined where the text is no block title. */
function blockOf(text: string, table: TableDef, cx: SheetContext, layout: CountrySettings['layout'], row: number, withValues = false): Blocks | undefined {
  const t = stripOfWhich(stripFootnoteMarkers(text).text);
  if (!t) return undefined;
  const migr = table.has_migr_type && layout.migr_type === 'row-blocks' ? migrTypeOfText(t, cx.migr) : undefined;
  if (migr) return { migr };
  const sex = layout.sex === 'row-blocks' ? cx.sex.resolve(t) : undefined;
  if (sex?.kind === 'code' && !(withValues && sex.code === '_T')) return { sex: sex.code as Sex };
  const year = layout.years === 'rows' ? yearSourceOf(t, `the block title in row ${row}`) : undefined;
  return year === undefined ? undefined : { year };
}

/** The year a year cell or block title gives: a year, a split year named by `where`, or nothing. */
function yearSourceOf(text: string, where: string): YearSource | undefined {
  const year = yearOf(text);
  if (year !== undefined) return { year };
  const split = splitYearOnly(text);
  return split === undefined ? undefined : { split: `${where} ${quote(split)}` };
}

function readNet(g: Grid, row: number, v: ValueColumn, category: CellKey['category'], at: { year?: number; sex: Sex }, table: TableDef, cx: SheetContext, thousands: boolean): void {
  const cell = cellAt(g, row, v.col);
  const where = `${cx.c.file}, sheet "${g.name}", cell ${a1(row, v.col)}`;
  if (hidesValue(cell)) cx.c.warn(`${where}: net migration cell not read (it holds ${quote(ownText(cell))} under a merged range)`);
  if (!isFilled(cell) || !cell) return;
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

// a note under the table that gives the whole table's unit («данные приведены в тысячах человек», "figures in thousands")
const THOUSANDS_NOTE = /(?:^|\s)(?:в\s+тысячах|in\s+thousands|thousands\s+of\s+persons|тыс\.\s*чел)/iu;

/** The table is in thousands when its title, its sheet's name («T01 (тыс. чел.)») or a note under it says so. */
function inThousands(g: Grid, header: Header, rows: SheetRows): boolean {
  if (THOUSANDS.test(g.name) || titleRows(g, header).some((t) => THOUSANDS.test(t))) return true;
  return rows.notes.some((row) => [...(g.rows.get(row)?.values() ?? [])].some((cell) => THOUSANDS_NOTE.test(cell.text)));
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

/** The year of the first title cell naming one (else of the sheet name); a split year there is named, not read as its first year. */
function titleYearOf(g: Grid, header: Header): YearSource | undefined {
  const source = (text: string, where: string): YearSource | undefined => {
    const y = yearInTitle(text);
    return y === 'split' ? { split: `${where} ${quote(text.slice(0, 60))}` } : y === undefined ? undefined : { year: y };
  };
  for (let row = 1; row < header.firstRow; row++) {
    for (const [col, cell] of g.rows.get(row) ?? []) {
      const y = source(cell.text, `the title ${a1(row, col)}`);
      if (y) return y;
    }
  }
  return source(g.name, 'the sheet name');
}

/** The indent level of the row's label (or code) cell: an "of which" row is indented under its parent. */
function indentOf(g: Grid, row: number, cols: { code?: number; label?: number }): number {
  const at = (col: number | undefined) => (col ? cellAt(g, row, col)?.indent : undefined);
  return at(cols.label) ?? at(cols.code) ?? 0;
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

/** A country row (not a residual, an aggregate or the total) may belong to an «из них:» group. */
function isCountryCode(partner: string | undefined, cx: CategoryContext): boolean {
  if (!partner) return false;
  const special = cx.codelists.special_partners.find((p) => p.code === partner);
  return !special || special.kind === 'country';
}
