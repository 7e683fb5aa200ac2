import { readFileSync } from 'node:fs';
import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { compoundFile } from '../test-support/cfb';
import { loadWorkbook } from '../xlsx/grid';
import { CfbDamaged, readCompoundFile } from './cfb';
import { takeCensus } from './biff';
import { censusOf, checkConversion } from './census';
import { ingestFile } from '../ingest';
import { context } from '../test-support/dump';

// LibreOffice made both fixtures from one flat ODS: its .xlsx stands for its conversion of the .xls
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../xlsx/fixtures/${name}`, import.meta.url)));
const xls = fixture('lo-deviations-kaz.xls');
const workbook = () => readCompoundFile(xls).read('Workbook')!.slice();

describe('the census of an .xls before LibreOffice converts it', () => {
  it('lists its sheets and their non-blank cells', () => {
    expect(censusOf(xls, 'k.xls')).toEqual({
      encrypted: false,
      sheets: [
        { name: 'Титульный лист', kind: 'worksheet', cells: 4 },
        { name: 'Таблица 8', kind: 'worksheet', cells: 114 },
      ],
    });
  });

  it('passes a conversion holding every cell, and refuses one that lost a sheet or cells', () => {
    const census = censusOf(xls, 'k.xls');
    const book = loadWorkbook(fixture('lo-deviations-kaz.xlsx'));
    expect(() => checkConversion(census, book, 'k.xls')).not.toThrow();
    const lostRow = { ...book, sheets: book.sheets.map((g) => ({ ...g, rows: new Map([...g.rows].filter(([r]) => g.name !== 'Таблица 8' || r !== 10)) })) };
    expect(() => checkConversion(census, lostRow, 'k.xls')).toThrow('k.xls: LibreOffice read 105 of the 114 cells of sheet "Таблица 8" of the .xls; the file may be damaged: open it in Excel and save it as .xlsx');
    const lostSheet = { ...book, sheets: book.sheets.filter((g) => g.name !== 'Таблица 8') };
    expect(() => checkConversion(census, lostSheet, 'k.xls')).toThrow('k.xls: LibreOffice read no sheet "Таблица 8" of the .xls');
  });

  it('refuses a damaged record chain, a lost BOF and a password', () => {
    const damaged = (edit: (w: Uint8Array) => void) => {
      const w = workbook();
      edit(w);
      return () => takeCensus(w);
    };
    expect(damaged((w) => w.fill(0xff, 2923, 2925))).toThrow(CfbDamaged);
    expect(damaged((w) => (w[2923] = 0x0b))).toThrow('the data of sheet 2 does not start with a sheet\'s BOF record');
    expect(damaged((w) => w.copyWithin(0, 0, 0))).not.toThrow();
    const w = workbook();
    w[20] = 0x2f;
    w[21] = 0x00;
    const locked = compoundFile([['Workbook', w]]);
    const err = (() => {
      try {
        censusOf(locked, 'p.xls');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MchError);
    expect((err as MchError).message).toBe('p.xls cannot be read: the workbook is password-protected; ask the country for an unprotected copy');
    expect(() => censusOf(xls.subarray(0, 4000), 't.xls')).toThrow(/^t\.xls cannot be read: the \.xls workbook is damaged \(/u);
  });

  it('refuses a workbook encrypted as Excel does it (FILEPASS after the BOF, the records after it ciphertext) as password-protected, not damaged', async () => {
    const locked = compoundFile([['Workbook', encrypted(workbook())]]);
    const err = await ingestFile({ path: 'data/raw/ARM/locked.xls', bytes: locked }, context('ARM')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MchError);
    expect(err).toMatchObject({ code: 'file-unreadable', where: 'data/raw/ARM/locked.xls' });
    expect((err as MchError).message).toBe('data/raw/ARM/locked.xls cannot be read: the workbook is password-protected; ask the country for an unprotected copy');
    // the same records in plain text are read
    expect(censusOf(compoundFile([['Workbook', workbook()]]), 'k.xls').sheets).toHaveLength(2);
  });
});

/**
 * The workbook stream as Excel writes it with a password: a FILEPASS record (RC4) right after the
 * first BOF, then every record with its header in plain text and its data scrambled.
 */
function encrypted(stream: Uint8Array): Uint8Array {
  const bofEnd = 4 + (stream[2]! | (stream[3]! << 8));
  const filepass = new Uint8Array(4 + 54);
  filepass.set([0x2f, 0x00, 54, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
  const rest = stream.slice(bofEnd);
  for (let p = 0; p + 4 <= rest.length; ) {
    const size = rest[p + 2]! | (rest[p + 3]! << 8);
    for (let i = p + 4; i < Math.min(p + 4 + size, rest.length); i++) rest[i] = rest[i]! ^ ((i * 151 + 7) & 0xff);
    p += 4 + size;
  }
  return Buffer.concat([stream.subarray(0, bofEnd), filepass, rest]);
}
