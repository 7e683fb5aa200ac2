import { MchError } from '@mch/core';
import type { BenchmarkValue } from './model';

const HEADER = ['ref_area', 'time_period', 'sex', 'value'];
const SEXES = new Set(['_T', 'M', 'F']);

/**
 * A benchmark file of data/benchmarks/ (`ref_area,time_period,sex,value`, one figure a line) as
 * the values MCH-B01 compares; a malformed line stops the command, naming the file and line.
 */
export function parseBenchmarkCsv(text: string, series: BenchmarkValue['series'], file: string): BenchmarkValue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(',')) {
    throw new MchError('config-invalid', `${file}: line 1: expected the header ${HEADER.join(',')}`, { where: `${file}:1` });
  }
  const out: BenchmarkValue[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const [ref_area = '', year = '', sex = '', value = ''] = line.split(',').map((f) => f.trim());
    const n = Number(value);
    if (!/^[A-Z]{3}$/.test(ref_area) || !/^\d{4}$/.test(year) || !SEXES.has(sex) || value === '' || !Number.isFinite(n)) {
      throw new MchError('config-invalid', `${file}: line ${i + 2}: expected ISO3, year, sex (_T, M, F) and a number, found "${line}"`, { where: `${file}:${i + 2}` });
    }
    out.push({ series, ref_area, time_period: Number(year), sex, value: n });
  });
  return out;
}
