import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context, obsLines, rejLines } from '../test-support/dump';
import { type XmlCell, oneSheet, sheetXml } from '../test-support/ooxml';

// A split year ("2012/13": a fiscal year, or a period of years) names no calendar year: the figures
// under it are refused at their cells, naming it, never read as 2012 nor lost.
const read = (rows: XmlCell[][], merges: string[] = [], settings: Record<string, unknown> = {}) => {
  const strings: string[] = [];
  return ingestFile({ path: 's.xlsx', bytes: oneSheet(sheetXml({ name: 'T04', rows, merges }, strings), strings) }, context('ARM', settings));
};
const SPLIT = ['2012/13', '2012/2013', '2012-13', '2012–13', '2012/13 гг.', '2012/13¹'];
const at = (cell: string, raw: number) => `s.xlsx, sheet "T04", cell ${cell} "${raw}"`;

describe('split years', () => {
  it('refuses the figures under a split year in the header, naming it; a calendar year beside it is read', async () => {
    const sheet = (year: XmlCell) => [['Immigrants'], ['Country', year, null, null, 2013], [null, 'Total', 'Men', 'Women', 'Total', 'Men', 'Women'], ['Germany', 30, 10, 20, 31, 11, 20]];
    for (const year of SPLIT) {
      const r = await read(sheet(year), ['B2:D2', 'E2:G2']);
      expect(r.files[0], year).toMatchObject({ value_cells: 6, observations: 3, rejections: 3 });
      expect(r.observations.map((o) => o.time_period)).toEqual([2013, 2013, 2013]);
      expect(r.rejections[0]!.message).toBe(
        `${at('B4', 30)}: a value in column B, whose header B2 "${year}" is a split year (a fiscal year or a period of years), not a calendar year; give the figures by calendar year`,
      );
      expect(r.files[0]!.warnings[0]).toMatch(/^s\.xlsx, sheet "T04": header cells naming a split year, not a calendar year, the figures under them refused: B2 /u);
    }
    for (const year of ['2012', '2012 г.', '2012¹', '2012 1)']) expect(obsLines(await read(sheet(year), ['B2:D2', 'E2:G2'])).filter((l) => l.startsWith('T04 2012')), year).toHaveLength(3);
  });

  it('reads a period written over the calendar years of its columns as their heading, not as a split year', async () => {
    for (const [banner, merges] of [['2011–2012', ['B2:C2']], ['2011-2012 гг.', ['B2:C2']], ['2011–2012', []]] as const) {
      const r = await read([['Immigrants'], ['Country', banner, null], [null, 2011, 2012], ['Germany', 30, 31]], [...merges]);
      expect(r.files[0], `${banner} ${merges.join()}`).toMatchObject({ value_cells: 2, observations: 2, rejections: 0 });
      expect(r.observations.map((o) => [o.time_period, o.obs_value])).toEqual([[2011, 30], [2012, 31]]);
      expect(r.files[0]!.warnings.join('\n')).not.toContain('split year');
    }
    const titled = await read([[null, '2010–2012'], ['Country', 2010, 2011, 2012], ['Germany', 30, 31, 32]]);
    expect(titled.observations.map((o) => o.time_period)).toEqual([2010, 2011, 2012]);
    // with no calendar year under it, the period's figures are still refused
    const alone = await read([['Immigrants'], ['Country', '2011–2012', null], [null, 'Total', 'Men'], ['Germany', 30, 31]], ['B2:C2']);
    expect(alone.files[0]).toMatchObject({ value_cells: 2, observations: 0, rejections: 2 });
  });

  it('refuses a sheet whose only year is split (the audit file: read as 2012 before), row by row', async () => {
    const rows: XmlCell[][] = [['Table 4. Immigrants by country of previous residence'], ['Unit: persons'], [], ['Code', 'Country', '2012/13'], [null, null, 'Total', 'Men', 'Women'], ['ARM', 'Armenia', 100, 60, 40]];
    const r = await read(rows);
    expect(r.files[0]).toMatchObject({ value_cells: 3, observations: 0, rejections: 3 });
    expect(r.rejections.map((x) => x.message)).toEqual(
      ['C', 'D', 'E'].map((col, i) => `${at(`${col}6`, [100, 60, 40][i]!)}: a value in column ${col}, whose header C4 "2012/13" is a split year (a fiscal year or a period of years), not a calendar year; give the figures by calendar year`),
    );
    rows[3]![2] = 2012;
    expect((await read(rows)).files[0]).toMatchObject({ value_cells: 3, observations: 3, rejections: 0 });
  });

  it('in one header row with the sex: "2012/13 Total" is refused, "2012 Total" and «2012 — мужчины» read', async () => {
    const sheet = (y: string) => [['Immigrants'], ['Country', `${y} Total`, `${y} — мужчины`, `${y} Women`], ['Germany', 30, 10, 20]];
    expect(rejLines(await read(sheet('2012/13')))).toEqual(['B3', 'C3', 'D3'].map((cell, i) => `unparseable-value T04 @T04!${cell} «${[30, 10, 20][i]}»`));
    expect(obsLines(await read(sheet('2012')))).toEqual(['T04 2012 NAT _T DEU = 30 A/F u0 @T04!B3 «30»', 'T04 2012 NAT M DEU = 10 A/F u0 @T04!C3 «10»', 'T04 2012 NAT F DEU = 20 A/F u0 @T04!D3 «20»']);
  });

  it('refuses the figures whose year would come from a title naming a split year', async () => {
    const sheet = (title: string) => [[title], ['Country', 'Total', 'Men', 'Women'], ['Germany', 30, 10, 20]];
    const r = await read(sheet('Immigrants, 2012/13'), [], { layout: { years: 'sheets' } });
    expect(r.files[0]).toMatchObject({ value_cells: 3, observations: 0, rejections: 3 });
    expect(r.rejections[0]!.message).toBe(
      `${at('B3', 30)}: the reference year of this cell, the title A1 "Immigrants, 2012/13", is a split year (a fiscal year or a period of years), not a calendar year; give the figures by calendar year`,
    );
    expect((await read(sheet('Immigrants, 2012'), [], { layout: { years: 'sheets' } })).observations.map((o) => o.time_period)).toEqual([2012, 2012, 2012]);
  });

  it('years down the rows: a split year in the year column or as a block title refuses its rows, never gives them the year above', async () => {
    const years = { layout: { years: 'rows' } };
    const column = await read([['Immigrants'], ['Year', 'Country', 'Total', 'Men', 'Women'], [2011, 'Germany', 30, 10, 20], ['2012/13¹', 'Germany', 31, 11, 20]], [], years);
    expect(column.files[0]).toMatchObject({ value_cells: 6, observations: 3, rejections: 3 });
    expect(column.observations.every((o) => o.time_period === 2011 && o.source?.cell.endsWith('3'))).toBe(true);
    expect(column.rejections[0]!.message).toBe(`${at('C4', 31)}: the reference year of this cell, cell A4 "2012/13", is a split year (a fiscal year or a period of years), not a calendar year; give the figures by calendar year`);
    const blocks = await read([['Immigrants'], ['Country', 'Total', 'Men', 'Women'], ['2011'], ['Germany', 30, 10, 20], ['2012/13'], ['Germany', 31, 11, 20]], [], years);
    expect(blocks.files[0]).toMatchObject({ value_cells: 6, observations: 3, rejections: 3 });
    expect(blocks.rejections[0]!.message).toContain('the reference year of this cell, the block title in row 5 "2012/13", is a split year');
    const calendar = await read([['Immigrants'], ['Country', 'Total', 'Men', 'Women'], ['2011'], ['Germany', 30, 10, 20], ['2012'], ['Germany', 31, 11, 20]], [], years);
    expect(calendar.observations.map((o) => o.time_period)).toEqual([2011, 2011, 2011, 2012, 2012, 2012]);
  });
});
