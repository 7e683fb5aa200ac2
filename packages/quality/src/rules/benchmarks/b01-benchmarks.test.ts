import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const stock = [o('KAZ|T03|2010||_T|_T|', 3_000_000)];

describe('MCH-B01 benchmarks', () => {
  it('reports a foreign-born stock far from UN DESA IMS', () => {
    const { findings } = runRule('MCH-B01', stock, { benchmarks: [{ series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 1_500_000 }] });
    expect(findings[0]!.message).toBe('T03 KAZ 2010: foreign-born 3 000 000 against UN DESA International Migrant Stock 2019 1 500 000, difference 1 500 000, 100 % of the benchmark');
    expect(findings[0]!.severity).toBe('info');
  });

  it('compares net migration (immigration − emigration totals) with UN WPP, showing the arithmetic', () => {
    const flows = [o('ARM|T04|2011|LT|_T||_T', 20_000), o('ARM|T08|2011|LT|_T||_T', 27_135)];
    const { findings } = runRule('MCH-B01', flows, { benchmarks: [{ series: 'wpp2024', ref_area: 'ARM', time_period: 2011, sex: '_T', value: -17_000 }] });
    expect(findings[0]!.message).toBe(
      'T04−T08 ARM 2011: net migration (long-term) = immigrants 20 000 (T04) − emigrants 27 135 (T08) = -7 135 against UN WPP 2024 net migration -17 000, difference 9 865, 58 % of the benchmark',
    );
    expect(findings[0]!.sources.map((s) => s.sheet)).toEqual(['T04', 'T08']);
    const close = runRule('MCH-B01', flows, { benchmarks: [{ series: 'wpp2024', ref_area: 'ARM', time_period: 2011, sex: '_T', value: -7_000 }] });
    expect(close.findings).toEqual([]);
  });

  it('passes figures within the tolerance and skips without national data', () => {
    const near = runRule('MCH-B01', stock, { benchmarks: [{ series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 3_500_000 }] });
    expect(near.findings).toEqual([]);
    const none = runRule('MCH-B01', stock, { benchmarks: [{ series: 'wpp2024', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: -10_000 }] });
    expect(none.summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});
