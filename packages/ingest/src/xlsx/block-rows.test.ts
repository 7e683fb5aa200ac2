import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context, obsLines, rejLines } from '../test-support/dump';
import { type XmlCell, ooxmlWorkbook } from '../test-support/ooxml';

// Rows that start a block (a type of migration, a sex) or head rows of no known type: every figure
// under them is read on the block's key or refused naming the heading, never read under another.
const read = (name: string, rows: XmlCell[][], merges: string[] = [], settings: Record<string, unknown> = {}) =>
  ingestFile({ path: 'b.xlsx', bytes: ooxmlWorkbook([{ name, rows, merges }]) }, context('ARM', settings));

/** "type sex partner-or-age value" of each observation */
const keys = (r: Awaited<ReturnType<typeof read>>) => r.observations.map((o) => `${o.migr_type || '-'} ${o.sex} ${o.partner || o.age} ${o.obs_value}`);

const HEADER: XmlCell[][] = [['Таблица 4.'], ['Страна', 2011], [null, 'Всего', 'Мужчины', 'Женщины']];

describe('a type title merged across the table', () => {
  it('starts a block of rows, the first one under the sexes too', async () => {
    // before: the first title, merged A4:D4 under the sexes, was a header row giving every column LT; the ST rows read as LT
    for (const merges of [['B2:D2', 'A4:D4'], ['B2:D2', 'A4:D4', 'A6:D6']]) {
      const r = await read('T04', [...HEADER, ['Долгосрочные мигранты'], ['Россия', 1, 2, 3], ['Краткосрочные мигранты'], ['Германия', 4, 5, 6]], merges);
      expect(keys(r), merges.join()).toEqual(['LT _T RUS 1', 'LT M RUS 2', 'LT F RUS 3', 'ST _T DEU 4', 'ST M DEU 5', 'ST F DEU 6']);
    }
  });

  it('reads blocks sharing their partners, which collided before (every cell conflicting-value)', async () => {
    const r = await read('T04', [...HEADER, ['Долгосрочные мигранты'], ['Россия', 1, 2, 3], ['Всего', 1, 2, 3], ['Краткосрочные мигранты'], ['Россия', 4, 5, 6], ['Всего', 4, 5, 6]], ['B2:D2', 'A4:D4', 'A7:D7']);
    expect(r.rejections).toEqual([]);
    expect(keys(r).filter((k) => k.split(' ')[1] === '_T')).toEqual(['LT _T RUS 1', 'LT _T _T 1', 'ST _T RUS 4', 'ST _T _T 4']);
  });

  it('keeps a type over each block of sex columns a header, and one across the table with the sexes under it', async () => {
    const columns = await read('T04', [['Таблица 4.'], ['Страна', 'Долгосрочные мигранты', null, 'Краткосрочные мигранты'], [null, 2011, null, 2011], [null, 'Мужчины', 'Женщины', 'Мужчины', 'Женщины'], ['Россия', 1, 2, 3, 4]], ['B2:C2', 'D2:E2', 'B3:C3', 'D3:E3']);
    expect(keys(columns)).toEqual(['LT M RUS 1', 'LT F RUS 2', 'ST M RUS 3', 'ST F RUS 4']);
    // a header row whose header continues below it: the whole table's type, as before
    const across = await read('T04', [['Таблица 4.'], ['Страна', 2011], ['Долгосрочные мигранты'], [null, 'Всего', 'Мужчины', 'Женщины'], ['Россия', 1, 2, 3]], ['B2:D2', 'A3:D3']);
    expect(keys(across)).toEqual(['LT _T RUS 1', 'LT M RUS 2', 'LT F RUS 3']);
  });
});

describe('sex in row blocks without the layout setting', () => {
  const AGES: XmlCell[][] = [['Таблица 7.'], ['Возраст', '2011 г.', '2012 г.'], ['Мужчины'], ['Всего', 1, 2], ['15-19', 3, 4], ['Женщины'], ['Всего', 5, 6], ['15-19', 7, 8]];

  it('reads a block under a value-less row naming a sex when the header names none, and says to set the layout', async () => {
    // before: both blocks were read as both sexes, and refused as conflicting-value
    const r = await read('T07', AGES);
    expect(keys(r)).toEqual(['NAT M _T 1', 'NAT M _T 2', 'NAT M Y15-19 3', 'NAT M Y15-19 4', 'NAT F _T 5', 'NAT F _T 6', 'NAT F Y15-19 7', 'NAT F Y15-19 8']);
    expect(r.files[0]!.warnings).toEqual(['b.xlsx, sheet "T07": the block titles A3 "Мужчины", A6 "Женщины" give the sex, as the header names neither men nor women, although the country\'s configuration says sex is in the columns (a cell whose column names another sex is refused); set `layout: sex: row-blocks` in its configuration']);
    // the same as under the setting, without the warning
    const set = await read('T07', AGES, [], { layout: { sex: 'row-blocks' } });
    expect(keys(set)).toEqual(keys(r));
    expect(set.files[0]!.warnings).toEqual([]);
  });

  it('reads one block of women, merged across the table or not', async () => {
    for (const merges of [[], ['A3:C3']]) {
      const r = await read('T04', [['Таблица 4.'], ['Страна', 2011, 2012], ['Женщины'], ['Россия', 1, 2]], merges);
      expect(keys(r), merges.join()).toEqual(['NAT F RUS 1', 'NAT F RUS 2']);
    }
  });

  it('refuses the cells of a block whose sex the header contradicts, naming both', async () => {
    // before: read as both sexes, the block title ignored
    const r = await read('T07', [['Таблица 7.'], ['Возраст', 2011], [null, 'Всего'], ['Мужчины'], ['15-19', 3], ['Женщины'], ['15-19', 7]]);
    expect(rejLines(r)).toEqual(['unparseable-value T07 @T07!B5 «3»', 'unparseable-value T07 @T07!B7 «7»']);
    expect(r.rejections[0]!.message).toBe('b.xlsx, sheet "T07", cell B5 "3": the block title A4 "Мужчины" gives the sex men, the header of column B gives both sexes, so the sex of this cell cannot be told; give the sex either in the header or in block titles');
  });

  it('leaves sex rows alone where the header gives the sexes, and a sex row holding values is no block', async () => {
    const sexed = await read('T04', [...HEADER, ['Россия', 1, 2, 3]], ['B2:D2']);
    expect(keys(sexed)).toEqual(['NAT _T RUS 1', 'NAT M RUS 2', 'NAT F RUS 3']);
    const valued = await read('T07', [['Таблица 7.'], ['Возраст', 2011], ['Всего', 10], ['Мужчины', 4], ['15-19', 3]]);
    expect(keys(valued)).toEqual(['NAT _T _T 10', 'NAT _T Y15-19 3']);
    expect(rejLines(valued)).toEqual(['unmapped-label T07 @T07!B4 «4» _U|_T|Y0']);
    expect(valued.files[0]!.warnings).toEqual([]);
  });
});

describe('a heading naming no known type', () => {
  it('refuses the figures of its block, naming the heading, up to the next type title', async () => {
    // before: read as long-term (the block above), or as the sheet's default type
    const r = await read('T08', [...HEADER, ['Долгосрочные мигранты'], ['Россия', 1, 2, 3], ['Трудовые мигранты (временные)'], ['Россия', 4, 5, 6], ['Краткосрочные мигранты'], ['Россия', 7, 8, 9]]);
    expect(keys(r)).toEqual(['LT _T RUS 1', 'LT M RUS 2', 'LT F RUS 3', 'ST _T RUS 7', 'ST M RUS 8', 'ST F RUS 9']);
    expect(rejLines(r)).toEqual(['unmapped-label T08 @T08!B7 «4» LT|ST|NAT', 'unmapped-label T08 @T08!C7 «5» LT|ST|NAT', 'unmapped-label T08 @T08!D7 «6» LT|ST|NAT']);
    expect(r.rejections[0]!.message).toBe(
      'b.xlsx, sheet "T08", cell B7 "4": the figure stands under the heading A6 "Трудовые мигранты (временные)", which names no type of migration of the questionnaire (long-term, short-term, permanent residence or the national definition), so the type of its figures cannot be told; rename the heading to one of these types, or leave out the rows of a group the questionnaire does not ask for',
    );
    // with its totals on its own row: its rows are refused too, not read under the long-term block above
    const totalled = await read('T08', [...HEADER, ['Долгосрочные мигранты'], ['Россия', 1, 2, 3], ['Трудовые мигранты (временные) - всего', 50, 20, 30], ['Россия', 4, 5, 6]]);
    expect(keys(totalled)).toEqual(['LT _T RUS 1', 'LT M RUS 2', 'LT F RUS 3']);
    expect(totalled.rejections.map((x) => x.source.cell)).toEqual(['B6', 'C6', 'D6', 'B7', 'C7', 'D7']);
    const alone = await read('T09', [...HEADER, ['Временно пребывающие'], ['Россия', 1, 2, 3], ['Всего', 1, 2, 3]]);
    expect(alone.observations).toEqual([]);
    expect(alone.rejections.map((x) => x.reason)).toEqual(Array(6).fill('unmapped-label'));
  });

  it('leaves «из них:» and groups of partners alone', async () => {
    const r = await read('T04', [...HEADER, ['Европа'], ['Германия', 5, 2, 3], ['Страны СНГ'], ['Россия', 6, 3, 3], ['Прочие страны', 10, 4, 6], ['из них:'], ['Афганистан', 3, 1, 2]]);
    expect(r.rejections).toEqual([]);
    expect(obsLines(r).filter((l) => l.split(' ')[3] === '_T').map((l) => l.split(' = ')[0])).toEqual(['T04 2011 NAT _T DEU', 'T04 2011 NAT _T RUS', 'T04 2011 NAT _T OTH', 'T04 2011 NAT _T AFG <OTH']);
  });
});

describe('a type title holding its totals', () => {
  it('starts its block and gives the type\'s total, with "- всего", "— total", ", total", "(всего)" or "Total" before it', async () => {
    // before: "- всего" and the others were unmapped labels, the type not applied, and the blocks collided
    for (const [lt, st] of [
      ['Долгосрочные мигранты - всего', 'Краткосрочные мигранты - всего'],
      ['Long-term migrants — total', 'Short-term migrants, total'],
      ['Долгосрочные мигранты (всего)', 'Total short-term migrants'],
    ]) {
      const r = await read('T05', [...HEADER, [lt!, 10, 4, 6], ['Россия', 1, 2, 3], [st!, 20, 8, 12], ['Россия', 4, 5, 6]]);
      expect(r.rejections, lt).toEqual([]);
      expect(keys(r).filter((k) => k.split(' ')[1] === '_T'), lt).toEqual(['LT _T _T 10', 'LT _T RUS 1', 'ST _T _T 20', 'ST _T RUS 4']);
    }
  });

  it('keeps a total row inside the block its total, and refuses a total it cannot read', async () => {
    const r = await read('T05', [...HEADER, ['Долгосрочные мигранты'], ['Всего', 10, 4, 6], ['Всего прибывших', 10, 4, 6]]);
    expect(keys(r)).toEqual(['LT _T _T 10', 'LT M _T 4', 'LT F _T 6']);
    expect(r.rejections.map((x) => x.reason)).toEqual(Array(3).fill('unmapped-label'));
  });
});
