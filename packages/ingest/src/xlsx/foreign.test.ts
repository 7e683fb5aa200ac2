import type { IngestResult } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { context, ingestFixture, obsLines, rejLines } from '../test-support/dump';

// Workbooks no code of this project wrote: LibreOffice converted them from hand-written flat ODS,
// or their sheet XML was written by hand and zipped (fixtures/make-foreign-fixtures.ts).
const read = (name: string, ref_area: string, settings: Record<string, unknown> = {}) => ingestFixture(new URL(`fixtures/${name}`, import.meta.url), name, context(ref_area, settings));

function accounted(r: IngestResult): void {
  const f = r.files[0]!;
  expect(f.value_cells).toBe(f.observations + f.rejections);
  expect([f.observations, f.rejections]).toEqual([r.observations.length, r.rejections.length]);
}

describe('a questionnaire written by LibreOffice, with the accepted deviations', async () => {
  const r = await read('lo-deviations-kaz.xlsx', 'KAZ');

  it('reads labels, symbols, flags, hidden rows and columns, comments, number formats and formulas into exact observations', () => {
    // Soviet-era and colloquial names, extra and non-breaking spaces, a footnote marker, upper case,
    // a Cyrillic е in "Gеorgia", subtotals (CIS, far abroad, Baltic, Итого), an «из них» row; a hidden
    // row (Молдавия) and a hidden column (H); a commented cell (C10); "12,345" as a formatted number
    expect(obsLines(r)).toEqual([
      "T08 2011 NAT _T _T = 1000 A/F u0 @Таблица 8!C8 «1000»",
      "T08 2011 NAT M _T = 400 A/F u0 @Таблица 8!D8 «400»",
      "T08 2011 NAT F _T = 600 A/F u0 @Таблица 8!E8 «600»",
      "T08 2012 NAT _T _T = 1100 A/F u0 @Таблица 8!F8 «1 100»",
      "T08 2012 NAT M _T = 500 A/F u0 @Таблица 8!G8 «500»",
      "T08 2012 NAT F _T = 600 A/F u0 @Таблица 8!H8 «600»",
      "T08 2011 NAT _T CIS = 700 A/F u0 @Таблица 8!C9 «700»",
      "T08 2011 NAT M CIS = 300 A/F u0 @Таблица 8!D9 «300»",
      "T08 2011 NAT F CIS = 400 A/F u0 @Таблица 8!E9 «400»",
      "T08 2011 NAT _T RUS = 500 A/F [1] u0 @Таблица 8!C10 «500»",
      "T08 2011 NAT M RUS = 200 A/F [1] u0 @Таблица 8!D10 «200»",
      "T08 2011 NAT F RUS = 300 A/F [1] u0 @Таблица 8!E10 «300»",
      "T08 2012 NAT _T RUS = 520 A/F [1] u0 @Таблица 8!F10 «520»",
      "T08 2012 NAT M RUS = 220 A/F [1] u0 @Таблица 8!G10 «220»",
      "T08 2012 NAT F RUS = 300 A/F [1] u0 @Таблица 8!H10 «300»",
      "T08 2011 NAT _T KGZ = null M/F u0 @Таблица 8!C11 «х»",
      "T08 2011 NAT M KGZ = null Q/C u0 @Таблица 8!D11 «с»",
      "T08 2011 NAT F KGZ = null O/F u0 @Таблица 8!E11 «…»",
      "T08 2012 NAT _T KGZ = null O/F u0 @Таблица 8!F11 «:»",
      "T08 2012 NAT M KGZ = 0 A/F u0 @Таблица 8!G11 «–»",
      "T08 2012 NAT F KGZ = 12 P/F u0 @Таблица 8!H11 «12 р»",
      "T08 2011 NAT _T MDA = 10 A/F u0 @Таблица 8!C12 «10»",
      "T08 2011 NAT M MDA = 4 A/F u0 @Таблица 8!D12 «4»",
      "T08 2011 NAT F MDA = 6 A/F u0 @Таблица 8!E12 «6»",
      "T08 2012 NAT _T MDA = 11 E/F u0 @Таблица 8!F12 «11 е»",
      "T08 2012 NAT M MDA = 5 A/F u0 @Таблица 8!G12 «5»",
      "T08 2012 NAT F MDA = 6 A/F u0 @Таблица 8!H12 «6»",
      "T08 2011 NAT _T BLR = 12345 A/F u0 @Таблица 8!C13 «12345»",
      "T08 2011 NAT M BLR = 6000 A/F u0 @Таблица 8!D13 «6000»",
      "T08 2011 NAT F BLR = 6345 A/F u0 @Таблица 8!E13 «6345»",
      "T08 2011 NAT _T TKM = 3 A/F u0 @Таблица 8!C15 «3»",
      "T08 2011 NAT M TKM = 1 A/F u0 @Таблица 8!D15 «1»",
      "T08 2011 NAT F TKM = 2 A/F u0 @Таблица 8!E15 «2»",
      "T08 2011 NAT _T USA = 5 A/F u0 @Таблица 8!C16 «5»",
      "T08 2011 NAT M USA = 2 A/F u0 @Таблица 8!D16 «2»",
      "T08 2011 NAT F USA = 3 A/F u0 @Таблица 8!E16 «3»",
      "T08 2011 NAT _T GBR = 4 A/F u0 @Таблица 8!C17 «4»",
      "T08 2011 NAT M GBR = 2 A/F u0 @Таблица 8!D17 «2»",
      "T08 2011 NAT F GBR = 2 A/F u0 @Таблица 8!E17 «2»",
      "T08 2011 NAT _T GEO = 2 A/F u0 @Таблица 8!C18 «2»",
      "T08 2011 NAT M GEO = 1 A/F u0 @Таблица 8!D18 «1»",
      "T08 2011 NAT F GEO = 1 A/F u0 @Таблица 8!E18 «1»",
      // «из них: Германия» under Georgia: recorded as a part of it (MCH-A03 then finds 3 > 2)
      "T08 2011 NAT _T DEU <GEO = 3 A/F u0 @Таблица 8!C19 «3»",
      "T08 2011 NAT _T FAR = 300 A/F u0 @Таблица 8!C20 «300»",
      "T08 2011 NAT _T BALT = 20 A/F u0 @Таблица 8!C21 «20»",
      "T08 2011 ST _T _T = 50 A/F u0 @Таблица 8!C23 «50»",
      "T08 2011 ST M _T = 20 A/F u0 @Таблица 8!D23 «20»",
      "T08 2011 ST F _T = 30 A/F u0 @Таблица 8!E23 «30»",
      "T08 2011 ST _T RUS = 40 A/F u0 @Таблица 8!C24 «40»",
      "T08 2011 ST M RUS = 15 A/F u0 @Таблица 8!D24 «15»",
      "T08 2011 ST F RUS = 25 A/F u0 @Таблица 8!E24 «25»",
      "T08 2011 ST _T KGZ = 7 B/F u0 @Таблица 8!C25 «7(b)»",
      "T08 2011 ST _T UZB = 9 A/F u0 @Таблица 8!C28 «9»",
      "T08 2011 ST M UZB = 4 A/F u0 @Таблица 8!D28 «4»",
      "T08 2011 ST F UZB = 5 A/F u0 @Таблица 8!E28 «5»",
    ]);
    accounted(r);
  });

  it('refuses the ambiguous label with suggestions; the type row with values gives the block total', () => {
    expect(rejLines(r)).toEqual([
      "ambiguous-label T08 @Таблица 8!C22 «1» KOR|PRK",
    ]);
    expect(r.rejections[0]).toMatchObject({ time_period: 2011, source: { file: 'lo-deviations-kaz.xlsx', sheet: 'Таблица 8', cell: 'C22', raw: '1' } });
  });

  it('names what it did not read as values, and reads values found below the notes', () => {
    expect(r.files[0]!.warnings).toEqual([
      "lo-deviations-kaz.xlsx, sheet \"Таблица 8\": columns of shares or rates, no counts of persons, not read: I5 \"Доля, %\"",
      "lo-deviations-kaz.xlsx, sheet \"Таблица 8\": cells in columns that are not value columns were not read as values (cells per column I: 2)",
      "lo-deviations-kaz.xlsx, sheet \"Таблица 8\": row 28 below the notes holds values, read as table rows",
    ]);
    expect(r.notes.map((n) => [n.ref, n.text, n.source.cell])).toEqual([["", "по данным МВД", "A26"], ["1", "Без учёта лиц, выбывших на срок менее года", "A27"]]);
  });
});

describe('layout variants in workbooks of other writers', () => {
  it('one sheet per year, the year only in the title (LibreOffice)', async () => {
    const r = await read('lo-years-sheets-tjk.xlsx', 'TJK', { layout: { years: 'sheets' } });
    expect(obsLines(r)).toEqual([
      "T11 2011 - _T UZB = 30 A/F u0 @Таблица 11!B3 «30»",
      "T11 2011 - M UZB = 10 A/F u0 @Таблица 11!C3 «10»",
      "T11 2011 - F UZB = 20 A/F u0 @Таблица 11!D3 «20»",
      "T11 2012 - _T UZB = 31 A/F u0 @Таблица 11 (2)!B3 «31»",
      "T11 2012 - M UZB = 11 A/F u0 @Таблица 11 (2)!C3 «11»",
      "T11 2012 - F UZB = 20 A/F u0 @Таблица 11 (2)!D3 «20»",
    ]);
    expect(r.rejections).toEqual([]);
  });

  it('years as block rows, bilingual sex header, shared and inline strings, a frozen pane, cached and uncached formulas (hand-written XML)', async () => {
    const r = await read('ooxml-years-rows-uzb.xlsx', 'UZB', { layout: { years: 'rows' } });
    expect(obsLines(r)).toEqual([
      "T03 2011 - _T _T = 12345 A/F u0 @T03!B5 «12345»",
      "T03 2011 - M _T = 6000 A/F u0 @T03!C5 «6000»",
      "T03 2011 - F _T = 6345 A/F u0 @T03!D5 «6345»",
      "T03 2011 - _T Y_LT5 = 10 A/F u0 @T03!B6 «10»",
      "T03 2011 - M Y_LT5 = 4 A/F u0 @T03!C6 «4»",
      "T03 2011 - F Y_LT5 = 6 A/F u0 @T03!D6 «6»",
      "T03 2012 - _T _T = 12400 A/F u0 @T03!B8 «12400»",
      "T03 2012 - M _T = 6100 A/F u0 @T03!C8 «6100»",
      "T03 2012 - _T Y_GE85 = null O/F u0 @T03!B9 «..»",
      "T03 2012 - M Y_GE85 = null M/F u0 @T03!C9 «x»",
      "T03 2012 - F Y_GE85 = 3 A/F u0 @T03!D9 «3»",
    ]);
    expect(rejLines(r)).toEqual([
      "formula-without-value T03 @T03!D8 «»",
    ]);
    expect(r.rejections[0]!.time_period).toBe(2012);
    accounted(r);
  });

  it('sex in row blocks and migration type in column blocks (hand-written XML)', async () => {
    const r = await read('ooxml-sex-rows-type-columns-mda.xlsx', 'MDA', { layout: { sex: 'row-blocks', migr_type: 'column-blocks' } });
    expect(obsLines(r)).toEqual([
      "T10 2011 LT M _T = 20 A/F u0 @T10!B5 «20»",
      "T10 2012 LT M _T = 21 A/F u0 @T10!C5 «21»",
      "T10 2011 ST M _T = 5 A/F u0 @T10!D5 «5»",
      "T10 2012 ST M _T = 6 A/F u0 @T10!E5 «6»",
      "T10 2011 LT M Y15-19 = 2 A/F u0 @T10!B6 «2»",
      "T10 2012 LT M Y15-19 = 3 A/F u0 @T10!C6 «3»",
      "T10 2011 ST M Y15-19 = 1 A/F u0 @T10!D6 «1»",
      "T10 2012 ST M Y15-19 = 1 A/F u0 @T10!E6 «1»",
      "T10 2011 LT F _T = 30 A/F u0 @T10!B8 «30»",
      "T10 2012 LT F _T = 31 A/F u0 @T10!C8 «31»",
      "T10 2011 ST F _T = 7 A/F u0 @T10!D8 «7»",
      "T10 2012 ST F _T = 8 A/F u0 @T10!E8 «8»",
      "T10 2011 LT F Y15-19 = 4 A/F u0 @T10!B9 «4»",
      "T10 2012 LT F Y15-19 = 5 A/F u0 @T10!C9 «5»",
      "T10 2011 ST F Y15-19 = 2 A/F u0 @T10!D9 «2»",
      "T10 2012 ST F Y15-19 = 2 A/F u0 @T10!E9 «2»",
    ]);
    expect(r.rejections).toEqual([]);
  });
});
