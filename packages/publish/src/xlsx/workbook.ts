import type { TableDef } from '@mch/core';
import { basisLabel, fixZipEntryTimes } from '@mch/core';
import type ExcelJS from 'exceljs';
import { releaseFormats } from '../formats';
import type { TableModel } from '../model';
import { type Bilingual, type PublishedNote, type PublishedTable, both, figuresDate, figuresText, noteMarks, noteText } from '../published/index';
import { DASH_ZERO, SYMBOLS } from '../symbols';
import { bilingual, safeText } from '../text';
import { rowOrderText } from '../published/row-order-text';
import { type Grid, countryGrid } from './grid';
import { StreamedWorkbook } from './stream';

const NUMBER_FORMAT = '#,##0';
const TABLE_START_ROW = 5;
/** The cover's one column, in characters: wide enough to read, narrow enough to print on A4. */
const COVER_WIDTH = 100;

/**
 * One table's workbook after the UK Analysis Function spreadsheet guidance: Cover, Contents,
 * Notes, then one sheet per reporting country holding one Excel table. Text always goes in as a
 * string value, so nothing a country wrote can become a formula.
 */
export async function tableWorkbook(model: TableModel, published: PublishedTable): Promise<Buffer> {
  const table = published.table;
  const book = new StreamedWorkbook();
  const wb = book.writer;
  const fixed = new Date(`${model.config.release_date}T00:00:00Z`);
  wb.creator = safeText(model.config.metadata.contact.organisation);
  wb.lastModifiedBy = wb.creator;
  wb.created = fixed;
  wb.modified = fixed;
  wb.title = bilingual(`${table.id} ${table.title_en}`, table.title_ru);

  coverSheet(book, model, published);
  contentsSheet(book, published);
  notesSheet(book, published.notes);
  const when = figuresDate(published);
  for (const country of published.countries) {
    const grid = countryGrid(table, country, model.codelists);
    countrySheet(book, table, country.ref_area, both(country.name), grid, noteMarks(country.notes), when);
  }
  return Buffer.from(fixZipEntryTimes(await book.bytes(), model.config.release_date));
}

function coverSheet(book: StreamedWorkbook, model: TableModel, published: PublishedTable): void {
  const table = published.table;
  // a streamed sheet writes its page set-up and views when it is added
  const ws = book.writer.addWorksheet('Cover', { pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'portrait', paperSize: 9 } });
  const bases = [...new Set(published.meta.flatMap((m) => m.bases.flatMap((b) => b.codes)))].sort();
  const c = model.config;
  const contact = c.metadata.contact;
  const figures = figuresText(published);
  const lines: [string, boolean][] = [
    [bilingual(`${table.id}. ${table.title_en}`, table.title_ru), true],
    [bilingual(`Release ${c.version}, published ${c.release_date}`, `Выпуск ${c.version}, опубликован ${c.release_date}`), false],
    [bilingual(c.metadata.title_en, c.metadata.title_ru), false],
    ['What this workbook holds / Содержание книги', true],
    [
      bilingual(
        `One worksheet per reporting country, each with one table: rows are ${table.breakdown === 'AGE' ? 'age groups' : 'partner countries'}, columns are year and sex. ${figures.en}`,
        `По одному листу на каждую отчитывающуюся страну, в каждом одна таблица: строки — ${table.breakdown === 'AGE' ? 'возрастные группы' : 'страны-партнёры'}, столбцы — год и пол. ${figures.ru}`,
      ),
      false,
    ],
    [bilingual('The Contents worksheet lists the worksheets; the Notes worksheet holds the notes referenced as [note N].', 'Лист Contents содержит перечень листов; лист Notes содержит примечания, на которые даны ссылки [note N].'), false],
    [bilingual(rowOrderText(table, model.codelists).en, rowOrderText(table, model.codelists).ru), false],
    ['Source / Источник', true],
    [bilingual('National statistical offices, via the UNECE Clearing House on Migration Statistics', 'Национальные статистические службы, через Информационный центр ЕЭК ООН по статистике миграции'), false],
    ['Contact / Контакты', true],
    [bilingual(`${contact.organisation}, ${contact.unit}`, `${contact.organisation_ru}${contact.unit_ru ? `, ${contact.unit_ru}` : ''}`), false],
    [safeText(contact.email), false],
    ['Symbols / Условные обозначения', true],
    ...SYMBOLS.map((s): [string, boolean] => [`${s.excel} ${s.en} / ${s.ru}`, false]),
    [`${DASH_ZERO.en} / ${DASH_ZERO.ru}`, false],
    ...(bases.length ? [['Definition bases / Основы определения', true] as [string, boolean]] : []),
    ...bases.map((code): [string, boolean] => {
      const b = basisLabel(code);
      return [`${code}: ${b.meaning_en} / ${b.meaning_ru}`, false];
    }),
    ['Files of this release / Файлы выпуска', true],
    ...releaseFormats(model.tableSet.tables).map((f): [string, boolean] => [`${f.path}: ${bilingual(f.en, f.ru)}`, false]),
    ['Disclaimer / Оговорка', true],
    [bilingual('The designations employed and the presentation of the material do not imply the expression of any opinion whatsoever on the part of the United Nations concerning the legal status of any country, territory, city or area, or of its authorities, or concerning the delimitation of its frontiers or boundaries.', 'Употребляемые обозначения и изложение материала не означают выражения со стороны Организации Объединённых Наций какого бы то ни было мнения относительно правового статуса страны, территории, города или района, или их властей, или относительно делимитации их границ.'), false],
  ];
  lines.forEach(([text, heading], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    if (heading || i === 0) cell.font = { bold: true, size: i === 0 ? 14 : 12 };
    // long paragraphs wrap inside the column instead of running across the screen and the printed page
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(i + 1).height = wrappedLines(text, COVER_WIDTH) * (heading || i === 0 ? LINE_HEIGHT + 4 : LINE_HEIGHT);
  });
  ws.getColumn(1).width = COVER_WIDTH;
  ws.commit();
}

function contentsSheet(book: StreamedWorkbook, published: PublishedTable): void {
  const table = published.table;
  const ws = book.writer.addWorksheet('Contents');
  ws.getCell('A1').value = 'Contents / Содержание';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'This worksheet contains one table. / Этот лист содержит одну таблицу.';
  const rows = [
    ['Notes', 'Notes referenced in the tables / Примечания к таблицам'],
    ...published.countries.map((c) => [c.ref_area, `${both(c.name)}: ${bilingual(table.title_en, table.title_ru)}`]),
  ];
  addTable(book, ws, 'Contents', 'A3', ['Sheet name / Лист', 'Content / Содержание'], rows);
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 110;
  ws.commit();
}

function notesSheet(book: StreamedWorkbook, notes: readonly PublishedNote[]): void {
  const ws = book.writer.addWorksheet('Notes', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getCell('A1').value = 'Notes / Примечания';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'This worksheet contains one table. / Этот лист содержит одну таблицу.';
  const rows = notes.length
    ? notes.map((n) => [`note ${n.number}`, n.ref_area || 'all / все', noteText(n, 'both')])
    : [['none', 'all / все', 'This table has no notes. / К этой таблице нет примечаний.']];
  addTable(book, ws, 'Notes', 'A3', ['Note number / Номер', 'Country / Страна', 'Note text / Текст примечания'], rows);
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 120;
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  ws.commit();
}

function countrySheet(book: StreamedWorkbook, table: TableDef, country: string, countryName: string, grid: Grid, sheetNotes: string, when: Bilingual): void {
  const ws = book.writer.addWorksheet(country, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: TABLE_START_ROW, topLeftCell: `A${TABLE_START_ROW + 1}`, activeCell: `A${TABLE_START_ROW + 1}` }],
    // printed, a country's table fits the page width and repeats its header row on every page
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${TABLE_START_ROW}:${TABLE_START_ROW}` },
  });
  ws.getCell('A1').value = `${table.id} ${countryName}: ${bilingual(table.title_en, table.title_ru)}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'This worksheet contains one table. Some cells refer to notes in the Notes worksheet. / Этот лист содержит одну таблицу. Некоторые ячейки ссылаются на примечания на листе Notes.';
  ws.getCell('A3').value = `Unit: persons ${when.en} / Единица измерения: человек ${when.ru}`;
  ws.getCell('A4').value = sheetNotes ? `Notes for this country / Примечания по стране: ${sheetNotes}` : 'No notes for this country / Примечаний по стране нет';
  const values = grid.rows.map((r) => r.map((c) => (c.kind === 'number' ? c.value : c.kind === 'symbol' ? c.text : c.text)));
  addTable(book, ws, `${table.id}_${country}`, `A${TABLE_START_ROW}`, grid.headers, values);
  const widths = columnWidths(grid);
  widths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });
  const style = sharedStyles();
  grid.rows.forEach((r, i) => {
    // a label longer than its column's widest allowed width wraps rather than hiding under the next
    // column; Excel and LibreOffice keep a stored row height, so the row is given the height it needs
    const wraps = r.map((c, j) => c.kind === 'text' && c.text.length + 2 > widths[j]!);
    const lines = r.reduce((n, c, j) => (wraps[j] && c.kind === 'text' ? Math.max(n, wrappedLines(c.text, widths[j]!)) : n), 1);
    const row = ws.getRow(TABLE_START_ROW + 1 + i);
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    r.forEach((c, j) => {
      const numFmt = c.kind === 'number' ? (c.marker ? `${NUMBER_FORMAT}" ${c.marker}"` : NUMBER_FORMAT) : undefined;
      row.getCell(j + 1).style = style(numFmt, c.kind === 'symbol', wraps[j]!, lines > 1);
    });
  });
  // the header row wraps ("2012 Men / Мужчины" on two lines) and stays in view while the reader scrolls
  ws.getRow(TABLE_START_ROW).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(TABLE_START_ROW).height = Math.max(...grid.headers.map((h, j) => wrappedLines(h, widths[j]!))) * LINE_HEIGHT;
  ws.commit();
}

/** A cell's alignment: a symbol to the right; a label too long for its column wraps. */
function alignmentOf(symbol: boolean, wraps: boolean, multiline: boolean): Partial<ExcelJS.Alignment> | undefined {
  let alignment: Partial<ExcelJS.Alignment> | undefined = symbol ? { horizontal: 'right' } : undefined;
  if (wraps) alignment = { wrapText: true, vertical: 'top' };
  // codes and figures line up with the first line of the wrapped label
  if (multiline) alignment = { ...alignment, vertical: 'top' };
  return alignment;
}

/**
 * One style object per distinct format and alignment, shared by the cells that have it: exceljs
 * serialises a style once per object it has not seen, not once per cell. Never changed after.
 * Asked for every cell of a sheet: found by what decides it, and only a new combination builds
 * its alignment and looks for an equal style.
 */
function sharedStyles(): (numFmt: string | undefined, symbol: boolean, wraps: boolean, multiline: boolean) => Partial<ExcelJS.Style> {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  // per number format, the eight cases of symbol, wrap and several lines
  const byCase = new Map<string, (Partial<ExcelJS.Style> | undefined)[]>();
  return (numFmt, symbol, wraps, multiline) => {
    let cases = byCase.get(numFmt ?? '');
    if (!cases) {
      cases = [];
      byCase.set(numFmt ?? '', cases);
    }
    const at = (symbol ? 4 : 0) + (wraps ? 2 : 0) + (multiline ? 1 : 0);
    const found = cases[at];
    if (found) return found;
    const alignment = alignmentOf(symbol, wraps, multiline);
    const key = JSON.stringify([numFmt ?? null, alignment ?? null]);
    let style = styles.get(key);
    if (!style) {
      style = { ...(numFmt === undefined ? {} : { numFmt }), ...(alignment === undefined ? {} : { alignment }) };
      styles.set(key, style);
    }
    cases[at] = style;
    return style;
  };
}

/** Height in points of one line of the default 11-point font. */
const LINE_HEIGHT = 15;

/** Lines a text takes when wrapped in a column of `width` characters, breaking at spaces (a generous estimate). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 2);
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= room) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.floor(Math.max(0, word.length - 1) / room);
      used = word.length % room || room;
    }
  }
  return lines;
}

/**
 * Excel column widths (in characters) from what a column holds: its longest cell as shown
 * ("1,234 [e]") and the longest half of its bilingual header, which wraps at " / ".
 */
export function columnWidths(grid: Grid): number[] {
  return grid.headers.map((h, j) => {
    const header = Math.max(...h.split(' / ').map((part) => part.length));
    const cells = grid.rows.map((r) => {
      const c = r[j];
      if (!c) return 0;
      if (c.kind === 'number') return String(Math.round(c.value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',').length + (c.marker ? c.marker.length + 1 : 0);
      return c.text.length;
    });
    return Math.min(60, cells.reduce((widest, n) => Math.max(widest, n + 2), Math.max(10, header + 2)));
  });
}

/** An Excel table with one header row; header names are made unique as Excel requires. */
function addTable(book: StreamedWorkbook, ws: ExcelJS.Worksheet, name: string, ref: string, headers: readonly string[], rows: (string | number)[][]): void {
  const seen = new Set<string>();
  const columns = headers.map((h) => {
    let n = safeText(h);
    for (let k = 2; seen.has(n); k++) n = `${safeText(h)} ${k}`;
    seen.add(n);
    return { name: n, filterButton: true };
  });
  book.addTable(ws, {
    name,
    ref,
    headerRow: true,
    style: { theme: 'TableStyleLight1', showRowStripes: false },
    columns,
    rows: rows.map((r) => r.map((v) => (typeof v === 'string' ? safeText(v) : v))),
  });
}
