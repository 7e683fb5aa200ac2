import ExcelJS from 'exceljs';
import { deflatePieces, storedEntries, zipArchive } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { cellText, rowXml, withRows, worksheetPath, xmlSafe } from './listing-xml';

describe('listing sheet XML', () => {
  it('escapes markup, writes characters XML cannot hold as _xHHHH_, guards a literal _xHHHH_ and cuts text Excel would refuse', () => {
    expect(cellText('a < b & c > d "e"')).toBe('a &lt; b &amp; c &gt; d "e"');
    expect(cellText('bell\u0007, tab\tand\nline')).toBe('bell_x0007_, tab\tand\nline');
    expect(cellText('windows\r\nline')).toBe('windows_x000D_\nline');
    expect(cellText('_x0041_ stays text')).toBe('_x005F_x0041_ stays text');
    expect(cellText('lone \uD800 surrogate, \uDC00 too; pair 😀 kept')).toBe('lone \uFFFD surrogate, \uFFFD too; pair 😀 kept');
    const long = cellText('x'.repeat(40_000));
    expect(long.length).toBe(32_767);
    expect(long.endsWith('…')).toBe(true);
    // cut before a pair, never between its halves
    const emoji = cellText(`${'x'.repeat(32_765)}😀😀`);
    expect(emoji).toBe(`${'x'.repeat(32_765)}…`);
  });

  it('makes text exceljs writes as it is safe for XML: controls, U+FFFE and lone surrogates become U+FFFD', () => {
    expect(xmlSafe('a\u0001b\uFFFEc\uD800d\tok\n😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tok\n😀');
  });

  it('writes numbers as numbers, text inline and no cell for empty text', () => {
    expect(rowXml(7, ['id', 2010, '', 'Ü'])).toBe('<row r="7"><c r="A7" t="inlineStr"><is><t xml:space="preserve">id</t></is></c><c r="B7"><v>2010</v></c><c r="D7" t="inlineStr"><is><t xml:space="preserve">Ü</t></is></c></row>');
  });

  it('finds the sheet by name through the workbook relationships, and says so when it is not there', () => {
    const workbook = '<workbook><sheets><sheet sheetId="1" name="T05" r:id="rId3"/><sheet sheetId="2" name="MCH findings" r:id="rId4"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId3" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="x/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>';
    expect(worksheetPath(workbook, rels, 'T05')).toBe('xl/worksheets/sheet1.xml');
    expect(worksheetPath(workbook, rels, 'MCH findings')).toBe('xl/worksheets/sheet2.xml');
    expect(() => worksheetPath(workbook, rels, 'MCH summary')).toThrow('no sheet "MCH summary"');
    // names as exceljs writes them: entities decoded, nothing else
    const odd = '<sheets><sheet sheetId="1" name="Bob&apos;s &amp; &quot;T_x0041_&quot;" r:id="rId9"/></sheets>';
    const oddRels = '<Relationship Id="rId9" Type="x/worksheet" Target="worksheets/sheet9.xml"/>';
    expect(worksheetPath(odd, oddRels, 'Bob\'s & "T_x0041_"')).toBe('xl/worksheets/sheet9.xml');
  });

  it('splices rows below the header of a sheet exceljs wrote, which exceljs reads back cell for cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('MCH findings');
    ws.addRow(['finding', 'year', 'message']).font = { bold: true };
    const entries = storedEntries(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })));
    const text = (name: string) => Buffer.from(entries.find(([n]) => n === name)![1]).toString('utf8');
    const path = worksheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'), 'MCH findings');
    const rows = Array.from({ length: 3000 }, (_, i) => [`F${i}`, 2000 + (i % 20), i === 5 ? 'total 5 210 ≠ 5 190 <&>' : `всего ${i}`]);
    const sheet = entries.find(([n]) => n === path)![1];
    const spliced = Buffer.concat([...withRows(sheet, rows, 3, rows.length)]);
    expect(spliced.toString('utf8')).toContain('<dimension ref="A1:C3001"/>');
    expect(() => [...withRows(sheet, rows, 3, rows.length + 1)]).toThrow('3000 rows, not the 3001');
    const back = new ExcelJS.Workbook();
    const deflated = await deflatePieces(withRows(sheet, rows, 3, rows.length));
    await back.xlsx.load(Buffer.from(zipArchive(entries.map(([n, c]) => [n, n === path ? deflated : c]))) as unknown as ArrayBuffer);
    const listing = back.getWorksheet('MCH findings')!;
    expect(listing.rowCount).toBe(3001);
    expect(listing.getRow(1).font?.bold).toBe(true);
    expect(listing.getRow(7).values).toEqual([undefined, 'F5', 2005, 'total 5 210 ≠ 5 190 <&>']);
    expect(listing.getRow(3001).values).toEqual([undefined, 'F2999', 2019, 'всего 2999']);
  });
});
