import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../test-support/build-workbook';
import { context, ingestFixture, obsLines, rejLines } from '../test-support/dump';
import { ingestFile } from '../ingest';

const fixture = new URL('fixtures/questionnaire-arm.xlsx', import.meta.url);
const path = 'data/raw/ARM/questionnaire-2013.xlsx';

describe('the Excel questionnaire (standard layout with the accepted deviations)', async () => {
  const r = await ingestFixture(fixture, path, context('ARM', { definition_basis: { T04: 'PERM_REG' } }));

  it('reads every value cell into the exact observations, with provenance', () => {
    expect(obsLines(r)).toEqual([
      'T04 2011 LT _T RUS = 12345 A/F u0 PERM_REG @t04 immigrants!C7 «12 345»',
      'T04 2011 LT M RUS = 6000 A/F u0 PERM_REG @t04 immigrants!D7 «6000»',
      'T04 2011 LT F RUS = 6345 A/F u0 PERM_REG @t04 immigrants!E7 «6345»',
      'T04 2012 LT M RUS = null O/F u0 PERM_REG @t04 immigrants!G7 «..»',
      'T04 2012 LT F RUS = null M/F u0 PERM_REG @t04 immigrants!H7 «x»',
      'T04 2011 LT _T KGZ = 1000 A/F u0 PERM_REG @t04 immigrants!C8 «1\u00a0000»',
      "T04 2011 LT M KGZ = 1000 A/F u0 PERM_REG @t04 immigrants!D8 «1'000»",
      'T04 2011 LT F KGZ = 0 A/F u0 PERM_REG @t04 immigrants!E8 «0»',
      'T04 2012 LT _T KGZ = 12345 A/F u0 PERM_REG @t04 immigrants!F8 «12,345»',
      'T04 2012 LT M KGZ = null Q/C u0 PERM_REG @t04 immigrants!G8 «c»',
      'T04 2012 LT F KGZ = 0 A/F u0 PERM_REG @t04 immigrants!H8 «—»',
      // readable, though T04 cannot hold them: observations, for MCH-S01 (SUN) and MCH-A05 (ARM itself)
      'T04 2011 LT _T SUN = 7 A/F u0 PERM_REG @t04 immigrants!C11 «7»',
      'T04 2011 LT _T ARM = 8 A/F u0 PERM_REG @t04 immigrants!C12 «8»',
      'T04 2011 LT _T CIS = 100 A/F u0 PERM_REG @t04 immigrants!C13 «100»',
      'T04 2012 LT _T CIS = 200 A/F u0 PERM_REG @t04 immigrants!F13 «200»',
      // the "of which" row (indented, «из них: Россия» under «Страны СНГ») repeats Russia with the
      // same 2011 value: kept as a part of CIS, harmonise keeps one
      'T04 2011 LT _T RUS <CIS = 12345 A/F u0 PERM_REG @t04 immigrants!C14 «12345»',
      'T04 2011 ST _T DEU = 3 A/F u0 PERM_REG @t04 immigrants!C16 «3»',
      'T04 2011 ST M DEU = 1 A/F u0 PERM_REG @t04 immigrants!D16 «1»',
      'T04 2011 ST F DEU = 2 A/F u0 PERM_REG @t04 immigrants!E16 «2»',
      'T04 2011 ST _T _T = 123 P/F u0 PERM_REG @t04 immigrants!C17 «123*»',
      'T04 2011 ST M _T = 7 P/F u0 PERM_REG @t04 immigrants!D17 «7 (p)»',
      'T04 2011 ST F _T = 1234 A/F [1] u0 PERM_REG @t04 immigrants!E17 «1234 1)»',
      'T04 2012 ST _T _T = 1234 A/F [2] u0 PERM_REG @t04 immigrants!F17 «1234 [2]»',
      'T04 2012 ST M _T = 10 E/F u0 PERM_REG @t04 immigrants!G17 «10 e»',
      'T01 2012 - _T ARM = 3000000 A/F u0 @T1!D3 «3000000»',
      'T01 2012 - M ARM = 1400000 A/F u0 @T1!E3 «1400000»',
      'T01 2012 - F ARM = 1600000 A/F u0 @T1!F3 «1600000»',
      'T01 2012 - _T RUS = 100 A/F u0 @T1!D4 «100»',
      'T01 2012 - M RUS = 40 A/F u0 @T1!E4 «40»',
      'T01 2012 - F RUS = 60 A/F u0 @T1!F4 «60»',
      'T01 2012 - _T SUN = 9 A/F u0 @T1!D6 «9»',
      'T10 2012 NAT _T _T = 1.2 A/F u3 @Т10!B5 «1,2»',
      'T10 2012 NAT M _T = 0.6 A/F u3 @Т10!C5 «0,6»',
      'T10 2012 NAT F _T = 0.6 A/F u3 @Т10!D5 «0,6»',
      'T10 2012 NAT _T Y_LT5 = 0.25 A/F u3 @Т10!B6 «0,25»',
      'T10 2012 NAT F Y_LT5 = 1.5 A/F u3 @Т10!D6 «1.5»',
      'T10 2012 NAT _T Y_GE85 = 0.1 A/F u3 @Т10!B7 «0.1»',
      'T10 2012 NAT M Y_GE85 = 0.05 A/F u3 @Т10!C7 «0.05»',
      'T10 2012 NAT F Y_GE85 = 0.05 A/F u3 @Т10!D7 «0.05»',
      'T10 2012 NAT _T Y15-19 = 1234.5 A/F u3 @Т10!B8 «1 234,5»',
    ]);
    expect(r.observations.every((o) => o.source?.file === path && o.source.sha256.length === 64 && !o.derived)).toBe(true);
  });

  it('refuses the cells it cannot read, with reasons, places and suggestions', () => {
    expect(rejLines(r)).toEqual([
      'ambiguous-label T04 @t04 immigrants!C9 «1» KOR|PRK',
      'unmapped-label T04 @t04 immigrants!C10 «5» ALB|_T|LVA',
      'formula-without-value T04 @t04 immigrants!F16 «»',
      'fraction-in-persons T04 @t04 immigrants!G16 «12,5»',
      'negative-value T04 @t04 immigrants!H16 «-5»',
      'unparseable-value T04 @t04 immigrants!H17 «n/a»',
      'code-label-mismatch T01 @T1!D5 «5» KAZ|KGZ',
      'code-label-mismatch T01 @T1!E5 «2» KAZ|KGZ',
      'code-label-mismatch T01 @T1!F5 «3» KAZ|KGZ',
      'ambiguous-number T10 @Т10!C6 «12,345»',
      // Russia 2012 is 1 234 in its own row and 999 in the "of which" row: both refused
      'conflicting-value T04 @t04 immigrants!F7 «1 234¹»',
      'conflicting-value T04 @t04 immigrants!F14 «999»',
    ]);
    const first = r.rejections[0]!;
    expect(first.message).toBe(`${path}, sheet "t04 immigrants", cell C9 "1": the label "Корея" is ambiguous (KOR, PRK); add an alias to the country's configuration`);
    expect(first.message_ru).toBe(`${path}, лист "t04 immigrants", ячейка C9 "1": название "Корея" неоднозначно (KOR, PRK); добавьте соответствие в настройки страны`);
    expect(r.rejections.map((x) => x.reason)).not.toContain('code-not-allowed');
  });

  it('accounts for every value cell and lists hidden and ignored sheets', () => {
    expect({ ...r.files[0], sha256: undefined }).toEqual({
      file: path,
      sha256: undefined,
      ref_area: 'ARM',
      format: 'xlsx',
      value_cells: 52,
      observations: 40,
      rejections: 12,
      tables: ['T01', 'T04', 'T10'],
      ignored_sheets: ['Instructions'],
      hidden_sheets: ['T1'],
      warnings: [],
    });
  });

  it('keeps notes, net migration and the Metadata sheet', () => {
    expect(r.notes.map((n) => [n.table, n.ref, n.text, n.source.cell])).toEqual([
      ['T04', '1', 'Without persons registered for less than a year continued on the next line', 'A19'],
      ['T04', '', 'Source: Statistical Committee', 'A21'],
    ]);
    expect(r.net_migration.map((n) => [n.table, n.time_period, n.sex, n.partner, n.value, n.source.cell])).toEqual([
      ['T04', 2012, '_T', 'RUS', -40, 'I7'],
      ['T04', 2012, '_T', 'KGZ', 3, 'I8'],
    ]);
    expect(r.metadata).toEqual([
      {
        ...{ ref_area: 'ARM', table: 'T04', source_kind: 'register', definition_basis: 'PERM_REG', reference_date: '' },
        ...{ territory: 'whole country', breaks: [{ year: 2011, text: 'new registration form' }], notes: '<script>alert(1)</script>', from: `${path}#Metadata` },
      },
      {
        ...{ ref_area: 'ARM', table: 'T01', source_kind: 'census', definition_basis: 'CENSUS', reference_date: '2011-10-12' },
        ...{ territory: '', breaks: [], notes: '', from: `${path}#Metadata` },
      },
    ]);
  });

  it('refuses the whole file when the Cover sheet names another country', async () => {
    const err = await ingestFixture(fixture, path, context('KGZ')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MchError);
    expect((err as MchError).code).toBe('file-unreadable');
    expect((err as MchError).message).toContain('the Cover sheet names ARM');
  });
});

describe('country settings', () => {
  const sheet = (rows: (string | number | null)[][]) => buildWorkbook([{ name: 'T08', rows }]);

  it('reads blanks as zeros only where the legend says so, and takes the type from the basis', async () => {
    const bytes = await sheet([['Country', 2012, null], [null, 'Men', 'Women'], ['Russia', 5, null], ['Germany', null, null]]);
    const plain = await ingestFile({ path: 'a.xlsx', bytes }, context('ARM', { definition_basis: { default: 'UN_LT12' } }));
    expect(obsLines(plain)).toEqual(['T08 2012 LT M RUS = 5 A/F u0 UN_LT12 @T08!B3 «5»']);
    const zeros = await ingestFile({ path: 'a.xlsx', bytes }, context('ARM', { blank_is_zero: true }));
    expect(obsLines(zeros)).toEqual(['T08 2012 NAT M RUS = 5 A/F u0 @T08!B3 «5»', 'T08 2012 NAT F RUS = 0 A/F u0 @T08!C3 «»']);
    expect(zeros.files[0]!.value_cells).toBe(2);
  });

  it('an alias in the configuration turns an unmapped label into an observation, no file edited', async () => {
    const bytes = await sheet([['Country', 2012], [null, 'Total'], ['Republic of Atlantis', 5]]);
    const before = await ingestFile({ path: 'a.xlsx', bytes }, context('ARM'));
    expect(rejLines(before)).toEqual(['unmapped-label T08 @T08!B3 «5» BLR|MDA|TUR']);
    expect(before.rejections[0]).toMatchObject({ time_period: 2012, message: 'a.xlsx, sheet "T08", cell B3 "5": the label "Republic of Atlantis" maps to no code (closest: BLR, MDA, TUR); add an alias to the country\'s configuration' });
    const after = await ingestFile({ path: 'a.xlsx', bytes }, context('ARM', { aliases: { 'Republic of Atlantis': 'GRC' } }));
    expect(obsLines(after)).toEqual(['T08 2012 NAT _T GRC = 5 A/F u0 @T08!B3 «5»']);
    expect(after.rejections).toEqual([]);
  });

  it("uses the country's own legend and aliases", async () => {
    const bytes = await sheet([['Country', 2012], [null, 'Total'], ['Нагорный Карабах', 'к'], ['Russia', '0,0'], ['Germany', '12 к']]);
    const r = await ingestFile(
      { path: 'a.xlsx', bytes },
      context('ARM', { aliases: { 'Нагорный Карабах': 'AZE' }, legend: { к: { value: null, obs_status: 'Q', conf_status: 'C' }, '0,0': { value: 0, obs_status: 'A' } } }),
    );
    expect(obsLines(r)).toEqual([
      'T08 2012 NAT _T AZE = null Q/C u0 @T08!B3 «к»',
      'T08 2012 NAT _T RUS = 0 A/F u0 @T08!B4 «0,0»',
      'T08 2012 NAT _T DEU = 12 Q/C u0 @T08!B5 «12 к»',
    ]);
  });
});
