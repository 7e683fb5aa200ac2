// A report of a noisy round, built directly: thousands of year-on-year warnings, as many series
// as a country with every partner has. For the tests of the report forms at scale.
import type { Finding, FlaggedSeries, QualityReport } from '@mch/core';
import { mulberry32 } from '@mch/core';
import { compareFindings } from '../run';

const YEARS = Array.from({ length: 20 }, (_, i) => 2000 + i);
const SEXES = ['_T', 'M', 'F'] as const;
const SEX_EN = { _T: '', M: ', men', F: ', women' };
const SEX_RU = { _T: '', M: ', мужчины', F: ', женщины' };

/** `n` MCH-T01 warnings on the series of two countries × two tables × three sexes × as many partners as it takes. */
export function noisyReport(n: number, seed = 7): QualityReport {
  const random = mulberry32(seed);
  const findings: Finding[] = [];
  const series: FlaggedSeries[] = [];
  for (let p = 0; findings.length < n; p++) {
    const partner = `P${String(p).padStart(3, '0')}`;
    for (const ref_area of ['ARM', 'KAZ']) {
      for (const table of ['T04', 'T08']) {
        for (const sex of SEXES) {
          const values = YEARS.map(() => Math.round(200 + random() * 4000));
          const file = `data/raw/2099/${ref_area}_long.csv`;
          for (let i = 1; i < YEARS.length && findings.length < n; i++) {
            if (random() > 0.4) continue;
            const y = YEARS[i]!;
            const [prev, value] = [values[i - 1]!, values[i]!];
            const change = Math.round(((value - prev) / prev) * 10000) / 10000;
            const id = `MCH-T01:${ref_area}|${table}|${y}|NAT|${sex}||${partner}`;
            findings.push({
              id,
              rule: 'MCH-T01',
              severity: 'warning',
              ref_area,
              table,
              time_period: y,
              migr_type: 'NAT',
              sex,
              age: '',
              partner,
              values: { previous: prev, value, change },
              sources: [
                { file, sheet: '', cell: String(2 + p * 120 + i * 6) },
                { file, sheet: '', cell: String(8 + p * 120 + i * 6) },
              ],
              message: `${table} ${ref_area} ${y} permanent residence (national definition)${SEX_EN[sex]}, partner ${partner}: ${prev} in ${y - 1} → ${value} in ${y}, change ${Math.round(change * 1000) / 10} %; no break is registered`,
              message_ru: `${table} ${ref_area} ${y} на постоянное жительство (национальное определение)${SEX_RU[sex]}, страна ${partner}: ${prev} в ${y - 1} → ${value} в ${y}, изменение ${Math.round(change * 1000) / 10} %; разрыв ряда не зарегистрирован`,
              fingerprint: id.length.toString(16).padStart(64, '0'),
              waived: false,
              waiver: null,
            });
            series.push({ finding: id, ref_area, table, migr_type: 'NAT', sex, age: '', partner, points: YEARS.map((t, k) => ({ time_period: t, value: values[k]! })), flagged_years: [y] });
          }
        }
      }
    }
  }
  findings.sort(compareFindings);
  series.sort((a, b) => (a.finding < b.finding ? -1 : a.finding > b.finding ? 1 : 0));
  return {
    version: '2099.1',
    release_date: '2099-11-15',
    rules: [{ id: 'MCH-T01', severity: 'warning', checked: n * 3, failed: n, skipped: 0, waived: 0 }],
    findings,
    mirror: [],
    emigration_estimates: [],
    completeness: ['ARM', 'KAZ'].flatMap((ref_area) => ['T04', 'T08'].flatMap((table) => YEARS.map((time_period) => ({ ref_area, table, time_period, expected: true, observations: 300, missing_values: 0, rejected: 0 })))),
    gate: { passed: true, blocking: 0 },
    series,
    submissions: [],
    run_warnings: [],
    changes: null,
    mirror_band: null,
  };
}
