import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { buildWorkbook, type FixtureCell } from '../test-support/build-workbook';
import { context, obsLines } from '../test-support/dump';

const header: FixtureCell[][] = [['Таблица 11. Иммигранты по гражданству'], ['человек'], [], ['Страна', 2012, null, null], [null, 'Всего', 'Мужчины', 'Женщины']];

async function read(rows: FixtureCell[][], sheet = 'T11') {
  const bytes = await buildWorkbook([{ name: sheet, rows: [...header, ...rows] }]);
  const r = await ingestFile({ path: 'of-which.xlsx', bytes }, context('KGZ'));
  // one line per row: the total column only
  return obsLines(r)
    .filter((l) => l.includes(' _T ') || !/ [MF] /.test(l))
    .filter((l) => / @T\d+!B\d+ /.test(l))
    .map((l) => l.split(' = ')[0]!.split(' ').slice(4).join(' '));
}

describe('"of which" rows are read as parts of their parent row', () => {
  it('«из них Российская Федерация» under «страны СНГ», without indentation: a country, part of CIS', async () => {
    const lines = await read([
      ['Всего', 1000, 400, 600],
      ['страны СНГ', 600, 250, 350],
      ['из них Российская Федерация', 400, 150, 250],
      ['Казахстан', 150, 70, 80],
      ['Прочие страны', 100, 40, 60],
      ['в том числе: Иран', 30, 10, 20],
      ['incl. Syrian Arab Republic', 20, 10, 10],
    ]);
    // Kazakhstan, without prefix or indent, is a row of its own again; both prefixed rows under
    // «Прочие страны» are parts of it, not of one another
    expect(lines).toEqual(['_T', 'CIS', 'RUS <CIS', 'KAZ', 'OTH', 'IRN <OTH', 'SYR <OTH']);
  });

  it('an «из них:» row of its own makes the country rows below it parts of the row above it, until a residual row', async () => {
    const lines = await read([
      ['Всего', 1000, 400, 600],
      ['Россия', 600, 250, 350],
      ['Прочие страны', 300, 100, 200],
      ['из них:'],
      ['Афганистан', 100, 50, 50],
      ['Китай', 50, 20, 30],
      ['Неизвестно', 100, 50, 50],
      ['Германия', 10, 5, 5],
    ]);
    expect(lines).toEqual(['_T', 'RUS', 'OTH', 'AFG <OTH', 'CHN <OTH', 'UNK', 'DEU']);
  });

  it('indentation under a parent row, nested, and an "of which" label row before indented rows', async () => {
    const lines = await read([
      ['Всего', 1000, 400, 600],
      [{ indent: 1, text: 'Страны СНГ' }, 600, 250, 350],
      [{ indent: 1, text: 'из них:' }],
      [{ indent: 2, text: 'Россия' }, 400, 150, 250],
      [{ indent: 2, text: 'Казахстан' }, 150, 70, 80],
      [{ indent: 1, text: 'Дальнее зарубежье' }, 400, 150, 250],
      [{ indent: 2, text: 'Германия' }, 40, 15, 25],
      ['Не указано', 0, 0, 0],
    ]);
    expect(lines).toEqual(['_T', 'CIS <_T', 'RUS <CIS', 'KAZ <CIS', 'FAR <_T', 'DEU <FAR', 'UNK']);
  });

  it('no parent under a refused row, none after a block title, none in age tables', async () => {
    const refused = await read([
      ['Атлантида', 10, 5, 5],
      [{ indent: 1, text: 'Россия' }, 4, 2, 2],
    ]);
    expect(refused).toEqual(['RUS']);
    const bytes = await buildWorkbook([
      {
        name: 'T04',
        rows: [...header, ['Долгосрочные мигранты'], ['Прочие страны', 10, 5, 5], ['Краткосрочные мигранты'], ['из них Россия', 4, 2, 2]],
      },
      { name: 'T07', rows: [...header.slice(0, 3), ['Возраст', 2012, null, null], header[4]!, ['Всего', 10, 5, 5], ['из них 15-19', 4, 2, 2]] },
    ]);
    const r = await ingestFile({ path: 'blocks.xlsx', bytes }, context('KGZ'));
    expect(r.observations.filter((o) => o.parent)).toEqual([]);
    expect(r.observations.filter((o) => o.sex === '_T').map((o) => `${o.migr_type} ${o.partner || o.age}`)).toEqual(['LT OTH', 'ST RUS', 'NAT _T', 'NAT Y15-19']);
  });
});
