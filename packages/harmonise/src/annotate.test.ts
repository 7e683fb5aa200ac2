import { loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { configuredBasis } from './basis';
import { imemSeries } from './imem';
import { annotateReference, obs, releaseConfig } from './test-helpers';

const config = releaseConfig;
const tableSet = loadShippedTableSet();

describe('configuredBasis', () => {
  const rus = config({ RUS: { definition_basis: { default: 'PERM_REG', T01: 'REGISTER_STOCK' }, basis_changes: [{ first_year: 2011, tables: ['T04'], basis: 'STAY_REG_9M' }] } }).countries.RUS;
  it('applies a basis change from its first year on, to its tables only', () => {
    expect(configuredBasis(rus, 'T04', 2010)).toBe('PERM_REG');
    expect(configuredBasis(rus, 'T04', 2011)).toBe('STAY_REG_9M');
    expect(configuredBasis(rus, 'T08', 2012)).toBe('PERM_REG');
    expect(configuredBasis(rus, 'T01', 2012)).toBe('REGISTER_STOCK');
  });
});

describe('annotateReference', () => {
  const c = config({ UKR: { territory: 'Whole country', territory_changes: [{ first_year: 2014, text: 'Excluding Crimea' }] } });
  it('gives stocks 1 January and flows the calendar year', () => {
    const [stock, flow] = annotateReference([obs({ ref_area: 'UKR', table: 'T01', migr_type: '' }), obs({ ref_area: 'UKR' })], [], c, tableSet);
    expect(stock!.reference_date).toBe('2012-01-01');
    expect(flow!.reference_date).toBe('2012-01-01/2012-12-31');
  });
  it('keeps a census date from the Metadata sheet', () => {
    const meta = [{ ref_area: 'UKR', table: 'T01', source_kind: 'census', definition_basis: 'CENSUS' as const, reference_date: '2012-10-14', territory: '', breaks: [], notes: '', from: '' }];
    const [o] = annotateReference([obs({ ref_area: 'UKR', table: 'T01', migr_type: '', definition_basis: 'CENSUS' })], meta, c, tableSet);
    expect(o!.reference_date).toBe('2012-10-14');
  });
  it('takes the territory in force that year', () => {
    const out = annotateReference([obs({ ref_area: 'UKR', time_period: 2013 }), obs({ ref_area: 'UKR', time_period: 2014 })], [], c, tableSet);
    expect(out.map((o) => o.territory)).toEqual(['Whole country', 'Excluding Crimea']);
  });
});

describe('imemSeries', () => {
  it('is off unless the configuration switches it on', () => {
    expect(imemSeries([obs({ definition_basis: 'PERM_REG', migr_type: 'NAT' })], config({}), tableSet)).toEqual([]);
  });
  it('puts permanent-registration flows on a 12-month basis as a separate estimated series', () => {
    const on = config({}, { imem: { enabled: true } });
    const reported = obs({ definition_basis: 'PERM_REG', migr_type: 'NAT', obs_value: 1000 });
    const [derived] = imemSeries([reported], on, tableSet);
    expect(derived).toMatchObject({ migr_type: 'LT', obs_value: 2260, obs_status: 'E', derived: true, source: null });
    expect(reported).toMatchObject({ migr_type: 'NAT', obs_value: 1000 });
  });
  it('leaves 12-month flows and bases without a coefficient (9 months) alone', () => {
    const on = config({}, { imem: { enabled: true } });
    const flows = [obs({ definition_basis: 'UN_LT12' }), obs({ definition_basis: 'STAY_REG_9M', migr_type: 'NAT' })];
    expect(imemSeries(flows, on, tableSet)).toEqual([]);
  });
});
