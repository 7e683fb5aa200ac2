// Builds small questionnaires cell by cell with exceljs, for fixtures and property tests.
import ExcelJS from 'exceljs';

export type FixtureCell = string | number | null | { formula: string; result?: number | string } | { indent: number; text: string };

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  merges?: string[];
  hidden?: boolean;
  hiddenRows?: number[];
}

export async function buildWorkbook(sheets: FixtureSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // fixed dates so the generated files are byte-for-byte reproducible
  wb.created = new Date(Date.UTC(2013, 0, 1));
  wb.modified = new Date(Date.UTC(2013, 0, 1));
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && 'indent' in v) {
          cell.value = v.text;
          cell.alignment = { indent: v.indent };
        } else if (typeof v === 'object') {
          cell.value = v.result === undefined ? ({ formula: v.formula } as ExcelJS.CellFormulaValue) : { formula: v.formula, result: v.result };
        } else cell.value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
