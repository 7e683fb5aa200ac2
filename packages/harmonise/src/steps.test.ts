import { loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { assignDefinitionBasis, markBreaks, alignStockDates, obs, releaseConfig } from './test-helpers';
import { toPersons } from './units';

const config = releaseConfig;

describe('toPersons', () => {
  it('turns thousands into whole persons marked estimated, keeping unit_mult 3', () => {
    expect(toPersons(obs({ obs_value: 12.3, unit_mult: 3 }))).toMatchObject({ obs_value: 12300, obs_status: 'E', unit_mult: 3 });
    expect(toPersons(obs({ obs_value: 0.0125, unit_mult: 3, obs_status: 'P' }))).toMatchObject({ obs_value: 13, obs_status: 'P' });
  });
  it('leaves persons alone', () => {
    const o = obs({ obs_value: 123 });
    expect(toPersons(o)).toBe(o);
  });
});

describe('assignDefinitionBasis', () => {
  const meta = { ref_area: 'ARM', table: 'T04', source_kind: 'register', definition_basis: 'REG_LT12' as const, reference_date: '', territory: '', breaks: [], notes: '', from: 'data/raw/arm.xlsx' };
  it('takes the configuration first and remarks a disagreement with the Metadata sheet', () => {
    const r = assignDefinitionBasis([obs({ migr_type: 'NAT' })], [meta], config({ ARM: { definition_basis: { default: 'PERM_REG' } } }));
    expect(r.observations[0]!.definition_basis).toBe('PERM_REG');
    expect(r.remarks[0]!.text_en).toContain('PERM_REG');
    expect(r.remarks[0]!.text_en).toContain('REG_LT12');
  });
  it('fills from the Metadata sheet what the configuration leaves open', () => {
    const r = assignDefinitionBasis([obs({})], [meta], config({ ARM: {} }));
    expect(r.observations[0]!.definition_basis).toBe('REG_LT12');
    expect(r.remarks).toEqual([]);
  });
});

describe('markBreaks', () => {
  const register = [{ ref_area: 'RUS', first_year: 2011, tables: ['T04'], text_en: '9-month stay rule', text_ru: 'правило 9 месяцев' }];
  it('sets B on the first year of a registered break where the country did not flag it', () => {
    const r = markBreaks(
      [obs({ ref_area: 'RUS', time_period: 2010 }), obs({ ref_area: 'RUS', time_period: 2011 }), obs({ ref_area: 'RUS', time_period: 2011, partner: 'KAZ', obs_status: 'P' })],
      register,
    );
    expect(r.observations.map((o) => o.obs_status)).toEqual(['A', 'B', 'P']);
    // the notes show a registered break from the register itself: no remark repeats it
    expect(r.remarks).toEqual([]);
  });
  it('treats a change of definition basis inside a series as a break', () => {
    const r = markBreaks([obs({ time_period: 2011, definition_basis: 'PERM_REG' }), obs({ time_period: 2012, definition_basis: 'REG_LT12' })], []);
    expect(r.observations.map((o) => o.obs_status)).toEqual(['A', 'B']);
    expect(r.remarks[0]!.text_en).toContain('from PERM_REG to REG_LT12');
  });
  it('leaves a series without a break untouched', () => {
    const r = markBreaks([obs({ time_period: 2011 }), obs({ time_period: 2012 })], register);
    expect(r.observations.map((o) => o.obs_status)).toEqual(['A', 'A']);
  });
});

describe('alignStockDates', () => {
  it('publishes 31 December stocks as 1 January of the next year, with a note, and leaves flows alone', () => {
    const r = alignStockDates(
      [obs({ table: 'T01', migr_type: '', time_period: 2011 }), obs({ table: 'T04', time_period: 2011 })],
      config({ KAZ: { stock_reference: '12-31' }, ARM: { stock_reference: '12-31' } }),
      loadShippedTableSet(),
    );
    expect(r.observations.map((o) => o.time_period)).toEqual([2012, 2011]);
    expect(r.remarks).toHaveLength(1);
  });
});

describe('alignStockDates and census stocks', () => {
  it('keeps the census year of a census stock even when the country reports 31 December', () => {
    const r = alignStockDates([obs({ ref_area: 'KAZ', table: 'T01', migr_type: '', time_period: 2009, definition_basis: 'CENSUS' })], config({ KAZ: { stock_reference: '12-31' } }), loadShippedTableSet());
    expect(r.observations[0]!.time_period).toBe(2009);
  });
});
