import { type Observation, type TableDef, createPartnerResolver, fixZipEntryTimes, observationKey } from '@mch/core';
import type ExcelJS from 'exceljs';
import type { TemplateOptions } from './options';
import { FIRST_DATA_ROW, FIRST_VALUE_COL, HEADER_ROW, SEXES, type TemplateRow, tableRows } from './layout';

/** Workbook properties when no date is given: fixed, so the same options give the same bytes. */
const FIXED_DATE = '2000-01-01';

/**
 * The questionnaire of submissions.md §1 for one country: Cover, Metadata, and one sheet per table
 * with titles in English and Russian, the two-row year × sex header, the standard rows and, for flow
 * tables, one block per migration type. It is the mirror image of the reader: what it writes, the
 * reader reads back cell for cell. `values` are written into their cells.
 */
export async function writeQuestionnaireTemplate(opt: TemplateOptions): Promise<Uint8Array> {
  // loaded here, not with the package: reading a country's file never needs exceljs, and it costs ~0.3 s to load
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  const when = new Date(`${opt.date ?? FIXED_DATE}T00:00:00Z`);
  wb.created = when;
  wb.modified = when;
  wb.creator = 'mch template';
  const partners = createPartnerResolver(opt.codelists, opt.aliases);
  addCover(wb, opt, partners.names(opt.country));
  addMetadata(wb, opt.tableSet.tables);
  const values = new Map((opt.values ?? []).filter((o) => o.ref_area === opt.country && !o.derived).map((o) => [observationKey(o), o]));
  for (const table of opt.tableSet.tables) addTableSheet(wb, table, tableRows(table, opt, partners), opt, values);
  const buf = await wb.xlsx.writeBuffer();
  return fixZipEntryTimes(new Uint8Array(buf as ArrayBuffer));
}

function addCover(wb: ExcelJS.Workbook, opt: TemplateOptions, name: { en: string; ru: string }): void {
  const ws = wb.addWorksheet('Cover');
  ws.addRows([
    ['Country / Страна', opt.country, `${name.en} / ${name.ru}`],
    ['Round / Раунд', opt.round ?? Math.max(...opt.years) + 1],
    ['Contact / Контактное лицо', opt.contact ?? ''],
    ['Date / Дата', opt.date ?? ''],
    [],
    ['Fill in one sheet per table; leave a cell blank when there is no figure, write ".." for not available, "x" for cannot exist, "c" for confidential.'],
    ['Заполните по листу на таблицу; оставьте ячейку пустой, если данных нет; ".." — нет сведений, "x" — явление отсутствует, "c" — конфиденциально.'],
  ]);
  ws.getColumn(1).width = 28;
  ws.getColumn(3).width = 40;
}

function addMetadata(wb: ExcelJS.Workbook, tables: readonly TableDef[]): void {
  const ws = wb.addWorksheet('Metadata');
  ws.addRow(['Table / Таблица', 'Title / Название', 'Source / Источник', 'Definition basis / Определение', 'Reference date / Дата', 'Territory / Территория', 'Breaks / Разрывы', 'Notes / Примечания']);
  for (const t of tables) ws.addRow([t.id, `${t.title_en} / ${t.title_ru}`]);
  ws.getColumn(2).width = 60;
}

function addTableSheet(wb: ExcelJS.Workbook, table: TableDef, rows: TemplateRow[], opt: TemplateOptions, values: Map<string, Observation>): void {
  const ws = wb.addWorksheet(table.id, { views: [{ state: 'frozen', xSplit: FIRST_VALUE_COL - 1, ySplit: FIRST_DATA_ROW - 1 }] });
  const number = Number(table.id.slice(1));
  ws.getCell(1, 1).value = `Table ${number}. ${table.title_en}`;
  ws.getCell(2, 1).value = `Таблица ${number}. ${table.title_ru}`;
  ws.getCell(3, 1).value = 'Unit: persons / Единица измерения: человек';
  ws.getCell(HEADER_ROW, 1).value = 'Code / Код';
  ws.getCell(HEADER_ROW, 2).value = table.breakdown === 'AGE' ? 'Age / Возраст' : 'Country / Страна';
  opt.years.forEach((year, i) => {
    const first = FIRST_VALUE_COL + i * SEXES.length;
    ws.getCell(HEADER_ROW, first).value = year;
    ws.mergeCells(HEADER_ROW, first, HEADER_ROW, first + SEXES.length - 1);
    SEXES.forEach((s, j) => {
      ws.getCell(HEADER_ROW + 1, first + j).value = s.label;
    });
  });
  rows.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    if (row.kind === 'block') {
      ws.getCell(r, 2).value = row.label;
      ws.getCell(r, 2).font = { bold: true };
      return;
    }
    ws.getCell(r, 1).value = row.code;
    ws.getCell(r, 2).value = row.label;
    opt.years.forEach((year, y) => {
      SEXES.forEach((s, j) => {
        const o = values.get(keyOf(opt.country, table, year, row, s.code));
        if (o) ws.getCell(r, FIRST_VALUE_COL + y * SEXES.length + j).value = cellValue(o);
      });
    });
  });
  ws.getCell(FIRST_DATA_ROW + rows.length + 1, 1).value = 'Notes / Примечания:';
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 48;
}

function keyOf(country: string, table: TableDef, year: number, row: Extract<TemplateRow, { kind: 'category' }>, sex: string): string {
  const age = table.breakdown === 'AGE' ? row.code : '';
  const partner = table.breakdown === 'AGE' ? '' : row.code;
  return observationKey({ ref_area: country, table: table.id, time_period: year, migr_type: row.migr, sex, age, partner } as Observation);
}

/** A value as the reader understands it: the number, a symbol of the default legend, or the number with its flag. */
function cellValue(o: Observation): ExcelJS.CellValue {
  if (o.conf_status !== 'F' || o.obs_status === 'Q') return 'c';
  if (o.obs_value === null) return o.obs_status === 'M' ? 'x' : '..';
  const flag = { P: '*', E: ' e', B: ' b' }[o.obs_status as 'P' | 'E' | 'B'];
  return flag ? `${o.obs_value}${flag}` : o.obs_value;
}
