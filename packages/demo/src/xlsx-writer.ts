import ExcelJS from 'exceljs';
import { fixZipEntryTimes } from '@mch/core';
import type { CellValue, SheetModel } from './sheet-model';

/** Fixed document dates: the workbook's own metadata must not depend on the clock. */
export const WORKBOOK_DATE = new Date(Date.UTC(2011, 0, 1));

function put(ws: ExcelJS.Worksheet, rows: readonly CellValue[][]): void {
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v;
    });
  });
}

/** Writes sheet models as an .xlsx file and returns its bytes (entry times fixed). */
export async function writeWorkbook(sheets: readonly SheetModel[], creator: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    put(ws, sheet.rows);
    for (const [t, l, b, r] of sheet.merges) if (r > l || b > t) ws.mergeCells(t, l, b, r);
    ws.getColumn(1).width = 8;
  }
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipEntryTimes(new Uint8Array(buffer as ArrayBuffer));
}

/** Two-column sheets: Cover (key, value) and Metadata (one row per table). */
export function simpleSheet(name: string, rows: CellValue[][]): SheetModel {
  return { name, hidden: false, rows, merges: [] };
}
