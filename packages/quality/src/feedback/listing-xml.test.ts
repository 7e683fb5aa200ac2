import ExcelJS from 'exceljs';
import { deflatePieces, zipArchive } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { cellText, rowXml, sheetXml, xmlSafe } from './listing-xml';

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

  it('makes a note\'s text safe for XML: controls, U+FFFE and lone surrogates become U+FFFD', () => {
    expect(xmlSafe('a\u0001b\uFFFEc\uD800d\tok\n😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tok\n😀');
  });

  it('writes numbers as numbers, text inline and no cell for empty text', () => {
    expect(rowXml(7, ['id', 2010, '', 'Ü'])).toBe('<row r="7"><c r="A7" t="inlineStr"><is><t xml:space="preserve">id</t></is></c><c r="B7"><v>2010</v></c><c r="D7" t="inlineStr"><is><t xml:space="preserve">Ü</t></is></c></row>');
  });

  it('styles every cell of a row when asked', () => {
    expect(rowXml(1, ['id', 7], 4)).toBe('<row r="1"><c r="A1" s="4" t="inlineStr"><is><t xml:space="preserve">id</t></is></c><c r="B1" s="4"><v>7</v></c></row>');
  });

  it('writes a sheet of thousands of rows in pieces, which exceljs reads back cell for cell, and refuses a count its rows do not have', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`F${i}`, 2000 + (i % 20), i === 5 ? 'total 5 210 ≠ 5 190 <&>' : `всего ${i}`]);
    const xml = () => sheetXml({ widths: [40, 14, 70], frozenHeader: true, selected: false }, [rowXml(1, ['finding', 'year', 'message']), ...rows.map((r, i) => rowXml(i + 2, r))], 3, rows.length + 1);
    const pieces = [...xml()];
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).toString('utf8')).toContain('<dimension ref="A1:C3001"/>');
    expect(() => [...sheetXml({ widths: [], frozenHeader: false, selected: false }, [rowXml(1, ['a'])], 1, 2)]).toThrow('1 rows, not the 2');
    const part = await deflatePieces(xml());
    const ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
    const rels = (body: string) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
    const zip = zipArchive([
      ['[Content_Types].xml', ct],
      ['_rels/.rels', rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>')],
      ['xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="MCH findings" sheetId="1" r:id="rId1"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>')],
      ['xl/worksheets/sheet1.xml', part],
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(zip) as unknown as ArrayBuffer);
    const listing = back.getWorksheet('MCH findings')!;
    expect(listing.rowCount).toBe(3001);
    expect(listing.getColumn(3).width).toBe(70);
    expect(listing.getRow(7).values).toEqual([undefined, 'F5', 2005, 'total 5 210 ≠ 5 190 <&>']);
    expect(listing.getRow(3001).values).toEqual([undefined, 'F2999', 2019, 'всего 2999']);
  });
});
