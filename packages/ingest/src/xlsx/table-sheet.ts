import { type CountrySettings, MchError, type MigrType, type Sex, type TableDef, stripFootnoteMarkers } from '@mch/core';
import { type CategoryContext, type CategoryResult, isOfWhichHeading, stripOfWhich } from '../cells/category';
import { type CodeResolver, migrTypeOfText, namesMigrantGroup, splitYearOnly, withoutTotal, yearInTitle, yearOf } from '../cells/codes';
import { checkedCategory } from '../cells/label-text';
import type { Legend } from '../cells/legend';
import { quote } from '../cells/text';
import { type ValueInput, parseValue } from '../cells/value';
import type { Collector } from '../collector';
import { type CellKey, NO_NOTES, basisFor, defaultMigrType, emitValue } from '../emit';
import { detectCategoryColumns } from './category-columns';
import { type Grid, type GridCell, a1, cellAt, textAt } from './grid';
import { type Header, type Skip, type ValueColumn, colName, findHeader } from './header';
import { readNotes } from './notes';
import { ZIP_LIMITS } from '@mch/core/xlsx';
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
  /** the title cells of the type and sex blocks, as "A6 "text"", for the messages */
  migrTitle?: string;
  sexTitle?: string;
  /** a heading naming a group of migrants that is no known type («Трудовые мигранты (временные)»): its rows are refused */
  unknownType?: string;
}

/**
 * Which block titles the rows may hold. Sex `inferred`: the layout says sex is in the columns but
 * the header names neither men nor women, so a value-less row naming men or women starts a block
 * all the same, read as under `layout: sex: row-blocks` (one blockOf for both): the header leaves
 * the sex open and the row names it, so there is nothing to guess, and refusing would only cost the
 * country a round trip. Each such sheet is named in a warning pointing to the setting; a column
 * whose header names another sex than its block ("Всего" over a block of women) is refused
 * (clashOf), never read under either.
 */
interface Reading {
  migr: boolean;
  sex: 'layout' | 'inferred' | 'none';
  years: boolean;
  /** the sex titles read without the layout setting */
  inferred: string[];
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
  const reading = readingOf(table, layout, header);
  const rows = splitRows(g, header, cx.legend, (row) => blockOf(firstText(g, row, header.firstValueCol), cx, reading, row) !== undefined);
  const thousands = inThousands(g, header);
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
    const titleAt = () => `${a1(row, (label ? cols.label : code ? cols.code : firstTextCol(g, row, header.firstValueCol)) ?? 1)} ${quote(blockText.slice(0, 60))}`;
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
      if (startBlock(blockText, titleAt, blocks, cx, reading, row) || startUnknownType(blockText, titleAt, blocks, reading)) parents.reset();
      else if (table.breakdown === 'PARTNER' && isOfWhichHeading(blockText)) parents.openGroup();
      continue;
    }
    const rowYear = cols.year ? yearSourceOf(textAt(g, row, cols.year), `cell ${a1(row, cols.year)}`) : undefined;
    // a block title holding values ("Long-term migrants | 500 | …") starts its block and gives its total
    const title = startBlock(blockText, titleAt, blocks, cx, reading, row, true);
    // a group of migrants that is no type, with its totals («Трудовые мигранты - всего | 50 | …»): its rows are refused too
    if (title || startUnknownType(blockText, titleAt, blocks, reading)) parents.reset();
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
      const clash = clashOf(v, blocks, cx);
      if (clash) {
        c.countValueCell();
        c.reject(table.id, src, clash.reason, clash.en, clash.ru, clash.suggestions, key.year || undefined);
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
    for (const v of nets) {
      // net migration of a group of no known type is checked against no arrivals or departures
      if (blocks.unknownType) c.warn(`${c.file}, sheet "${g.name}", cell ${a1(row, v.col)}: net migration cell not read (under the heading ${blocks.unknownType}, which names no type of migration)`);
      else readNet(g, row, v, category, { year: v.year ?? sourceYear, sex: v.sex ?? blocks.sex ?? '_T' }, table, cx, thousands);
    }
  }
  warnSheet(g, header, rows, unread, c);
  if (reading.inferred.length) {
    c.warn(
      `${c.file}, sheet "${g.name}": the block titles ${listed(reading.inferred)} give the sex, as the header names neither men nor women, although the country's configuration says sex is in the columns (a cell whose column names another sex is refused); set \`layout: sex: row-blocks\` in its configuration`,
    );
  }
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
function startBlock(text: string, at: () => string, blocks: Blocks, cx: SheetContext, reading: Reading, row: number, withValues = false): boolean {
  const block = blockOf(text, cx, reading, row, withValues, blocks);
  if (!block) return false;
  if (block.migr) Object.assign(block, { migrTitle: at(), unknownType: undefined });
  if (block.sex) block.sexTitle = at();
  if (block.sex && reading.sex === 'inferred') reading.inferred.push(block.sexTitle!);
  Object.assign(blocks, block);
  return true;
}

/**
 * A value-less heading naming a group of migrants that is no known type («Трудовые мигранты
 * (временные)», «Временно пребывающие»): its rows, until the next type title, are refused naming
 * it, never read under the type of the block above or the sheet's default. An «из них:» heading,
 * a group of partners («Страны СНГ», «Европа») or of ages names no group of migrants.
 */
function startUnknownType(text: string, at: () => string, blocks: Blocks, reading: Reading): boolean {
  if (!reading.migr || !namesMigrantGroup(withoutTotal(stripFootnoteMarkers(text).text))) return false;
  blocks.migr = undefined;
  blocks.migrTitle = undefined;
  blocks.unknownType = at();
  return true;
}

/** The block a title starts (its type, sex or year), or undefined where the text is no block title. */
function blockOf(text: string, cx: SheetContext, reading: Reading, row: number, withValues = false, current?: Blocks): Blocks | undefined {
  const t = stripOfWhich(stripFootnoteMarkers(text).text);
  if (!t) return undefined;
  const bare = withoutTotal(t);
  const migr = reading.migr ? (migrTypeOfText(t, cx.migr) ?? (bare !== t ? migrTypeOfText(bare, cx.migr) : undefined)) : undefined;
  if (migr) return { migr };
  const sex = reading.sex !== 'none' ? sexOfText(t, cx.sex) ?? (bare !== t ? sexOfText(bare, cx.sex) : undefined) : undefined;
  if (sex && reading.sex === 'layout' && !(withValues && sex === '_T')) return { sex };
  // without the setting, a value-less title only, and Total only to end a block of men or women
  if (sex && reading.sex === 'inferred' && !withValues && (sex !== '_T' || (current?.sex ?? '_T') !== '_T')) return { sex };
  const year = reading.years ? yearSourceOf(t, `the block title in row ${row}`) : undefined;
  return year === undefined ? undefined : { year };
}

function sexOfText(text: string, sex: CodeResolver): Sex | undefined {
  const m = sex.resolve(text);
  return m.kind === 'code' ? (m.code as Sex) : undefined;
}

function readingOf(table: TableDef, layout: CountrySettings['layout'], header: Header): Reading {
  const sexed = header.columns.some((v) => v.sex === 'M' || v.sex === 'F');
  return {
    migr: table.has_migr_type && layout.migr_type === 'row-blocks',
    sex: layout.sex === 'row-blocks' ? 'layout' : sexed ? 'none' : 'inferred',
    years: layout.years === 'rows',
    inferred: [],
  };
}

const SEX_NAMES: Record<Sex, [en: string, ru: string]> = { _T: ['both sexes', 'оба пола'], M: ['men', 'мужчины'], F: ['women', 'женщины'], _U: ['unknown', 'не указан'] };

/**
 * A cell its block refuses: under a heading naming no known type, or where the block title and the
 * column's header name different sexes or types (which one holds cannot be told).
 */
function clashOf(v: ValueColumn, blocks: Blocks, cx: SheetContext): { reason: 'unmapped-label' | 'unparseable-value'; en: string; ru: string; suggestions: string[] } | undefined {
  if (blocks.unknownType) {
    return {
      reason: 'unmapped-label',
      en: `the figure stands under the heading ${blocks.unknownType}, which names no type of migration of the questionnaire (long-term, short-term, permanent residence or the national definition), so the type of its figures cannot be told; rename the heading to one of these types, or leave out the rows of a group the questionnaire does not ask for`,
      ru: `значение стоит под заголовком ${blocks.unknownType}, который не называет ни одного вида миграции вопросника (долгосрочные, краткосрочные, на постоянное жительство или по национальному определению), поэтому вид миграции этого значения определить нельзя; переименуйте заголовок в один из этих видов или уберите строки группы, которую вопросник не запрашивает`,
      suggestions: cx.category.codelists.migr_type.map((m) => m.code),
    };
  }
  const col = colName(v.col);
  if (v.sex !== undefined && blocks.sex !== undefined && v.sex !== blocks.sex) {
    const [blockEn, blockRu] = SEX_NAMES[blocks.sex];
    const [colEn, colRu] = SEX_NAMES[v.sex];
    return {
      reason: 'unparseable-value',
      en: `the block title ${blocks.sexTitle} gives the sex ${blockEn}, the header of column ${col} gives ${colEn}, so the sex of this cell cannot be told; give the sex either in the header or in block titles`,
      ru: `заголовок блока ${blocks.sexTitle} указывает пол «${blockRu}», а шапка столбца ${col} — «${colRu}», поэтому пол этой ячейки определить нельзя; укажите пол либо в шапке, либо в заголовках блоков`,
      suggestions: [],
    };
  }
  if (v.migr !== undefined && blocks.migr !== undefined && v.migr !== blocks.migr) {
    return {
      reason: 'unparseable-value',
      en: `the block title ${blocks.migrTitle} gives the type of migration ${blocks.migr}, the header of column ${col} gives ${v.migr}, so the type of this cell cannot be told; give the type either in the header or in block titles`,
      ru: `заголовок блока ${blocks.migrTitle} указывает вид миграции ${blocks.migr}, а шапка столбца ${col} — ${v.migr}, поэтому вид миграции этой ячейки определить нельзя; укажите вид миграции либо в шапке, либо в заголовках блоков`,
      suggestions: [],
    };
  }
  return undefined;
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

// a note under the table that gives the whole table's unit, and only that: «Данные приведены в тысячах
// человек», "Figures are in thousands", «Единица измерения: тыс. чел.», «(тыс. человек)»; never a note
// that mentions thousands of something («население — 3 018,9 тыс. чел.», "population in thousands is in Table 1")
const THOUSANDS_NOTES = [
  /^(?:примечани[ея]|note)?[:.\s]*(?:все\s+)?(?:данные|показатели|значения|цифры|figures|data|values)\s+(?:\S+\s+){0,2}(?:в|in)\s+(?:тысячах|thousands)/iu,
  /^(?:единица измерения|единицы|unit)\s*[:\-–]\s*(?:тыс|thousand)/iu,
  /^\(?\s*(?:в\s+|in\s+)?(?:тыс\.?\s*чел\.?|тысяч\S*\s+человек|thousands?\s+(?:of\s+)?persons)\s*\)?\.?$/iu,
];

/**
 * The table is in thousands when its title or its sheet's name («T01 (тыс. чел.)») says so, or a
 * cell outside the header says only the unit (a note under the table, a unit line above it).
 */
function inThousands(g: Grid, header: Header): boolean {
  if (THOUSANDS.test(g.name) || titleRows(g, header).some((t) => THOUSANDS.test(t))) return true;
  const saysUnit = (cell: GridCell) => cell.number === undefined && THOUSANDS_NOTES.some((re) => re.test(cell.text.trim()));
  for (const [row, cells] of g.rows) if ((row < header.firstRow || row > header.lastRow) && [...cells.values()].some(saysUnit)) return true;
  return false;
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
  const col = firstTextCol(g, row, before);
  return col === undefined ? '' : textAt(g, row, col);
}

function firstTextCol(g: Grid, row: number, before: number): number | undefined {
  for (let col = 1; col < before; col++) if (textAt(g, row, col)) return col;
  return undefined;
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
