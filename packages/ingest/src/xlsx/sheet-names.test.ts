import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context } from '../test-support/dump';
import { type XmlCell, ooxmlWorkbook } from '../test-support/ooxml';

// A sheet's table is the number after a table word wherever it stands in the name, never the
// sheet's order number before it; a title settles a name that names several tables or none.
const FLOWS: XmlCell[][] = [['Country', 2011], [null, 'Total', 'Men', 'Women'], ['Germany', 101, 102, 103]];
const read = (sheets: { name: string; rows: XmlCell[][] }[]) => ingestFile({ path: 's.xlsx', bytes: ooxmlWorkbook(sheets) }, context('ARM', {}));

describe('the table a sheet holds', () => {
  it('takes the table word\'s number, not the order number before it', async () => {
    const r = await read([
      { name: '1. Прибывшие (табл. 4)', rows: [['Таблица 4. Иммигранты'], ...FLOWS] },
      { name: '02_T08', rows: [['Таблица 8. Эмигранты'], ...FLOWS] },
      { name: 'Приложение 2. Таблица 5', rows: [['Таблица 5.'], ...FLOWS] },
      { name: 'Раздел 1 Т06', rows: [['Таблица 6.'], ...FLOWS] },
    ]);
    // before: read as T01 (a stock table) and T02; the last two were not read at all
    expect([...new Set(r.observations.map((o) => o.table))].sort()).toEqual(['T04', 'T05', 'T06', 'T08']);
    expect(r.files[0]).toMatchObject({ value_cells: 12, observations: 12, ignored_sheets: [] });
    expect(r.files[0]!.warnings).toEqual([]);
  });

  it('reads a sheet by its title where its name names several tables or none, and says so', async () => {
    const r = await read([
      { name: 'Таблицы 10 и 11', rows: [['Таблица 10. Эмигранты по возрасту'], ['Age', 2011], [null, 'Total', 'Men', 'Women'], ['15-19', 1, 2, 3]] },
      { name: 'Лист1', rows: [['Table 4: Immigrants by country of previous residence'], ...FLOWS] },
    ]);
    expect(r.observations.map((o) => o.table)).toEqual(['T10', 'T10', 'T10', 'T04', 'T04', 'T04']);
    expect(r.files[0]!.warnings).toEqual([
      's.xlsx, sheet "Таблицы 10 и 11": read as T10, the table its title names (its name names T10, T11)',
      's.xlsx, sheet "Лист1": read as T04, the table its title names',
    ]);
  });

  it('reads the name\'s table where the title names another, and warns', async () => {
    const r = await read([{ name: 'T07', rows: [['Таблица 3. Население по возрасту'], ['Age', 2011], [null, 'Total', 'Men', 'Women'], ['15-19', 1, 2, 3]] }]);
    expect(r.observations.map((o) => o.table)).toEqual(['T07', 'T07', 'T07']);
    expect(r.files[0]!.warnings).toEqual(['s.xlsx, sheet "T07": its title names T03, its name T07; read as T07 (check which table the sheet holds)']);
  });

  it('names what an unread sheet holds: several tables without a title to settle them, or numbers under a name that is no table', async () => {
    const r = await read([
      { name: 'T04', rows: FLOWS },
      { name: 'T10-T11', rows: [['Emigrants'], ...FLOWS] },
      { name: 'Диаграмма 1', rows: [['Chart data'], ['2011', 5], ['2012', 6]] },
      { name: 'Примечания к таблице 6', rows: [['Данные предварительные']] },
    ]);
    expect(r.files[0]!.ignored_sheets).toEqual(['T10-T11', 'Диаграмма 1', 'Примечания к таблице 6']);
    expect(r.files[0]!.warnings).toEqual([
      's.xlsx, sheet "T10-T11": names several tables (T10, T11) and its title none of them; not read: give each table a sheet of its own, named by its number such as "T04" (it holds 4 numbers)',
      's.xlsx, sheet "Диаграмма 1": not read, as its name gives no table number (such as "T04") and its title names no table, yet it holds 2 numbers',
    ]);
  });
});

describe('sheets that name a table but do not hold it', () => {
  it('leaves notes on a table, a copy of it and a sheet titled by a table another sheet holds, and says so', async () => {
    const r = await read([
      { name: 'T04', rows: FLOWS },
      { name: 'Примечания к табл. 4', rows: [['Таблица 4.'], ...FLOWS] },
      { name: 'Copy of T04', rows: FLOWS },
      { name: 'Лист1', rows: [['Таблица 4 (для сравнения с прошлым годом)'], ...FLOWS] },
    ]);
    // before: each read as T04 too, and every figure of the real T04 refused as conflicting-value
    expect(r.files[0]).toMatchObject({ value_cells: 3, observations: 3, rejections: 0, ignored_sheets: ['Примечания к табл. 4', 'Copy of T04', 'Лист1'] });
    expect(r.files[0]!.warnings).toEqual([
      's.xlsx, sheet "Примечания к табл. 4": names T04 but reads as notes, a copy or an old version of it; not read (name the sheet by its number alone, such as "T04", if it holds the table) (it holds 4 numbers)',
      's.xlsx, sheet "Copy of T04": names T04 but reads as notes, a copy or an old version of it; not read (name the sheet by its number alone, such as "T04", if it holds the table) (it holds 4 numbers)',
      's.xlsx, sheet "Лист1": its title names T04, which another sheet named by it holds; not read (it holds 4 numbers)',
    ]);
  });
});

describe('a table in thousands', () => {
  it('is told by its sheet name or by a note under it that gives the unit, not by any note naming thousands', async () => {
    const rows = (note: string): XmlCell[][] => [['Таблица 4.'], ...FLOWS, [], [note]];
    const r = await read([
      { name: 'T04 (тыс. чел.)', rows: [['Таблица 4.'], ...FLOWS] },
      { name: 'T05', rows: rows('Примечание: данные приведены в тысячах человек') },
      { name: 'T06', rows: rows('Cells under five thousand persons are rounded') },
      { name: 'T11', rows: rows('Население на начало года — 3 018,9 тыс. чел.') },
      { name: 'T08', rows: rows('The population in thousands is given in Table 1') },
      { name: 'T09', rows: rows('Примечание. Все данные представлены в тысячах человек.') },
      { name: 'T01', rows: rows('Единица измерения: тыс. чел.') },
    ]);
    const value = (t: string) => r.observations.filter((o) => o.table === t && o.sex === '_T').map((o) => [o.obs_value, o.unit_mult]);
    // before: 101 read as 101 persons in the first two (harmonise turns a value in thousands into persons)
    expect([value('T04'), value('T05'), value('T06'), value('T11'), value('T08'), value('T09'), value('T01')]).toEqual([[[101, 3]], [[101, 3]], [[101, 0]], [[101, 0]], [[101, 0]], [[101, 3]], [[101, 3]]]);
  });
});
