import { readFileSync } from 'node:fs';
import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context, obsLines } from '../test-support/dump';
import { findSoffice } from './convert';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../xlsx/fixtures/${name}`, import.meta.url)));
const soffice = findSoffice();
if (!soffice && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI=true: .ci/run installs libreoffice-calc-nogui');

describe('old .xls workbooks', () => {
  const name = `are converted by LibreOffice and read like the .xlsx, provenance naming the .xls${soffice ? '' : ' (skipped: soffice is not on PATH)'}`;
  it.skipIf(!soffice)(name, { timeout: 120_000 }, async () => {
    const xls = await ingestFile({ path: 'data/raw/KAZ/t08.xls', bytes: fixture('lo-deviations-kaz.xls') }, context('KAZ'));
    const xlsx = await ingestFile({ path: 'data/raw/KAZ/t08.xls', bytes: fixture('lo-deviations-kaz.xlsx') }, context('KAZ'));
    expect(obsLines(xls)).toEqual(obsLines(xlsx));
    expect(xls.observations.length).toBe(55);
    expect(xls.observations.every((o) => o.source?.file === 'data/raw/KAZ/t08.xls')).toBe(true);
    expect(xls.files[0]!.sha256).not.toBe(xlsx.files[0]!.sha256);
    expect(xls.files[0]!.warnings).toContain('data/raw/KAZ/t08.xls: an old Excel .xls workbook, converted to .xlsx with LibreOffice before reading');
  });

  it('are refused with how to convert them when LibreOffice is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const err = await ingestFile({ path: 'old.xls', bytes: fixture('lo-deviations-kaz.xls') }, context('KAZ')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MchError);
      expect((err as MchError).message).toBe(
        'old.xls cannot be read: it is an old Excel .xls workbook and LibreOffice (soffice) is not installed; open it in Excel or LibreOffice and save it as .xlsx, or install LibreOffice so that `soffice --headless --convert-to xlsx` can convert it, then list the .xlsx in the configuration',
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('an Office file that is no workbook is refused without calling LibreOffice', async () => {
    const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const doc = new Uint8Array([...cfb, ...Buffer.from('WordDocument', 'utf16le')]);
    const err = await ingestFile({ path: 'letter.xls', bytes: doc }, context('KAZ')).catch((e: unknown) => e);
    expect((err as MchError).message).toBe('letter.xls cannot be read: it is a Microsoft Office file of another kind (a Word document or e-mail?), not an Excel workbook');
  });
});
