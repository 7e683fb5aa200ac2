import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const cells = [o('ARM|T04|2012|LT|_T||RUS', 5), o('ARM|T01|2012||_T||RUS', 50)];
const ready = {
  clearance: { cleared: true, by: 'Armstat', date: '2013-10-01' },
  territory: 'whole country',
  definition_basis: { default: 'PERM_REG' as const },
  coverage: { labour_migrants: 'included', refugees: 'excluded' },
};
const metadata = [{ ref_area: 'ARM', table: 'T01', source_kind: '', definition_basis: '' as const, reference_date: '2012-01-01', territory: '', breaks: [], notes: '', from: '' }];

describe('MCH-G01 release readiness', () => {
  it('blocks a country without clearance and with incomplete metadata', () => {
    const { findings } = runRule('MCH-G01', cells);
    expect(findings.map((f) => f.message)).toEqual([
      'ARM: no clearance for publication is recorded in the release configuration',
      'ARM: metadata incomplete, missing reference date (T01); territory (T01, T04); definition basis (T01, T04); coverage of labour migrants and refugees',
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('takes the stock reference date from the configuration and asks none for flows', () => {
    const configured = { ...ready, stock_reference: '12-31' as const };
    expect(runRule('MCH-G01', cells, { config: { countries: { ARM: configured } } }).findings).toEqual([]);
  });

  it('passes a cleared country with complete metadata', () => {
    const { findings, summary } = runRule('MCH-G01', cells, { config: { countries: { ARM: ready } }, data: { metadata } });
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(8);
  });
});
