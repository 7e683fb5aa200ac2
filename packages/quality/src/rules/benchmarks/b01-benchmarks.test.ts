import { describe, expect, it } from 'vitest';
import type { BenchmarkValue } from '../../model';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const stock = [o('KAZ|T03|2010||_T|_T|', 3_000_000)];
/** a release dated after both series were published (IMS 2019: 2019-09-17, WPP 2024: 2024-07-11) */
const late = { release_date: '2025-01-01' };

describe('MCH-B01 benchmarks', () => {
  it('reports a foreign-born stock far from UN DESA IMS', () => {
    const { findings } = runRule('MCH-B01', stock, { config: late, benchmarks: [{ series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 1_500_000 }] });
    expect(findings[0]!.message).toBe(
      'T03 KAZ 2010: foreign-born 3 000 000 persons against UN DESA International Migrant Stock 2019 1 500 000 persons: difference 1 500 000 persons; the national figure is 200 % of the benchmark',
    );
    expect(findings[0]!.values).toEqual({ national: 3_000_000, benchmark: 1_500_000, difference: 1_500_000, ratio: 2 });
    expect(findings[0]!.severity).toBe('info');
  });

  it('compares net migration (immigration − emigration totals) with UN WPP, showing the arithmetic', () => {
    const flows = [o('ARM|T04|2011|LT|_T||_T', 20_000), o('ARM|T08|2011|LT|_T||_T', 27_135)];
    const { findings } = runRule('MCH-B01', flows, { config: late, benchmarks: [{ series: 'wpp2024', ref_area: 'ARM', time_period: 2011, sex: '_T', value: -17_000 }] });
    expect(findings[0]!.message).toBe(
      'T04−T08 ARM 2011: net migration (long-term) = immigrants 20 000 (T04) − emigrants 27 135 (T08) = -7 135 persons against UN WPP 2024 net migration -17 000 persons: difference 9 865 persons; the national figure is 42 % of the benchmark',
    );
    expect(findings[0]!.sources.map((s) => s.sheet)).toEqual(['T04', 'T08']);
    const close = runRule('MCH-B01', flows, { config: late, benchmarks: [{ series: 'wpp2024', ref_area: 'ARM', time_period: 2011, sex: '_T', value: -7_000 }] });
    expect(close.findings).toEqual([]);
  });

  it('gives no ratio where the signs differ (issue 11: not "−1 625.5 % of the benchmark"), and says why', () => {
    const flows = [o('ARM|T04|2011|LT|_T||_T', 30_000), o('ARM|T08|2011|LT|_T||_T', 17_000)];
    const { findings } = runRule('MCH-B01', flows, { config: late, benchmarks: [{ series: 'wpp2024', ref_area: 'ARM', time_period: 2011, sex: '_T', value: -800 }] });
    expect(findings[0]!.message).toBe(
      'T04−T08 ARM 2011: net migration (long-term) = immigrants 30 000 (T04) − emigrants 17 000 (T08) = 13 000 persons against UN WPP 2024 net migration -800 persons: difference 13 800 persons; no ratio: the national figure is net immigration and the benchmark net emigration, so the signs differ',
    );
    expect(findings[0]!.message_ru).toContain('отношение не вычисляется: национальный показатель — чистая иммиграция, ориентир — чистая эмиграция');
    expect(findings[0]!.values).toEqual({ national: 13_000, benchmark: -800, difference: 13_800 });
    expect(findings[0]!.message).not.toContain('%');
  });

  it('passes figures within the tolerance and skips without national data', () => {
    const near = runRule('MCH-B01', stock, { config: late, benchmarks: [{ series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 3_500_000 }] });
    expect(near.findings).toEqual([]);
    const none = runRule('MCH-B01', stock, { config: late, benchmarks: [{ series: 'wpp2024', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: -10_000 }] });
    expect(none.summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});

describe('MCH-B01 compares only with what was published by the release date', () => {
  const data = [o('KAZ|T03|2010||_T|_T|', 3_000_000), o('KAZ|T04|2010|LT|_T||_T', 20_000), o('KAZ|T08|2010|LT|_T||_T', 27_135)];
  const benchmarks: BenchmarkValue[] = [
    { series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 1_500_000 },
    { series: 'wpp2024', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: -17_000 },
  ];

  it('compares nothing in a release of 2013-11-15 and says why, as a warning about the run', () => {
    const { findings, summary, report } = runRule('MCH-B01', data, { config: { release_date: '2013-11-15' }, benchmarks });
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({ checked: 0, failed: 0, skipped: 0 });
    const run = report.findings.filter((f) => f.rule === 'MCH-W01');
    expect(run.map((f) => [f.id, f.severity, f.ref_area])).toEqual([
      ['MCH-W01:benchmark-vintage|ims2019', 'warning', ''],
      ['MCH-W01:benchmark-vintage|wpp2024', 'warning', ''],
    ]);
    expect(run[0]!.message).toBe(
      'Benchmark UN DESA International Migrant Stock 2019 (ims2019) was published on 2019-09-17, after the release date 2013-11-15: MCH-B01 does not compare with it (1 figure left aside).',
    );
    expect(run[1]!.message).toContain('UN WPP 2024 net migration (wpp2024) was published on 2024-07-11, after the release date 2013-11-15');
    expect(run[1]!.message_ru).toContain('опубликован 2024-07-11, позже даты выпуска 2013-11-15');
    // never a finding of the benchmark rule, and nothing in the report compares with a later series
    expect(report.findings.some((f) => f.rule === 'MCH-B01')).toBe(false);
    expect(report.rules.find((r) => r.id === 'MCH-W01')).toMatchObject({ checked: 2, failed: 2 });
  });

  it('compares with a series published by the release date and warns only about the later one', () => {
    const { findings, report } = runRule('MCH-B01', data, { config: { release_date: '2020-01-01' }, benchmarks });
    expect(findings.map((f) => f.id)).toEqual(['MCH-B01:ims2019|KAZ|2010|_T']);
    expect(report.findings.filter((f) => f.rule === 'MCH-W01').map((f) => f.id)).toEqual(['MCH-W01:benchmark-vintage|wpp2024']);
  });

  it('compares both in a release of 2025-01-01, with no warning', () => {
    const { findings, summary, report } = runRule('MCH-B01', data, { config: { release_date: '2025-01-01' }, benchmarks });
    expect(findings.map((f) => f.id)).toEqual(['MCH-B01:ims2019|KAZ|2010|_T', 'MCH-B01:wpp2024|KAZ|2010|_T']);
    expect(summary).toMatchObject({ checked: 2, failed: 2 });
    expect(report.findings.filter((f) => f.rule === 'MCH-W01')).toEqual([]);
  });

  it('says nothing about a later series where the rule is switched off', () => {
    const { report } = runRule('MCH-B01', data, { config: { release_date: '2013-11-15', rules: { 'MCH-B01': { enabled: false } } }, benchmarks });
    expect(report.findings.filter((f) => f.rule === 'MCH-W01')).toEqual([]);
  });

  it('counts a series published on the release day itself as known', () => {
    const { findings, report } = runRule('MCH-B01', data, { config: { release_date: '2024-07-11' }, benchmarks });
    expect(findings).toHaveLength(2);
    expect(report.findings.filter((f) => f.rule === 'MCH-W01')).toEqual([]);
  });
});
