import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const series = (values: Record<number, number>, extra: Record<number, object> = {}) =>
  Object.entries(values).map(([y, v]) => o(`RUS|T04|${y}|NAT|_T||KAZ`, v, extra[Number(y)] ?? {}));

describe('MCH-T01 year-on-year change', () => {
  it('warns on a jump above 50 % for cells of at least 100 persons', () => {
    const { findings } = runRule('MCH-T01', series({ 2010: 1000, 2011: 1100, 2012: 2000 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('T04 RUS 2012 permanent residence (national definition), partner KAZ: 1 100 in 2011 → 2 000 in 2012, change 81.8 %; no break is registered');
  });

  it('names a ratio near 1000 as a likely unit error', () => {
    const { findings } = runRule('MCH-T01', series({ 2011: 1200, 2012: 1.2 }));
    expect(findings[0]!.message).toContain('likely reported in thousands');
  });

  it('passes steady series, small cells and years after a registered break', () => {
    expect(runRule('MCH-T01', series({ 2010: 1000, 2011: 1100, 2012: 1200 })).findings).toEqual([]);
    expect(runRule('MCH-T01', series({ 2011: 20, 2012: 90 })).findings).toEqual([]);
    const breaks = [{ ref_area: 'RUS', first_year: 2012, tables: ['T04'], text_en: '9-month rule', text_ru: 'правило 9 месяцев' }];
    const { findings, summary } = runRule('MCH-T01', series({ 2011: 1100, 2012: 3000 }), { breaks });
    expect(findings).toEqual([]);
    expect(summary.skipped).toBe(1);
  });

  it('flags an outlier by its robust z-score against the series', () => {
    const { findings } = runRule('MCH-T01', series({ 2006: 1000, 2007: 1010, 2008: 1020, 2009: 1490, 2010: 1000, 2011: 1005 }), {
      config: { rules: { 'MCH-T01': { threshold: 0.9 } } },
    });
    expect(findings.map((f) => f.time_period)).toEqual([2009]);
    expect(findings[0]!.message).toContain('robust z-score');
  });
});
