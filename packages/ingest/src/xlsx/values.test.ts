import type { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context, obsLines, rejLines } from '../test-support/dump';
import { type XmlCell, oneSheet, sheetXml } from '../test-support/ooxml';

// Value cells the workbook hides or mislabels are refused at their cell, never dropped or read
// under another year; labels holding more than a name are refused or named.
const HEAD: XmlCell[][] = [['Immigrants, 2010–2012'], ['Country', 2011, null, null, 2012, null, null], [null, 'Total', 'Men', 'Women', 'Total', 'Men', 'Women']];
const book = (rows: XmlCell[][], merges: string[] = []) => {
  const strings: string[] = [];
  return oneSheet(sheetXml({ name: 'T04', rows: [...HEAD, ...rows], merges }, strings), strings);
};
const read = (bytes: Uint8Array, settings: Record<string, unknown> = {}) => ingestFile({ path: 'v.xlsx', bytes }, context('ARM', settings));

describe('hidden and mislabelled value cells', () => {
  it('a value under a merged range is refused, not lost with the merge', async () => {
    const r = await read(book([['Germany', 30, 10, 20, 31, 11, 20]], ['B2:D2', 'E2:G2', 'C4:D4']));
    expect(r.files[0]).toMatchObject({ value_cells: 6, observations: 5, rejections: 1 });
    expect(r.rejections[0]!.message).toBe('v.xlsx, sheet "T04", cell D4 "20": the cell holds a value of its own under a merged range, which Excel hides; unmerge the cells and check the value');
    expect((await read(book([['Germany', 30, 10, 20, 31, 11, 20]], ['B2:D2', 'E2:G2']))).files[0]).toMatchObject({ value_cells: 6, observations: 6 });
  });

  it('figures under a year that cannot be read are refused, never read under the year of the title', async () => {
    const rows: XmlCell[][] = [['Germany', 30, 10, 20, 31, 11, 20]];
    for (const year of [{ inline: '=2011' }, 1e308, { xml: '<c r="$REF"><v>0x7DB</v></c>' }]) {
      const strings: string[] = [];
      const bytes = oneSheet(sheetXml({ name: 'T04', rows: [HEAD[0]!, ['Country', year, null, null, 2012, null, null], HEAD[2]!, ...rows], merges: ['B2:D2', 'E2:G2'] }, strings), strings);
      const r = await read(bytes);
      expect(r.files[0], JSON.stringify(year)).toMatchObject({ value_cells: 6, observations: 3, rejections: 3 });
      expect(r.rejections[0]!.message).toMatch(/^v\.xlsx, sheet "T04", cell B4 "30": a value in column B, whose header B2 ".+" is not a reference year; correct the header$/u);
      expect(r.observations.every((o) => o.time_period === 2012)).toBe(true);
    }
    expect((await read(book(rows, ['B2:D2', 'E2:G2']))).files[0]).toMatchObject({ value_cells: 6, observations: 6 });
  });

  it('figures under a sex header not understood are refused at their cells, never lost; a share column is left unread', async () => {
    const bytes = (men: string, extra: string) => {
      const strings: string[] = [];
      const rows: XmlCell[][] = [HEAD[0]!, ['Country', 2011, null, null, 2012, null, null, null], [null, 'Total', men, 'Women', 'Total', men, 'Women', extra], ['Germany', 30, 10, 20, 31, 11, 20, 33]];
      return oneSheet(sheetXml({ name: 'T04', rows, merges: ['B2:D2', 'E2:H2'] }, strings), strings);
    };
    for (const men of ['Мужч.', 'Men (persons)']) {
      const r = await read(bytes(men, 'Доля, %'));
      expect(r.files[0], men).toMatchObject({ value_cells: 6, observations: 4, rejections: 2 });
      expect(r.rejections.map((x) => x.message)).toEqual(
        ['C', 'F'].map((col) => `v.xlsx, sheet "T04", cell ${col}4 "${col === 'C' ? 10 : 11}": a value in column ${col}, whose header ${col}3 "${men}" is not a year, sex or type of migration of this table; correct the header to the questionnaire's`),
      );
      expect(r.files[0]!.warnings).toContain('v.xlsx, sheet "T04": columns of shares or rates, no counts of persons, not read: H3 "Доля, %"');
    }
    // the questionnaire's own labels: every figure read, the share column still unread
    for (const men of ['Men', 'Мужчины']) expect((await read(bytes(men, 'Share, %'))).files[0], men).toMatchObject({ value_cells: 6, observations: 6, rejections: 0 });
    // a header that is neither a sex nor a share has its figures refused too
    expect((await read(bytes('Men', 'Persons'))).files[0]).toMatchObject({ value_cells: 7, observations: 6, rejections: 1 });
  });

  it('a number cell holding a date or hex is refused as text, not read as 2012 or 0', async () => {
    const r = await read(book([['Germany', { xml: '<c r="$REF"><v>2012-03-04</v></c>' }, { xml: '<c r="$REF"><v>0x1A</v></c>' }, 20]], ['B2:D2']));
    expect(rejLines(r)).toEqual(['unparseable-value T04 @T04!B4 «2012-03-04»', 'unparseable-value T04 @T04!C4 «0x1A»']);
    expect(obsLines(r)).toEqual(['T04 2011 NAT F DEU = 20 A/F u0 @T04!D4 «20»']);
  });

  it('a label computed by a formula is read by its result and named; one holding markup is refused', async () => {
    const formula = { xml: '<c r="$REF" t="str"><f>HYPERLINK("javascript:alert(1)","Georgia")</f><v>Georgia</v></c>' };
    const r = await read(book([[formula, 3, 1, 2], [{ inline: 'Georgia <script>alert(1)</script>' }, 4]], ['B2:D2']));
    expect(obsLines(r).map((l) => l.split(' u0')[0])).toEqual(['T04 2011 NAT _T GEO = 3 A/F', 'T04 2011 NAT M GEO = 1 A/F', 'T04 2011 NAT F GEO = 2 A/F']);
    expect(r.files[0]!.warnings).toEqual(['v.xlsx, sheet "T04": labels computed by formulas, read by their results: A4 "=HYPERLINK("javascript:alert(1)","Georgia")" → "Georgia"']);
    expect(r.rejections.map((x) => [x.reason, x.source.cell, x.suggestions])).toEqual([['unmapped-label', 'B5', ['GEO']]]);
  });

  it('refuses to read blanks as zeros over more cells than a workbook may hold', async () => {
    const wide: XmlCell[] = ['Country', ...Array.from({ length: 16_000 }, () => 2012)];
    const rows: XmlCell[][] = [wide, ['', ...Array.from({ length: 16_000 }, () => 'Total')], ...Array.from({ length: 100 }, (): XmlCell[] => ['Germany', 1])];
    const strings: string[] = [];
    const bytes = oneSheet(sheetXml({ name: 'T04', rows }, strings), strings);
    const err = await read(bytes, { blank_is_zero: true }).catch((e: unknown) => e);
    expect((err as MchError).message).toBe('v.xlsx, sheet "T04": 16000 value columns × 100 rows are more cells than allowed to read blanks as zeros');
    expect((await read(bytes)).files[0]!.value_cells).toBe(100);
  }, 60_000);
});

describe('an observation given twice with the same value', () => {
  it('is kept, and said in a warning naming both cells; different values are refused as before', async () => {
    // «Киргизия» and «Кыргызстан» are one country: the office wrote its row twice
    const r = await read(book([['Киргизия', 30, 10, 20, 31, 11, 20], ['Germany', 5, 2, 3, 6, 3, 3], ['Кыргызстан', 30, 10, 20, 31, 11, 20]], ['B2:D2', 'E2:G2']));
    expect(r.files[0]).toMatchObject({ value_cells: 18, observations: 18, rejections: 0 });
    // before: no word of it
    expect(r.files[0]!.warnings).toEqual([
      'v.xlsx: 6 observations are given twice with the same value (T04!B4 "30" = T04!B6 "30"; T04!C4 "10" = T04!C6 "10"; T04!D4 "20" = T04!D6 "20"; T04!E4 "31" = T04!E6 "31"; T04!F4 "11" = T04!F6 "11" and 1 more); each is published once: check that no row was meant for another country or category',
    ]);
    const single = await read(book([['Germany', 5, 2, 3, 6, 3, 3]], ['B2:D2', 'E2:G2']));
    expect(single.files[0]!.warnings).toEqual([]);
  });
});
