import { describe, expect, it } from 'vitest';
import { holesOf } from './holes';
import { grid, o, refusedAt } from './testing/fixtures';
import { runRule } from './testing/select';

// ARM T04 2012 long-term: rows 5 RUS, 6 KAZ, 7 UNK, 8 Total; columns C total, D men, E women
const t04 = (kaz: (number | null)[]) =>
  grid('ARM|T04|2012|LT', [
    ['RUS', [300, 160, 140]],
    ['KAZ', kaz],
    ['UNK', [50, 20, 30]],
    ['_T', [500, 260, 240]],
  ]);

describe('cells refused at ingest, placed by their neighbours', () => {
  it('takes the partner and type from the row and the year and sex from the column', () => {
    const observations = t04([150, 80]);
    expect(holesOf([refusedAt('ARM', 'T04', 'E6')], observations)).toEqual([{ ref_area: 'ARM', table: 'T04', time_period: 2012, migr_type: 'LT', sex: 'F', category: 'KAZ' }]);
  });

  it('leaves the partner open when the whole row was refused, and everything but the table for a CSV line', () => {
    const observations = t04([]);
    // one type block on the sheet: its type is known wherever the cell lies
    expect(holesOf([refusedAt('ARM', 'T04', 'C6')], observations)).toEqual([{ ref_area: 'ARM', table: 'T04', time_period: 2012, migr_type: 'LT', sex: '_T' }]);
    const line = { ...refusedAt('ARM', 'T04', '12'), source: { file: 'ARM.csv', sha256: 'f'.repeat(64), sheet: '', cell: '12', raw: 'ARM,T04,2012,LT,F,,KAZ,12O5' }, time_period: 2012 };
    expect(holesOf([line], observations)).toEqual([{ ref_area: 'ARM', table: 'T04', time_period: 2012 }]);
  });
});

describe('an identity with a part refused at ingest skips, never fails (issue 11, finding 2)', () => {
  it('MCH-A03: the partner total of women skips when the women from KAZ were refused', () => {
    const observations = t04([150, 80]);
    const data = { rejections: [refusedAt('ARM', 'T04', 'E6')] };
    const skipped = runRule('MCH-A03', observations, { data });
    expect(skipped.findings).toEqual([]);
    expect(skipped.summary).toMatchObject({ checked: 2, skipped: 1, failed: 0 });
    // the same cells without the refusal: the women's total does not add up
    expect(runRule('MCH-A03', observations).findings.map((f) => f.id)).toEqual(['MCH-A03:ARM|T04|2012|LT|F||_T']);
  });

  it('MCH-A01: a refused sex-unknown column makes the sex identity of its row skip', () => {
    const cells = [o('ARM|T05|2012|LT|_T||KAZ', 100, { source: src('C6') }), o('ARM|T05|2012|LT|M||KAZ', 60, { source: src('D6') }), o('ARM|T05|2012|LT|F||KAZ', 30, { source: src('E6') })];
    const other = [o('ARM|T05|2012|LT|_U||RUS', 1, { source: src('F7') }), o('ARM|T05|2012|LT|_U||DEU', 1, { source: src('F8') })];
    const rejections = [{ ...refusedAt('ARM', 'T05', 'F6'), source: { ...src('F6'), raw: 'ten' } }];
    expect(runRule('MCH-A01', [...cells, ...other]).findings).toHaveLength(1);
    const r = runRule('MCH-A01', [...cells, ...other], { data: { rejections } });
    expect(r.findings).toEqual([]);
    expect(r.summary.skipped).toBe(1);
  });

  it('MCH-A04: a refused unknown row of the population by birth is not taken as zero', () => {
    const t01 = grid('KAZ|T01|2012|', [
      ['KAZ', [800, 400, 400]],
      ['RUS', [150, 70, 80]],
      ['UNK', [50, 25, 25]],
      ['_T', [1000, 495, 505]],
    ]).filter((x) => !(x.partner === 'UNK' && x.sex === '_T'));
    const stock = [o('KAZ|T03|2012||_T|_T|', 150)];
    expect(runRule('MCH-A04', [...t01, ...stock]).findings).toHaveLength(1);
    const r = runRule('MCH-A04', [...t01, ...stock], { data: { rejections: [refusedAt('KAZ', 'T01', 'C7')] } });
    expect(r.findings).toEqual([]);
    expect(r.summary.skipped).toBe(1);
  });

  it('MCH-S03: a total with one confidential part and one refused part discloses nothing', () => {
    // totals only: KAZ confidential, the figure of a row below refused at C8 (its label was refused too)
    const cells = grid('ARM|T04|2012|LT', [
      ['RUS', [300]],
      ['KAZ', [null]],
      ['_T', [500]],
    ]).map((x) => (x.partner === 'KAZ' ? { ...x, conf_status: 'C' as const, obs_status: 'Q' as const } : x));
    // without the refusal the rule would take 500 − 300 for the confidential cell
    expect(runRule('MCH-S03', cells).findings).toHaveLength(1);
    const r = runRule('MCH-S03', cells, { data: { rejections: [refusedAt('ARM', 'T04', 'C8')] } });
    expect(r.findings).toEqual([]);
    expect(r.summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});

function src(cell: string) {
  return { file: 'ARM.xlsx', sha256: 'f'.repeat(64), sheet: 'T05', cell, raw: '' };
}
