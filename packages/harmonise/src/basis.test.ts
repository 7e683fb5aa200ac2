import { describe, expect, it } from 'vitest';
import { assignDefinitionBasis, obs, releaseConfig } from './test-helpers';

/** Armenia sends long-term and short-term flows in one table under one configured basis, UN_LT12. */
describe('assignDefinitionBasis: migration type and basis agree', () => {
  const arm = releaseConfig({ ARM: { definition_basis: { default: 'UN_LT12', T01: 'REGISTER_STOCK' } } });

  it('gives short-term rows of a long-term country the UN short-term basis, without a remark', () => {
    const r = assignDefinitionBasis(
      [obs({ migr_type: 'LT' }), obs({ migr_type: 'ST' }), obs({ migr_type: 'ST', time_period: 2011 })],
      [],
      arm,
    );
    expect(r.observations.map((o) => [o.migr_type, o.definition_basis])).toEqual([
      ['LT', 'UN_LT12'],
      ['ST', 'UN_ST3_12'],
      ['ST', 'UN_ST3_12'],
    ]);
    expect(r.remarks).toEqual([]);
  });

  it('does the same for a register long-term basis and a basis from the Metadata sheet', () => {
    const reg = assignDefinitionBasis([obs({ migr_type: 'ST' })], [], releaseConfig({ ARM: { definition_basis: { default: 'REG_LT12' } } }));
    expect(reg.observations[0]!.definition_basis).toBe('UN_ST3_12');
    const meta = { ref_area: 'ARM', table: 'T04', source_kind: 'register', definition_basis: 'UN_LT12' as const, reference_date: '', territory: '', breaks: [], notes: '', from: 'data/raw/arm.xlsx' };
    const sheet = assignDefinitionBasis([obs({ migr_type: 'ST' })], [meta], releaseConfig({ ARM: {} }));
    expect(sheet.observations[0]!.definition_basis).toBe('UN_ST3_12');
    expect(sheet.remarks).toEqual([]);
  });

  it('gives a row of another type the basis of its own type and says, once per country and table, what was configured and what is used', () => {
    const cfg = releaseConfig({ AZE: { definition_basis: { default: 'PERM_REG' } } });
    const rows = [2010, 2011, 2012].flatMap((y) => [
      obs({ ref_area: 'AZE', time_period: y, migr_type: 'LT' }),
      obs({ ref_area: 'AZE', time_period: y, migr_type: 'NAT', partner: 'KAZ' }),
    ]);
    const r = assignDefinitionBasis(rows, [], cfg);
    expect(r.observations.map((o) => `${o.time_period} ${o.migr_type} ${o.definition_basis}`)).toEqual([
      '2010 LT UN_LT12',
      '2010 NAT PERM_REG',
      '2011 LT UN_LT12',
      '2011 NAT PERM_REG',
      '2012 LT UN_LT12',
      '2012 NAT PERM_REG',
    ]);
    expect(r.remarks).toEqual([
      {
        ref_area: 'AZE',
        table: 'T04',
        text_en: 'The configuration records the definition basis PERM_REG, a basis of flows by national definition (NAT), for rows of long-term flows (LT); they are published on the basis UN_LT12.',
        text_ru:
          'В конфигурации указана основа определения PERM_REG, относящаяся к миграции по национальному определению (NAT), для строк долгосрочной миграции (LT); они публикуются на основе UN_LT12.',
      },
    ]);
  });

  it('remarks a national-definition row under a long-term basis, and short-term rows under a national basis', () => {
    const lt = assignDefinitionBasis([obs({ migr_type: 'NAT' })], [], releaseConfig({ ARM: { definition_basis: { default: 'UN_LT12' } } }));
    expect(lt.observations[0]!.definition_basis).toBe('OTHER');
    expect(lt.remarks.map((x) => x.text_en)).toEqual([
      'The configuration records the definition basis UN_LT12, a basis of long-term flows (LT), for rows of flows by national definition (NAT); they are published on the basis OTHER.',
    ]);
    const st = assignDefinitionBasis([obs({ migr_type: 'ST' })], [], releaseConfig({ ARM: { definition_basis: { default: 'BORDER' } } }));
    expect(st.observations[0]!.definition_basis).toBe('UN_ST3_12');
    expect(st.remarks).toHaveLength(1);
    expect(st.remarks[0]!.text_en).toContain('BORDER');
    expect(st.remarks[0]!.text_ru).toContain('UN_ST3_12');
  });

  it('leaves stock tables and rows that already agree untouched', () => {
    const stock = obs({ table: 'T01', migr_type: '', partner: '', definition_basis: 'REGISTER_STOCK' });
    const lt = obs({ migr_type: 'LT', definition_basis: 'UN_LT12' });
    const r = assignDefinitionBasis([stock, lt], [], arm);
    expect(r.observations[0]).toBe(stock);
    expect(r.observations[1]).toBe(lt);
    expect(r.remarks).toEqual([]);
  });
});
