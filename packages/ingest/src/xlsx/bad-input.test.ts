import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { buildWorkbook } from '../test-support/build-workbook';
import { compoundFile } from '../test-support/cfb';
import { context } from '../test-support/dump';
import { oneSheet } from '../test-support/ooxml';
import { zipOf } from '../test-support/zip';
import { loadWorkbook } from './grid';
import { ZIP_LIMITS } from '@mch/core/xlsx';

async function refusal(path: string, bytes: Uint8Array): Promise<MchError> {
  const err = await ingestFile({ path, bytes }, context('ARM')).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MchError);
  expect((err as MchError).code).toBe('file-unreadable');
  expect((err as MchError).where).toContain(path);
  return err as MchError;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('files that cannot be read at all', () => {
  it('a CSV or HTML renamed .xlsx, an empty file', async () => {
    expect((await refusal('a.xlsx', new TextEncoder().encode('TABLE,SEX\nT04,M\n'))).message).toContain('named as an Excel workbook but is not one');
    expect((await refusal('a.csv', new TextEncoder().encode('<!DOCTYPE html><html><body>x</body></html>'))).message).toContain('HTML');
    expect((await refusal('a.csv', new Uint8Array())).message).toContain('empty');
  });

  it('password-protected workbooks (old .xls files: xls/xls.test.ts)', async () => {
    const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const enc = new Uint8Array([...cfb, ...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect((await refusal('p.xlsx', enc)).message).toBe('p.xlsx cannot be read: the workbook is password-protected; ask the country for an unprotected copy');
    // as Excel writes one: a compound file holding the encrypted package, not a zip; named .xlsx or .xls
    const excel = compoundFile([
      ['EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0])],
      ['EncryptedPackage', new Uint8Array(64).fill(0x5a)],
    ]);
    for (const name of ['q.xlsx', 'q.xls']) expect((await refusal(name, excel)).message).toBe(`${name} cannot be read: the workbook is password-protected; ask the country for an unprotected copy`);
    // the same container holding a workbook stream is an .xls, not refused as password-protected
    const plain = compoundFile([['Workbook', new Uint8Array([0x09, 0x08, 0x04, 0x00, 0x00, 0x06, 0x05, 0x00])]]);
    expect((await refusal('q.xls', plain)).message).not.toContain('password');
  });

  it('truncated, corrupted and non-workbook archives', async () => {
    const good = await buildWorkbook([{ name: 'T04', rows: [['x']] }]);
    expect((await refusal('t.xlsx', good.subarray(0, good.length - 100))).message).toContain('truncated');
    expect((await refusal('z.xlsx', zipOf(['hello.txt', text('hi')]))).message).toContain('the workbook part xl/workbook.xml is not in the archive');
    const broken = zipOf(['xl/workbook.xml', text('<workbook><sheets><sheet name="T04"')]);
    expect((await refusal('b.xlsx', broken)).message).toContain('cannot be read as an Excel workbook');
  });

  it('zip bombs: an entry lying about its size, or declaring too much', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    expect((await refusal('bomb.xlsx', zipOf(['xl/workbook.xml', zeros, 1000]))).message).toContain('more than its declared size');
    expect(() => loadWorkbook(zipOf(['xl/workbook.xml', new Uint8Array(10)]), { ...ZIP_LIMITS, bytes: 5 })).toThrow('would unpack to 10 bytes');
  });

  it('refuses a sheet with a million empty formatted rows', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}" s="1" customFormat="1"/>`).join('');
    const err = await refusal('rows.xlsx', oneSheet(`<worksheet><sheetData>${rows}</sheetData></worksheet>`));
    expect(err.message).toBe(
      'rows.xlsx cannot be read as an Excel workbook: the worksheets hold more rows than allowed (every row a sheet stores counts, empty formatted ones too: delete the empty rows below the tables, or send a table this large as a long CSV file) (sheet "T04", row 200001)',
    );
    expect(err.where).toBe('rows.xlsx#T04!row 200001');
    // the sheet and cell of a broken cell are in the message a user reads, not only in `where`
    const twice = await refusal('dup.xlsx', oneSheet('<worksheet><sheetData><row r="7"><c r="C7"><v>1</v></c><c r="C7"><v>2</v></c></row></sheetData></worksheet>'));
    expect(twice.message).toBe('dup.xlsx cannot be read as an Excel workbook: the sheet holds two cells at C7 (sheet "T04", cell C7)');
  });

  it('caps the rows and cells of the sheets, counting what a reader would see', async () => {
    const many = await buildWorkbook([{ name: 'T04', rows: Array.from({ length: 30 }, () => [1]) }]);
    expect(() => loadWorkbook(many, { ...ZIP_LIMITS, rows: 20 })).toThrow('the worksheets hold more rows than allowed');
    expect(loadWorkbook(many).sheets[0]!.maxRow).toBe(30);
    // "<c" and a line break, and a namespace prefix, are cells all the same
    const cells = Array.from({ length: 30 }, (_, i) => `<x:c\nr="A${i + 1}"><x:v>1</x:v></x:c>`).join('');
    const sheet = oneSheet(`<x:worksheet xmlns:x="s"><x:sheetData><x:row r="1">${cells}</x:row></x:sheetData></x:worksheet>`);
    expect(() => loadWorkbook(sheet, { ...ZIP_LIMITS, cells: 20 })).toThrow('the worksheets hold more cells than allowed');
    expect(loadWorkbook(sheet).sheets[0]!.maxRow).toBe(30);
  });

  it('a sheet without a header is reported, not guessed', async () => {
    const bytes = await buildWorkbook([{ name: 'T04', rows: [['Russia', 5]] }]);
    const r = await ingestFile({ path: 'h.xlsx', bytes }, context('ARM'));
    expect(r.observations).toEqual([]);
    expect(r.files[0]!.warnings).toEqual(['h.xlsx, sheet "T04": no header with years or sexes found, the sheet\'s 2 cells were not read']);
  });
});
