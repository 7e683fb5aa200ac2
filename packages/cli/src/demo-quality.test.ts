import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, QualityReport } from '@mch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mch } from './testing';

// The planted irregularities of data/raw/README.md, found by `mch check` on the demonstration releases.
const scratch = mkdtempSync(join(tmpdir(), 'mch-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(config: string): QualityReport {
  const out = join(scratch, config.replace(/\W/g, '_'));
  const r = mch('check', config, '--out', out);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
}

const cells = (f: Finding) => f.sources.map((s) => `${s.file.split('/').pop()} ${s.sheet}!${s.cell}`);
const of = (r: QualityReport, rule: string, ref: string, table?: string, year?: number) =>
  r.findings.filter((f) => f.rule === rule && f.ref_area === ref && (table === undefined || f.table === table) && (year === undefined || f.time_period === year));

let r2011: QualityReport;
let r2013: QualityReport;
beforeAll(() => {
  r2011 = check('pipelines/mch/2011.1.yaml');
  r2013 = check('pipelines/mch/2013.1.yaml');
}, 180_000);

describe('the demonstration data, checked', () => {
  it('leaves no unwaived error in either release', () => {
    for (const r of [r2011, r2013]) {
      expect(r.findings.filter((f) => f.severity === 'error' && !f.waived).map((f) => f.message)).toEqual([]);
      expect(r.gate.passed).toBe(true);
    }
  });

  it('finds the ARM T05 2010 slip of 7 men at G14 and G39, waived in 2011.1, gone after the resubmission', () => {
    const a01 = of(r2011, 'MCH-A01', 'ARM', 'T05', 2010);
    expect(a01.map((f) => f.values.difference)).toEqual([-7, -7]);
    expect(a01.flatMap(cells)).toEqual(expect.arrayContaining(['ARM_questionnaire_2011.xlsx T05!G14', 'ARM_questionnaire_2011.xlsx T05!G39']));
    expect(a01.every((f) => f.waived)).toBe(true);
    expect(of(r2011, 'MCH-A04', 'ARM', 'T05', 2010).map((f) => [f.sex, f.severity, f.values.difference])).toEqual([['M', 'warning', 7]]);
    expect(of(r2013, 'MCH-A01', 'ARM')).toEqual([]);
  });

  it('finds the TJK T11 2010 unit error once, as a likely thousands slip, waived; corrected in 2013.1', () => {
    const t01 = of(r2011, 'MCH-T01', 'TJK', 'T11', 2010);
    expect(t01).toHaveLength(1);
    expect(t01[0]!.message).toContain('likely reported in thousands');
    expect(t01[0]!.waived).toBe(true);
    expect(t01[0]!.sources.some((s) => s.sheet === 't11 acquisitions')).toBe(true);
    expect(of(r2013, 'MCH-T01', 'TJK')).toEqual([]);
  });

  it('finds the undeclared KAZ 2012 break in T08, T09 and T10 once per table, not once per cell', () => {
    const t01 = of(r2013, 'MCH-T01', 'KAZ');
    expect(t01.map((f) => [f.table, f.time_period, f.severity, f.waived])).toEqual([
      ['T08', 2012, 'warning', false],
      ['T09', 2012, 'warning', false],
      ['T10', 2012, 'warning', false],
    ]);
    expect(t01[0]!.message).toMatch(/^T08 KAZ 2012 permanent residence \(national definition\): \d+ of \d+ cells changed by more than 50 % since 2011, all upward; total 41 900 in 2011 → 96 351 in 2012/);
    expect(t01[0]!.message_ru).toContain('разрыв ряда не зарегистрирован');
    expect(r2013.series?.some((s) => s.finding === t01[0]!.id && s.flagged_years.includes(2012))).toBe(true);
  });

  it('finds the UKR T08 2012 conflict on both files and shows it waived', () => {
    const s02 = of(r2013, 'MCH-S02', 'UKR', 'T08', 2012);
    expect(s02.map((f) => f.partner).sort()).toEqual(['POL', 'POL', 'POL', 'UNK', 'UNK', 'UNK']);
    expect(s02.every((f) => f.waived && f.waiver?.expires === '2014.1')).toBe(true);
    expect(s02.flatMap(cells)).toEqual(expect.arrayContaining(['UKR_T08_2012_second_file.xlsx Таблица 8!B23', 'UKR_T08_2012_second_file.xlsx Таблица 8!B35']));
  });

  it('flags the RUS–TJK mirror asymmetry every year, and the realistic warnings only', () => {
    for (const [r, years] of [[r2011, [2009, 2010]], [r2013, [2009, 2010, 2011, 2012]]] as const) {
      const m = r.findings.filter((f) => f.rule === 'MCH-M01' && f.ref_area === 'RUS' && f.partner === 'TJK' && f.sex === '_T');
      expect(m.map((f) => f.time_period)).toEqual(years);
    }
    expect(of(r2013, 'MCH-C02', 'TKM', 'T08').map((f) => f.time_period)).toEqual([2009, 2010, 2011, 2012]);
    expect(of(r2013, 'MCH-C01', 'UZB', 'T06', 2009)).toHaveLength(1);
    // a report a statistician believes: a handful of warnings per country, each worth a question
    const warnings = new Map<string, number>();
    for (const f of r2013.findings) if (f.severity === 'warning') warnings.set(f.ref_area, (warnings.get(f.ref_area) ?? 0) + 1);
    expect(Math.max(...warnings.values())).toBeLessThanOrEqual(5);
  });

  it('computes the mirror figures as checked by hand on the files', () => {
    const row = (a: string, b: string) => r2013.mirror.find((m) => m.time_period === 2012 && m.sex === '_T' && m.receiving === a && m.sending === b)!;
    // RUS_2013_long.csv line 620: RUS T04 2012 NAT _T from TJK 16054 (P); TJK_questionnaire_2013.xlsx "t08 emigrants"!E14: 1,372
    // ratio 16 054 / 1 372 = 11.7012; asymmetry (16 054 − 1 372) / (16 054 + 1 372) = 14 682 / 17 426 = 0.8425; outside 0.5–2, ≥ 50
    expect(row('RUS', 'TJK')).toMatchObject({ immigration: 16054, emigration: 1372, migr_type_in: 'NAT', migr_type_out: 'NAT', basis_in: 'STAY_REG_9M', basis_out: 'PERM_REG', ratio: 11.7012, asymmetry: 0.8425, flagged: true });
    expect(row('RUS', 'TJK').sources).toEqual([
      { file: 'data/raw/2013/RUS_2013_long.csv', sheet: '', cell: '620' },
      { file: 'data/raw/2013/TJK_questionnaire_2013.xlsx', sheet: 't08 emigrants', cell: 'E14' },
    ]);
    // ARM_questionnaire_2013.xlsx T04!F10 (KAZ, 2012 total, long-term): 48; KAZ_questionnaire_2013.xlsx Т08!E7 (Армения, 2012 г. всего): 78
    // ratio 48 / 78 = 0.6154; asymmetry (48 − 78) / 126 = −0.2381; inside the band: not flagged
    expect(row('ARM', 'KAZ')).toMatchObject({ immigration: 48, emigration: 78, migr_type_in: 'LT', migr_type_out: 'NAT', ratio: 0.6154, asymmetry: -0.2381, flagged: false });
    // the emigration of TJK as its partners see it: the sum of their T04 from TJK, beside TJK's own T08 to them
    const e = r2013.emigration_estimates.find((x) => x.sending === 'TJK' && x.time_period === 2012)!;
    const rows = r2013.mirror.filter((m) => m.time_period === 2012 && m.sex === '_T' && m.sending === 'TJK' && m.migr_type_in !== 'ST' && m.immigration !== null);
    expect(e.partner_reported_immigration).toBe(rows.reduce((s, m) => s + (m.immigration ?? 0), 0));
    expect(e.own_emigration_to_same_partners).toBe(rows.reduce((s, m) => s + (m.emigration ?? 0), 0));
    expect(e.coverage_share).toBe(Math.round(((e.own_emigration_to_same_partners ?? 0) / (e.own_total_emigration ?? 1)) * 10000) / 10000);
    expect(e.partners).toContain('RUS');
  });
});
