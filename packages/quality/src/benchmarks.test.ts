import { describe, expect, it } from 'vitest';
import { parseBenchmarkCsv } from './benchmarks';

describe('benchmark files', () => {
  it('reads ref_area, year, sex and value', () => {
    expect(parseBenchmarkCsv('ref_area,time_period,sex,value\r\nKAZ,2010,_T,3334937\n\n', 'ims2019', 'b.csv')).toEqual([
      { series: 'ims2019', ref_area: 'KAZ', time_period: 2010, sex: '_T', value: 3334937 },
    ]);
  });
  it('refuses a malformed line, naming the file and line', () => {
    expect(() => parseBenchmarkCsv('ref_area,time_period,sex,value\nKAZ,2010,_T,3 334 937\n', 'ims2019', 'b.csv')).toThrow(/b\.csv: line 2/);
    expect(() => parseBenchmarkCsv('country,year,value\n', 'wpp2024', 'b.csv')).toThrow(/line 1/);
  });
});
