import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { publishedRelease } from '../published/index';
import { fixtureModel } from '../testing/fixture';
import { tableWorkbook, wrappedLines } from './workbook';

async function workbook(tableId: string): Promise<ExcelJS.Workbook> {
  const model = fixtureModel();
  const table = publishedRelease(model).tables.find((t) => t.table.id === tableId)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tableWorkbook(model, table)) as unknown as ArrayBuffer);
  return wb;
}

describe('tableWorkbook as a reader sees it', () => {
  it('keeps the header row of a country sheet in view, wrapped, with every column as wide as what it holds', async () => {
    const ws = (await workbook('T04')).getWorksheet('ARM')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.getRow(5).alignment).toMatchObject({ wrapText: true });
    ws.eachRow((row, n) => {
      if (n < 5) return;
      row.eachCell((cell, j) => {
        const shown = typeof cell.value === 'number' ? cell.value.toLocaleString('en-GB') : String(cell.value);
        const width = ws.getColumn(j).width ?? 0;
        if (n > 5 && !cell.alignment?.wrapText) expect(width, `${cell.address} ${shown}`).toBeGreaterThanOrEqual(shown.length);
        if (n > 5 && cell.alignment?.wrapText) expect(width, cell.address).toBe(60);
      });
    });
  });

  it('counts the lines a wrapped text needs, so the row is tall enough to show all of it', () => {
    expect(wrappedLines('short', 20)).toBe(1);
    expect(wrappedLines('Long-term migrants (12 months or more) / Долгосрочные мигранты (12 месяцев и более)', 60)).toBe(2);
    expect(wrappedLines('x'.repeat(50), 12)).toBe(5);
  });

  it('gives a wrapped row the height of its lines', async () => {
    const ws = (await workbook('T04')).getWorksheet('ARM')!;
    const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => String(r.getCell(2).value).startsWith('Migrants by the national definition'))!;
    const label = String(row.getCell(2).value);
    expect(row.height).toBe(15 * wrappedLines(label, ws.getColumn(2).width!));
    expect(row.height).toBeGreaterThan(15);
  });

  it('wraps the cover text within one printable column', async () => {
    const cover = (await workbook('T04')).getWorksheet('Cover')!;
    expect(cover.getColumn(1).width).toBeLessThanOrEqual(100);
    expect(cover.getCell('A16').alignment).toMatchObject({ wrapText: true });
    expect(cover.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1 });
  });

  it('says a country\'s territory once, not once per language label', async () => {
    const notes = (await workbook('T01')).getWorksheet('Notes')!;
    const texts: string[] = [];
    notes.eachRow((row) => texts.push(String(row.getCell(3).value)));
    expect(texts.filter((t) => t.includes('Abkhazia'))).toEqual(['Territory / Территория: excluding Abkhazia and South Ossetia (given in English only / только на английском языке)']);
  });

  it('marks up every sheet past the cover as one Excel table, streamed sheet by sheet, header rows printed on every page', async () => {
    const model = fixtureModel();
    const table = publishedRelease(model).tables.find((t) => t.table.id === 'T04')!;
    const bytes = await tableWorkbook(model, table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = wb.worksheets.map((ws) => ws.name);
    expect(sheets).toEqual(['Cover', 'Contents', 'Notes', ...table.countries.map((c) => c.ref_area)]);
    for (const ws of wb.worksheets.slice(1)) {
      const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string; headerRow: boolean; columns: { name: string }[] } }[];
      expect(tables.length, ws.name).toBe(1);
      const t = tables[0]!.table;
      expect(t.headerRow).toBe(true);
      const [from, to] = t.tableRef.split(':').map((a) => ws.getCell(a)) as [ExcelJS.Cell, ExcelJS.Cell];
      const header = ws.getRow(Number(from.row));
      expect(t.columns.map((c) => c.name)).toEqual(t.columns.map((_, j) => String(header.getCell(Number(from.col) + j).value)));
      expect(to.value, `${ws.name} ${to.address}`).not.toBeNull();
      expect(ws.getCell(Number(to.row) + 1, 1).value, ws.name).toBeNull();
    }
    const arm = wb.getWorksheet('ARM')!;
    expect((arm.getTables()[0] as unknown as { table: { name: string } }).table.name).toBe('T04_ARM');
    expect(arm.pageSetup.printTitlesRow).toBe('5:5');
  });
});
