import { describe, expect, it } from 'vitest';
import { markBreaks, obs } from './test-helpers';

describe('markBreaks: each break said once', () => {
  const register = [{ ref_area: 'RUS', first_year: 2011, tables: ['T04'], text_en: '9-month stay rule', text_ru: 'правило 9 месяцев' }];

  it('marks a basis change that a registered break covers, and leaves its explanation to the register', () => {
    // the Russian Federation's 2011 break: registered, and its basis changes from PERM_REG to STAY_REG_9M
    const rows = [obs({ ref_area: 'RUS', time_period: 2010, definition_basis: 'PERM_REG', migr_type: 'NAT' }), obs({ ref_area: 'RUS', time_period: 2011, definition_basis: 'STAY_REG_9M', migr_type: 'NAT' })];
    const r = markBreaks(rows, register);
    expect(r.observations.map((o) => o.obs_status)).toEqual(['A', 'B']);
    expect(r.remarks).toEqual([]);
  });

  it('remarks a basis change in another table or year than the registered break', () => {
    const rows = [
      obs({ ref_area: 'RUS', table: 'T08', time_period: 2010, definition_basis: 'PERM_REG', migr_type: 'NAT' }),
      obs({ ref_area: 'RUS', table: 'T08', time_period: 2011, definition_basis: 'STAY_REG_9M', migr_type: 'NAT' }),
      obs({ ref_area: 'RUS', time_period: 2011, definition_basis: 'STAY_REG_9M', migr_type: 'NAT' }),
      obs({ ref_area: 'RUS', time_period: 2012, definition_basis: 'PERM_REG', migr_type: 'NAT' }),
    ];
    const r = markBreaks(rows, register);
    expect(r.observations.map((o) => o.obs_status)).toEqual(['A', 'B', 'B', 'B']);
    expect(r.remarks).toEqual([
      {
        ref_area: 'RUS',
        table: 'T08',
        text_en: 'Break in series in 2011: the definition basis changed from PERM_REG to STAY_REG_9M',
        text_ru: 'Разрыв ряда в 2011 г.: основа определения изменилась с PERM_REG на STAY_REG_9M',
      },
      {
        ref_area: 'RUS',
        table: 'T04',
        text_en: 'Break in series in 2012: the definition basis changed from STAY_REG_9M to PERM_REG',
        text_ru: 'Разрыв ряда в 2012 г.: основа определения изменилась с STAY_REG_9M на PERM_REG',
      },
    ]);
  });

  it('sees no break between the long-term and short-term series of one table, each on its own basis', () => {
    // rows in the order files deliver them: not sorted by type within a year
    const st = (y: number) => obs({ time_period: y, migr_type: 'ST', definition_basis: 'UN_ST3_12' });
    const lt = (y: number) => obs({ time_period: y, migr_type: 'LT', definition_basis: 'UN_LT12' });
    const rows = [st(2010), lt(2010), lt(2011), st(2011), st(2012), lt(2012)];
    const r = markBreaks(rows, []);
    expect(r.observations.every((o) => o.obs_status === 'A')).toBe(true);
    expect(r.remarks).toEqual([]);
  });
});
