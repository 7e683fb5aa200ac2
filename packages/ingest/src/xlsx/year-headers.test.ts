import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context } from '../test-support/dump';
import { type XmlCell, ooxmlWorkbook, oneSheet, sheetXml } from '../test-support/ooxml';

// Where the years of a header are not where they can be read from, the figures under them are
// refused at their cells, naming the header, never read under another year or taken for labels.
const read = (rows: XmlCell[][], merges: string[] = []) => {
  const strings: string[] = [];
  return ingestFile({ path: 's.xlsx', bytes: oneSheet(sheetXml({ name: 'T04', rows, merges }, strings), strings) }, context('ARM', {}));
};
const SEXES = [null, 'Total', 'Men', 'Women', 'Total', 'Men', 'Women'];
const FIGURES: XmlCell[][] = [
  ['Germany', 101, 102, 103, 104, 105, 106],
  ['Burundi', 107, 108, 109, 110, 111, 112],
];

describe('year headers', () => {
  it('reads years at the start of each block, merged or not', async () => {
    for (const merges of [['B2:D2', 'E2:G2'], []]) {
      const r = await read([['Immigrants'], ['Country', 2011, null, null, 2012], SEXES, ...FIGURES], merges);
      expect(r.files[0]).toMatchObject({ value_cells: 12, observations: 12, rejections: 0 });
      expect(r.observations.filter((o) => o.partner === 'DEU').map((o) => [o.time_period, o.sex, o.obs_value])).toEqual([
        [2011, '_T', 101], [2011, 'M', 102], [2011, 'F', 103], [2012, '_T', 104], [2012, 'M', 105], [2012, 'F', 106],
      ]);
    }
  });

  it('refuses every figure when the years stand over the middle or the last column of their blocks (typed there, not merged)', async () => {
    for (const [years, named] of [
      [[null, 2011, null, null, 2012, null], 'C2 "2011", F2 "2012"'],
      [[null, null, 2011, null, null, 2012], 'D2 "2011", G2 "2012"'],
    ] as const) {
      const r = await read([['Immigrants'], ['Country', ...years], SEXES, ...FIGURES]);
      // before: the first Total was lost, the next block's Total read under 2011, figures taken for partner codes
      expect(r.files[0], named).toMatchObject({ value_cells: 12, observations: 0, rejections: 12 });
      expect(r.rejections[0]!.message).toBe(
        `s.xlsx, sheet "T04", cell B4 "101": a value in column B: the years of the header (${named}) stand over neither the first column of their blocks nor the whole block, so which year this column holds cannot be told; merge each year's cell over its columns, or write the year above every column`,
      );
    }
  });

  it('refuses the figures under a row of years it cannot read, and does not take a year from that row for the title', async () => {
    for (const banner of ['за 2011 г.', '01.01.2011', '1905-07-04']) {
      const r = await read([['Immigrants'], ['Country', banner, null, null, banner.replace('2011', '2012')], SEXES, ...FIGURES]);
      expect(r.files[0], banner).toMatchObject({ value_cells: 12, observations: 0, rejections: 12 });
      expect(r.rejections[0]!.message, banner).toContain(`a value in column B, whose header B2 "${banner}"`);
    }
  });

  it('reads a title or note with a year above a header of sexes as the sheet\'s year, in any column', async () => {
    for (const [row, merges] of [[[null, 'Immigrants in 2012']], [[null, null, null, '(2012 data)']], [[null, 'Immigrants in 2012'], ['B2:D2']]] as const) {
      const r = await read([['Table 4'], [...row], ['Country', 'Total', 'Men', 'Women'], ['Germany', 101, 102, 103]], [...(merges ?? [])]);
      expect(r.files[0], JSON.stringify(row)).toMatchObject({ value_cells: 3, observations: 3, rejections: 0 });
      expect(r.observations.map((o) => o.time_period)).toEqual([2012, 2012, 2012]);
    }
    // one year at the top right, over a table of type blocks: the sheet's year
    const right = await read([['Table 4'], [null, null, null, null, null, null, 2012], ['Country', 'Long-term migrants', null, null, 'Short-term migrants'], [null, 'Total', 'Men', 'Women', 'Total', 'Men', 'Women'], ['Germany', 1, 2, 3, 4, 5, 6]], ['B3:D3', 'E3:G3']);
    expect(right.observations.map((o) => [o.time_period, o.migr_type, o.sex])).toHaveLength(6);
    expect(new Set(right.observations.map((o) => o.time_period))).toEqual(new Set([2012]));
  });

  it('refuses a column of totals left of the year blocks, reading the blocks', async () => {
    const r = await read([['Immigrants'], ['Country', null, 2011, null, null, 2012], [null, 'Total', 'Total', 'Men', 'Women', 'Total', 'Men', 'Women'], ['Germany', 211, 101, 50, 51, 110, 55, 55]]);
    expect(r.files[0]).toMatchObject({ value_cells: 7, observations: 6, rejections: 1 });
    expect(r.rejections[0]!.message).toBe('s.xlsx, sheet "T04", cell B4 "211": a value in column B, which has no year above it (the years of the header begin at C2); write the year above it, or leave out a column of totals over the years');
  });

  it('refuses every figure when a later year stands over another column of its block than the first', async () => {
    // 2011 over the first column of its block, 2012 over the second of its own: E would be read under 2011
    const r = await read([['Immigrants'], ['Country', 2011, null, null, null, 2012], SEXES, ...FIGURES]);
    expect(r.files[0]).toMatchObject({ value_cells: 12, observations: 0, rejections: 12 });
  });

  it('takes no row of figures with a year beside them for the header: every figure is accounted for at its cell', async () => {
    // years down the rows of a country whose settings say years are in columns: the first data row was the "header", its figures lost
    const r = await read([['Immigrants'], ['Country', 'Year', 'Total', 'Men', 'Women'], ['Russia', 2011, 101, 102, 103], ['Russia', 2012, 104, 105, 106]]);
    expect(r.files[0]).toMatchObject({ value_cells: 6, observations: 0, rejections: 6 });
    expect(r.rejections.map((x) => x.source.cell)).toEqual(['C3', 'D3', 'E3', 'C4', 'D4', 'E4']);
  });

  it("reads a table in thousands whose unit line says '000 persons", async () => {
    const unit = async (line: string) => (await read([[line], ['Country', 2011], [null, 'Total'], ['Germany', '1 234']])).observations.map((o) => [o.obs_value, o.unit_mult]);
    expect(await unit("'000 persons")).toEqual([[1234, 3]]);
    expect(await unit('’000 persons')).toEqual([[1234, 3]]);
    expect(await unit('persons')).toEqual([[1234, 0]]);
  });
});

describe('a conflict between two sheets', () => {
  it('names the other cell with its sheet', async () => {
    const table = (v: number): XmlCell[][] => [['Immigrants'], ['Country', 2011], [null, 'Total'], ['Germany', v]];
    const r = await ingestFile({ path: 's.xlsx', bytes: ooxmlWorkbook([{ name: 'T04', rows: table(30) }, { name: 'T04 (old)', rows: table(25) }]) }, context('ARM', {}));
    expect(r.rejections.map((x) => [x.source.sheet, x.reason])).toEqual([['T04', 'conflicting-value'], ['T04 (old)', 'conflicting-value']]);
    expect(r.rejections[0]!.message).toContain('another cell gives a different value for the same observation (sheet "T04 (old)" B4 "25"); none is kept');
  });
});

describe('blocks of rows', () => {
  it('starts the block a title below a note names: its rows are not read in the block above', async () => {
    const r = await read([['Table 4'], ['Country', 2011], [null, 'Total'], ['Long-term migrants'], ['Germany', 101], ['Note: provisional.'], ['Short-term migrants'], ['Germany', 119]]);
    // before: the title was taken for note text, Germany's short-term figure read as long-term, and both refused as conflicting
    expect(r.observations.map((o) => [o.migr_type, o.obs_value])).toEqual([['LT', 101], ['ST', 119]]);
    expect(r.files[0]!.warnings.join('\n')).toContain('row 8 below the notes holds values');
  });
});
