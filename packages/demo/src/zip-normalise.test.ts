import { describe, expect, it } from 'vitest';
import { simpleSheet, writeWorkbook } from './xlsx-writer';
import { normaliseZipTimes } from './zip-normalise';

describe('normaliseZipTimes', () => {
  it('makes entry times fixed, so a workbook is the same bytes whenever it is written', async () => {
    const bytes = await writeWorkbook([simpleSheet('Cover', [['Country', 'Armenia']])], 'test');
    const stamped = new Uint8Array(bytes);
    // a clock-stamped local header time, as JSZip writes it
    stamped[10] = 0x5a;
    stamped[11] = 0x6b;
    expect(Buffer.compare(stamped, bytes)).not.toBe(0);
    expect(Buffer.compare(normaliseZipTimes(stamped), bytes)).toBe(0);
  });

  it('refuses bytes that are not a zip archive', () => {
    expect(() => normaliseZipTimes(new Uint8Array(40))).toThrow(/not a zip/);
  });
});
