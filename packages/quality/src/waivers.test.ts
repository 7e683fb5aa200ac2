import type { ReleaseConfigInput } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';
import { compareVersions, isExpired } from './waivers';

// ARM T05 2012: total 5 210 against 2 400 + 2 790: one MCH-A01 error
const cells = (men = 2400) => [o('ARM|T05|2012|LT|_T||_T', 5210), o('ARM|T05|2012|LT|M||_T', men), o('ARM|T05|2012|LT|F||_T', 2790)];
const ready = {
  clearance: { cleared: true, by: 'x' },
  territory: 'all',
  definition_basis: { default: 'PERM_REG' as const },
  coverage: { labour_migrants: 'in', refugees: 'out' },
};
const meta = [{ ref_area: 'ARM', table: 'T05', source_kind: '', definition_basis: '' as const, reference_date: '2012', territory: '', breaks: [], notes: '', from: '' }];

function run(waivers: ReleaseConfigInput['waivers'], men = 2400, version = '2013.1') {
  const base = input(cells(men), { config: { version, countries: { ARM: ready }, waivers }, data: { metadata: meta } });
  return runQuality(base);
}
const a01 = () => run([]).findings.find((f) => f.rule === 'MCH-A01')!;
const waiver = (extra: object = {}) => ({
  rule: 'MCH-A01' as const,
  ref_area: 'ARM',
  justification: 'confirmed by Armstat: men include 20 of unknown sex',
  approved_by: 'J. Smith',
  date: '2013-10-01',
  expires: '2014.1',
  ...extra,
});

describe('waivers and the gate', () => {
  it('blocks the gate on an unwaived error', () => {
    const report = run([]);
    expect(report.gate).toEqual({ passed: false, blocking: 1 });
  });

  it('marks the matching finding waived, keeps it with its justification, and opens the gate', () => {
    const report = run([waiver({ table: 'T05', time_period: 2012, key: 'ARM|T05|2012|LT|_T||_T', fingerprint: a01().fingerprint })]);
    const f = report.findings.find((x) => x.rule === 'MCH-A01')!;
    expect(f.waived).toBe(true);
    expect(f.waiver).toEqual({ justification: 'confirmed by Armstat: men include 20 of unknown sex', approved_by: 'J. Smith', date: '2013-10-01', expires: '2014.1' });
    expect(report.gate).toEqual({ passed: true, blocking: 0 });
    expect(report.rules.find((r) => r.id === 'MCH-A01')).toMatchObject({ failed: 1, waived: 1 });
    expect(report.findings.filter((x) => x.rule === 'MCH-W01')).toEqual([]);
  });

  it('respects its scope: another country, table or year does not match', () => {
    for (const scope of [{ ref_area: 'KAZ' }, { table: 'T04' }, { time_period: 2011 }, { key: 'ARM|T05|2012|LT|M||_T' }]) {
      const report = run([waiver(scope)]);
      expect(report.gate.passed).toBe(false);
      expect(report.findings.filter((x) => x.rule === 'MCH-W01')).toHaveLength(1);
    }
  });

  it('lapses when the values change: the finding comes back and the waiver is reported', () => {
    const report = run([waiver({ fingerprint: a01().fingerprint })], 2390);
    expect(report.gate.passed).toBe(false);
    const w = report.findings.find((x) => x.rule === 'MCH-W01')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toContain('the values changed since it was approved');
  });

  it('expires by release version and by date, judged against the configuration', () => {
    expect(run([waiver({ expires: '2013.2' })]).gate.passed).toBe(true);
    expect(run([waiver({ expires: '2013.1' })]).gate.passed).toBe(false);
    expect(run([waiver({ expires: '2013.1' })], 2400, '2012.9').gate.passed).toBe(true);
    expect(run([waiver({ expires: '2013-11-15' })]).gate.passed).toBe(true);
    const expired = run([waiver({ expires: '2013-11-14' })]);
    expect(expired.gate.passed).toBe(false);
    expect(expired.findings.find((x) => x.rule === 'MCH-W01')!.message).toContain('expired (2013-11-14)');
  });

  it('reports a waiver that matches nothing as a warning', () => {
    const report = run([waiver({ rule: 'MCH-A02' })]);
    const w = report.findings.filter((x) => x.rule === 'MCH-W01');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe('Waiver MCH-A02 ARM matches no finding of this release; remove it from the configuration.');
    expect(report.rules.find((r) => r.id === 'MCH-W01')).toMatchObject({ checked: 1, failed: 1 });
  });

  it('compares versions numerically and treats an unreadable expiry as expired', () => {
    expect(compareVersions('2013.10', '2013.9')).toBeGreaterThan(0);
    expect(isExpired('2013.10', { version: '2013.9', release_date: '2013-01-01' })).toBe(false);
    expect(isExpired('next year', { version: '2013.9', release_date: '2013-01-01' })).toBe(true);
  });
});
