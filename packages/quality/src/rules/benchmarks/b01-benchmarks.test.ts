import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const stock = [o('KAZ|T03|2010||_T|_T|', 3_000_000)];

describe('MCH-B01 benchmarks', () => {
  it('reports a foreign-born stock far from UN DESA IMS', () => {
    const { findings } = runRule('MCH-B01', stock, { benchmarks: [{ series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 1_500_000 }] });
    expect(findings[0]!.message).toBe('T03 KAZ 2010: national 3 000 000 against UN DESA International Migrant Stock 2019 1 500 000, difference 1 500 000, 100 %');
  });

  it('passes figures within the tolerance and skips without national data', () => {
    const near = runRule('MCH-B01', stock, { benchmarks: [{ series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 3_500_000 }] });
    expect(near.findings).toEqual([]);
    const none = runRule('MCH-B01', stock, { benchmarks: [{ series: 'wpp2024', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: -10_000 }] });
    expect(none.summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});
