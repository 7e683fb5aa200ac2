import { describe, expect, it } from 'vitest';
import { codelists, tableSet } from '../test-support/dump';
import { ageResolver, namesMigrantGroup, sexResolver, splitYearAt, splitYearPrefix, tableIdOf, tablesNamedIn, withoutTotal, yearInTitle, yearOf } from './codes';

describe('table numbers in sheet names', () => {
  it.each([
    ['T04', 'T04'],
    ['T4', 'T04'],
    ['t04 immigrants', 'T04'],
    ['Table 4', 'T04'],
    ['Таблица 4', 'T04'],
    ['Табл.4', 'T04'],
    ['\u041204', undefined],
    ['\u042204', 'T04'],
    ['T1', 'T01'],
    ['T10', 'T10'],
    ['T11', 'T11'],
    ['T12', undefined],
    ['Cover', undefined],
    ['2012', undefined],
  ])('%s → %s', (name, id) => {
    expect(tableIdOf(name, tableSet)).toBe(id);
  });
});

describe('age groups', () => {
  const age = ageResolver(codelists);
  it.each([
    ['0-4', 'Y_LT5'],
    ['до 5 лет', 'Y_LT5'],
    ['Under 5', 'Y_LT5'],
    ['15-19', 'Y15-19'],
    ['15–19 лет', 'Y15-19'],
    ['Y15-19', 'Y15-19'],
    ['85+', 'Y_GE85'],
    ['85 и старше', 'Y_GE85'],
    ['85 лет и старше', 'Y_GE85'],
    ['Y_GE85', 'Y_GE85'],
    ['Total', '_T'],
    ['Всего', '_T'],
    ['Возраст не указан', '_U'],
    ['25', 'Y25'],
  ])('%s → %s', (label, code) => {
    expect(age.resolve(label)).toEqual({ kind: 'code', code });
  });
  it('refuses what is no group of the code list', () => {
    expect(age.resolve('3-11').kind).toBe('unmapped');
  });
});

describe('years', () => {
  it('reads 2012, «2012 г.», «2012 год», with a footnote marker, and nothing else', () => {
    expect([yearOf('2012'), yearOf('2012 г.'), yearOf('2012 год'), yearOf('2012¹'), yearOf('12345'), yearOf('Total')]).toEqual([2012, 2012, 2012, 2012, undefined, undefined]);
  });

  it('tells a split year ("2012/13") from a year followed by a sex, a footnote or a month', () => {
    for (const t of ['2012/13', '2012/2013', '2012-13', '2012–13', '2012/13 гг.', '2012 / 2013', '2019/20']) {
      expect(splitYearAt(t), t).toEqual({ span: expect.any(String), rest: '' });
      expect([yearOf(t), splitYearPrefix(t)], t).toEqual([undefined, undefined]);
    }
    expect(splitYearAt('2012/13 — мужчины')).toEqual({ span: '2012/13', rest: 'мужчины' });
    for (const t of ['2012', '2012 Total', '2012 — мужчины', '2012 г.', '2012 1)', '2012-03', '2012-03-04', '2012-12', '2013/2012']) expect(splitYearAt(t), t).toBeUndefined();
    expect([splitYearPrefix('2012 Total'), splitYearPrefix('2012 — мужчины')]).toEqual([
      { year: 2012, rest: 'Total' },
      { year: 2012, rest: 'мужчины' },
    ]);
  });

  it('reads the year of a title, and names a split year there instead of reading its first year', () => {
    expect(['Immigrants, 2012', 'Иммигранты в 2012 году', 'Immigrants, 2012 (as of 2013-01-01)', 'Immigrants'].map(yearInTitle)).toEqual([2012, 2012, 2012, undefined]);
    expect(['Immigrants, 2012/13', 'Иммигранты, 2012-2013 гг.', 'T04 2012–13'].map(yearInTitle)).toEqual(['split', 'split', 'split']);
  });
});

describe('code lists resolve each text once', () => {
  it('gives the closest codes of an unknown sex label when read, the same ones for every row repeating it', () => {
    const sex = sexResolver(codelists);
    const first = sex.resolve('Mele');
    expect(first.kind).toBe('unmapped');
    expect(first.kind === 'unmapped' && first.suggestions).toContain('M');
    expect(sex.resolve('Mele')).toBe(first);
    expect(sex.resolve('Male')).toEqual({ kind: 'code', code: 'M' });
  });
});

describe('tables a sheet name names', () => {
  it.each([
    ['Приложение 2. Таблица 4', [4]],
    ['Прил.3 (табл.8)', [8]],
    ['2012 T05', [5]],
    ['Раздел 1 Т06', [6]],
    ['Form 1 - T09', [9]],
    ['1. Прибывшие (табл. 4)', [4]],
    ['02_T08', [8]],
    ['Таблицы 10 и 11', [10, 11]],
    ['T04, T08', [4, 8]],
    ['T04-T08', [4, 8]],
    ['T4_2011', [4]],
    ['Table 5 - 2012', [5]],
    ['Sheet 4', []],
    ['Примечания к таблице 6', []],
    ['Сводная таблица 2012', []],
    ['1. Прибывшие', []],
  ])('%s → %j', (name, numbers) => {
    expect(tablesNamedIn(name)).toEqual(numbers);
  });
});

describe('block titles', () => {
  it.each([
    ['Долгосрочные мигранты - всего', 'Долгосрочные мигранты'],
    ['Long-term migrants — total', 'Long-term migrants'],
    ['Short-term migrants, total', 'Short-term migrants'],
    ['Долгосрочные мигранты (всего)', 'Долгосрочные мигранты'],
    ['Total short-term migrants', 'short-term migrants'],
    ['Всего', 'Всего'],
    ['Total', 'Total'],
    ['Всего прибывших', 'прибывших'],
  ])('%s without its total: %s', (text, bare) => {
    expect(withoutTotal(text)).toBe(bare);
  });

  it.each([
    ['Трудовые мигранты (временные)', true],
    ['Временно пребывающие', true],
    ['Seasonal workers', true],
    ['из них трудовые мигранты', true],
    ['из них:', false],
    ['Страны СНГ', false],
    ['Европа', false],
    ['Лица без гражданства', false],
    ['Трудоспособного возраста', false],
    ['Residents of CIS countries', false],
    // read correctly before the check, and not to be refused by it
    ['Прибывшие на постоянное жительство', false],
    ['Страны — основные партнёры по трудовой миграции', false],
    ['Countries of labour migration', false],
    ['Страны временного пребывания', false],
    ['в том числе в трудовом возрасте:', false],
    ['Labour-force age', false],
    ['Данные о временных мигрантах не включены', false],
    ['Contract workers', true],
  ])('%s names a group of migrants: %s', (text, group) => {
    expect(namesMigrantGroup(text)).toBe(group);
  });
});
