import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const totals = (t04: number, t05: number) => [o('ARM|T04|2012|LT|_T||_T', t04), o('ARM|T05|2012|LT|_T||_T', t05), o('ARM|T07|2012|LT|_T|_T|', t04)];

describe('MCH-A04 cross-table totals', () => {
  it('warns when immigrant totals differ between tables, and errs where the country declares one source', () => {
    const warn = runRule('MCH-A04', totals(1000, 990)).findings;
    expect(warn).toHaveLength(1);
    expect(warn[0]!.severity).toBe('warning');
    expect(warn[0]!.message).toBe('ARM 2012 long-term: immigrants total in T05 990 ≠ T04 1 000, difference -10');
    const err = runRule('MCH-A04', totals(1000, 990), { config: { countries: { ARM: { same_source: [['T04', 'T05']] } } } }).findings;
    expect(err[0]!.severity).toBe('error');
  });

  it('passes agreeing totals and honours the tolerance', () => {
    expect(runRule('MCH-A04', totals(1000, 1000)).findings).toEqual([]);
    const tolerant = { rules: { 'MCH-A04': { tolerance_share: 0.02 } } };
    expect(runRule('MCH-A04', totals(1000, 990), { config: tolerant }).findings).toEqual([]);
  });

  it('checks the foreign-born stock against population by birth less native-born and unknown', () => {
    const stock = (t03: number) => [
      o('KAZ|T01|2012||_T||_T', 1000),
      o('KAZ|T01|2012||_T||KAZ', 800),
      o('KAZ|T01|2012||_T||UNK', 50),
      o('KAZ|T01|2012||_T||RUS', 150),
      o('KAZ|T03|2012||_T|_T|', t03),
    ];
    expect(runRule('MCH-A04', stock(150)).findings).toEqual([]);
    const f = runRule('MCH-A04', stock(160)).findings;
    expect(f[0]!.message).toBe('T03 KAZ 2012: foreign-born total 160 ≠ T01 total 1 000 − native-born 800 − unknown 50 = 150, difference 10');
  });
});
