import type { Finding, QualityReport } from '@mch/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printFindingSummary, printRunWarnings } from './print';

function printed(report: Partial<QualityReport>, fileWarnings: string[] = []): string {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
  printRunWarnings({ findings: [], ...report } as QualityReport, fileWarnings);
  return lines.join('\n');
}
afterEach(() => vi.restoreAllMocks());

const W01 = { rule: 'MCH-W01', ref_area: 'ARM', message: 'Waiver MCH-A01 ARM T05 2012 expired (2013.1); the finding it covered is back' } as Finding;

describe('printRunWarnings: warnings about the run on stdout', () => {
  it('counts them by kind and shows each with its country', () => {
    const run_warnings = [
      { finding: 'MCH-W01:a', kind: 'waiver-expired' as const, ref_area: 'ARM', message: W01.message, message_ru: '' },
      { finding: 'MCH-W01:b', kind: 'metadata-basis' as const, ref_area: 'RUS', message: 'The configuration records the definition basis STAY_REG_9M; the Metadata sheet says PERM_REG.', message_ru: '' },
    ];
    expect(printed({ run_warnings })).toBe(
      [
        'warnings about the run (MCH-W01): 2 (waiver-expired 1, metadata-basis 1)',
        `  warning ARM ${W01.message}`,
        '  warning RUS The configuration records the definition basis STAY_REG_9M; the Metadata sheet says PERM_REG.',
      ].join('\n'),
    );
  });

  it('reads the MCH-W01 findings of a report written before run_warnings existed, and the files’ own warnings', () => {
    expect(printed({ findings: [W01] }, ['data/raw/KAZ.xls: an old Excel .xls workbook, converted'])).toBe(
      [`warnings about the run (MCH-W01): 1`, `  warning ARM ${W01.message}`, 'warnings about the files: 1', '  warning data/raw/KAZ.xls: an old Excel .xls workbook, converted'].join('\n'),
    );
  });

  it('says "none" rather than nothing', () => {
    expect(printed({ run_warnings: [] })).toBe('warnings about the run (MCH-W01): none');
  });
});

describe('printFindingSummary: the rule table, the mirror line and the gate', () => {
  it('counts the mirror as MCH-M01 and the reports do: pairs and years, not the rows of each sex', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
    const row = (sex: string, flagged: boolean) => ({ sex, flagged }) as QualityReport['mirror'][number];
    // one pair and year: its total and both sexes are three rows of the mirror table, judged as one
    const report = {
      rules: [{ id: 'MCH-M01', severity: 'info', checked: 1, failed: 1, skipped: 0, waived: 0 }],
      mirror: [row('_T', true), row('M', true), row('F', true)],
      gate: { passed: true, blocking: 0 },
    } as unknown as QualityReport;
    printFindingSummary(report);
    expect(lines).toContain('mirror: 1 comparison of a pair of countries in a year, 1 outside the band');
  });
});
