import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** The rows of one country sheet of a published workbook, every cell as text. */
export async function sheetRows(releaseDir: string, table: string, country: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(releaseDir, 'tables', `${table}.xlsx`));
  const ws = wb.getWorksheet(country);
  if (!ws) throw new Error(`tables/${table}.xlsx has no sheet ${country}`);
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}
