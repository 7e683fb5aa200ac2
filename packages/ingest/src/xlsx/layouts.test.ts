import { describe, expect, it } from 'vitest';
import { context, ingestFixture, obsLines } from '../test-support/dump';

const read = async (name: string, layout: Record<string, string>) => {
  const r = await ingestFixture(new URL(`fixtures/${name}`, import.meta.url), name, context('ARM', { layout }));
  expect(r.rejections).toEqual([]);
  expect(r.files[0]!.value_cells).toBe(r.observations.length);
  return obsLines(r);
};

describe('layout variants, chosen by the country setting', () => {
  it('years down the rows', async () => {
    expect(await read('layout-years-rows.xlsx', { years: 'rows' })).toEqual([
      'T02 2011 - _T RUS = 10 A/F u0 @T02!C3 «10»',
      'T02 2011 - M RUS = 4 A/F u0 @T02!D3 «4»',
      'T02 2011 - F RUS = 6 A/F u0 @T02!E3 «6»',
      'T02 2012 - _T RUS = 11 A/F u0 @T02!C4 «11»',
      'T02 2012 - M RUS = 5 A/F u0 @T02!D4 «5»',
      'T02 2012 - F RUS = 6 A/F u0 @T02!E4 «6»',
      'T02 2012 - _T STLS = 2 A/F u0 @T02!C5 «2»',
      'T02 2012 - M STLS = 1 A/F u0 @T02!D5 «1»',
      'T02 2012 - F STLS = 1 A/F u0 @T02!E5 «1»',
    ]);
  });

  it('one sheet per year, the year only in the title', async () => {
    expect(await read('layout-years-sheets.xlsx', { years: 'sheets' })).toEqual([
      'T08 2011 NAT _T RUS = 30 A/F u0 @T08 2011!B3 «30»',
      'T08 2011 NAT M RUS = 10 A/F u0 @T08 2011!C3 «10»',
      'T08 2011 NAT F RUS = 20 A/F u0 @T08 2011!D3 «20»',
      'T08 2012 NAT _T RUS = 31 A/F u0 @T08 (2)!B3 «31»',
      'T08 2012 NAT M RUS = 11 A/F u0 @T08 (2)!C3 «11»',
      'T08 2012 NAT F RUS = 20 A/F u0 @T08 (2)!D3 «20»',
    ]);
  });

  it('migration type in column blocks', async () => {
    expect(await read('layout-type-columns.xlsx', { migr_type: 'column-blocks' })).toEqual([
      'T05 2012 LT M GEO = 1 A/F u0 @T05!B5 «1»',
      'T05 2012 LT F GEO = 2 A/F u0 @T05!C5 «2»',
      'T05 2012 ST M GEO = 3 A/F u0 @T05!D5 «3»',
      'T05 2012 ST F GEO = 4 A/F u0 @T05!E5 «4»',
    ]);
  });

  it('sex in row blocks', async () => {
    expect(await read('layout-sex-rows.xlsx', { sex: 'row-blocks' })).toEqual([
      'T07 2011 NAT _T Y_LT5 = 10 A/F u0 @T07!B4 «10»',
      'T07 2012 NAT _T Y_LT5 = 11 A/F u0 @T07!C4 «11»',
      'T07 2011 NAT _T _T = 100 A/F u0 @T07!B5 «100»',
      'T07 2012 NAT _T _T = 110 A/F u0 @T07!C5 «110»',
      'T07 2011 NAT M Y_LT5 = 4 A/F u0 @T07!B7 «4»',
      'T07 2012 NAT M Y_LT5 = 5 A/F u0 @T07!C7 «5»',
      'T07 2011 NAT F Y_LT5 = 6 A/F u0 @T07!B9 «6»',
      'T07 2012 NAT F Y_LT5 = 6 A/F u0 @T07!C9 «6»',
    ]);
  });
});
