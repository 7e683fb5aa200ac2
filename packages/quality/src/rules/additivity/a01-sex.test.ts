import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-A01 sex additivity', () => {
  it('catches a total that is not men + women, with the arithmetic and every cell', () => {
    const { findings, summary } = runRule('MCH-A01', [
      o('ARM|T05|2012|LT|_T||_T', 5210, { source: { file: 'arm.xlsx', sha256: 'x', sheet: 'T05', cell: 'C5', raw: '5210' } }),
      o('ARM|T05|2012|LT|M||_T', 2400, { source: { file: 'arm.xlsx', sha256: 'x', sheet: 'T05', cell: 'D5', raw: '2400' } }),
      o('ARM|T05|2012|LT|F||_T', 2790, { source: { file: 'arm.xlsx', sha256: 'x', sheet: 'T05', cell: 'E5', raw: '2790' } }),
    ]);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.id).toBe('MCH-A01:ARM|T05|2012|LT|_T||_T');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('T05 ARM 2012 long-term: total 5 210 ≠ men 2 400 + women 2 790 = 5 190, difference 20');
    expect(f.message_ru).toBe('T05 ARM 2012 долгосрочные: всего 5 210 ≠ мужчины 2 400 + женщины 2 790 = 5 190, разница 20');
    expect(f.values).toEqual({ total: 5210, M: 2400, F: 2790, sum: 5190, difference: 20 });
    expect(f.sources.map((s) => s.cell)).toEqual(['C5', 'D5', 'E5']);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(summary).toMatchObject({ checked: 1, failed: 1, skipped: 0 });
  });

  it('passes when the parts add up, including sex unknown', () => {
    const { findings, summary } = runRule('MCH-A01', [
      o('ARM|T05|2012|LT|_T||KAZ', 100),
      o('ARM|T05|2012|LT|M||KAZ', 60),
      o('ARM|T05|2012|LT|F||KAZ', 30),
      o('ARM|T05|2012|LT|_U||KAZ', 10),
    ]);
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({ checked: 1, failed: 0 });
  });

  it('skips an identity with a missing or confidential part instead of failing it', () => {
    const { findings, summary } = runRule('MCH-A01', [
      o('ARM|T05|2012|LT|_T||KAZ', 100),
      o('ARM|T05|2012|LT|M||KAZ', null),
      o('ARM|T05|2012|LT|F||KAZ', 30),
      o('ARM|T05|2011|LT|_T||KAZ', 100),
      o('ARM|T05|2011|LT|M||KAZ', 1, { conf_status: 'C', obs_status: 'Q' }),
      o('ARM|T05|2011|LT|F||KAZ', 30),
    ]);
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({ checked: 0, skipped: 2 });
  });

  it('never reports a derived total as a failure of its own', () => {
    const { findings, summary } = runRule('MCH-A01', [
      o('ARM|T05|2012|LT|_T||MCH12', 100, { derived: true, source: null }),
      o('ARM|T05|2012|LT|M||MCH12', 60),
      o('ARM|T05|2012|LT|F||MCH12', 30),
    ]);
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(0);
  });

  it('accepts a difference within the configured tolerance of the country', () => {
    const cells = [o('ARM|T05|2012|LT|_T||_T', 1002), o('ARM|T05|2012|LT|M||_T', 500), o('ARM|T05|2012|LT|F||_T', 500)];
    expect(runRule('MCH-A01', cells).findings).toHaveLength(1);
    const tolerant = { countries: { ARM: { rules: { 'MCH-A01': { tolerance: 2 } } } } };
    expect(runRule('MCH-A01', cells, { config: tolerant }).findings).toEqual([]);
  });
});
