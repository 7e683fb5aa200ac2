import { deflateRawSync } from 'node:zlib';
import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { buildWorkbook } from '../test-support/build-workbook';
import { context } from '../test-support/dump';
import { ZIP_LIMITS, checkZip } from './zip-guard';

async function refusal(path: string, bytes: Uint8Array): Promise<MchError> {
  const err = await ingestFile({ path, bytes }, context('ARM')).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MchError);
  expect((err as MchError).code).toBe('file-unreadable');
  expect((err as MchError).where).toContain(path);
  return err as MchError;
}

/** A zip of the given entries, each declaring `declared` bytes (default: its true size) in the central directory. */
function zipOf(...entries: [name: string, content: Uint8Array, declared?: number][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content, declared = content.length] of entries) {
    const data = deflateRawSync(content);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const text = (s: string) => new TextEncoder().encode(s);

describe('files that cannot be read at all', () => {
  it('a CSV or HTML renamed .xlsx, an empty file', async () => {
    expect((await refusal('a.xlsx', new TextEncoder().encode('TABLE,SEX\nT04,M\n'))).message).toContain('named as an Excel workbook but is not one');
    expect((await refusal('a.csv', new TextEncoder().encode('<!DOCTYPE html><html><body>x</body></html>'))).message).toContain('HTML');
    expect((await refusal('a.csv', new Uint8Array())).message).toContain('empty');
  });

  it('password-protected workbooks and old .xls files, with how to convert', async () => {
    const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const enc = new Uint8Array([...cfb, ...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect((await refusal('p.xlsx', enc)).message).toContain('password-protected');
    expect((await refusal('old.xls', new Uint8Array([...cfb, 0, 0]))).message).toContain('soffice --headless --convert-to xlsx');
  });

  it('truncated, corrupted and non-workbook archives', async () => {
    const good = await buildWorkbook([{ name: 'T04', rows: [['x']] }]);
    expect((await refusal('t.xlsx', good.subarray(0, good.length - 100))).message).toContain('truncated');
    expect((await refusal('z.xlsx', zipOf(['hello.txt', text('hi')]))).message).toContain('no xl/workbook.xml');
    const broken = zipOf(['xl/workbook.xml', text('<workbook><sheets><sheet name="T04"')]);
    expect((await refusal('b.xlsx', broken)).message).toContain('cannot be read as an Excel workbook');
  });

  it('zip bombs: an entry lying about its size, or declaring too much', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    expect((await refusal('bomb.xlsx', zipOf(['xl/workbook.xml', zeros, 1000]))).message).toContain('more than its declared size');
    expect(checkZip(zipOf(['xl/workbook.xml', new Uint8Array(10)]), { ...ZIP_LIMITS, bytes: 5 })).toContain('would unpack to 10 bytes');
  });

  it('refuses a sheet with a million empty formatted rows before exceljs loads it', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}" s="1" customFormat="1"/>`).join('');
    const sheet = text(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const err = await refusal('rows.xlsx', zipOf(['xl/workbook.xml', text('<workbook/>')], ['xl/worksheets/sheet1.xml', sheet]));
    expect(err.message).toBe('rows.xlsx cannot be read as an Excel workbook: the worksheets hold more than 200000 rows');
  });

  it('caps the rows of a sheet before exceljs loads them', async () => {
    const many = await buildWorkbook([{ name: 'T04', rows: Array.from({ length: 30 }, () => [1]) }]);
    expect(checkZip(many, { ...ZIP_LIMITS, rows: 20 })).toBe('the worksheets hold more than 20 rows');
    expect(checkZip(many)).toBeUndefined();
  });

  it('a sheet without a header is reported, not guessed', async () => {
    const bytes = await buildWorkbook([{ name: 'T04', rows: [['Russia', 5]] }]);
    const r = await ingestFile({ path: 'h.xlsx', bytes }, context('ARM'));
    expect(r.observations).toEqual([]);
    expect(r.files[0]!.warnings).toEqual(['h.xlsx, sheet "T04": no header with years or sexes found, the sheet\'s 2 cells were not read']);
  });
});
