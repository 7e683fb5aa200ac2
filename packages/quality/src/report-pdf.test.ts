import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from './report-pdf';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';

const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(existsSync);
const report = () => runQuality(input([o('KAZ|T04|2012|LT|_T||RUS', 300), o('RUS|T08|2012|NAT|_T||KAZ', 100), o('ARM|T04|2012|LT|_T||RUS', 40)]));

describe('report.pdf', () => {
  it('is the same bytes twice (dates from the release, not the clock)', async () => {
    const [a, b] = [await renderReportPdf(report()), await renderReportPdf(report())];
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
  });

  it.skipIf(!pdftotext && process.env.CI !== 'true')(`holds the summary in both languages and the mirror matrix${pdftotext ? '' : ' (skipped: pdftotext not installed)'}`, async () => {
    expect(pdftotext, 'poppler-utils is required under CI').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'mch-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), await renderReportPdf(report()));
      const text = execFileSync(pdftotext!, ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Migration Clearing House: quality report 2013.1');
      expect(text).toContain('Информационный центр по миграции: отчёт о качестве 2013.1');
      expect(text).toContain('MCH-M01');
      expect(text).toContain('Mirror matrix: immigration ÷ emigration');
      expect(text).toContain('2012: 1 of 1 pairs outside the band');
      expect(text).toMatch(/KAZ\s+–?\s*3\b/); // KAZ from RUS: 300 / 100
      // a series flagged over several years is one question on the country's scorecard
      const jumps = Object.entries({ 2009: 1000, 2010: 2200, 2011: 900, 2012: 2300 }).map(([y, v]) => o(`RUS|T04|${y}|NAT|_T||KAZ`, v));
      writeFileSync(join(dir, 'g.pdf'), await renderReportPdf(runQuality(input(jumps))));
      const grouped = execFileSync(pdftotext!, ['-layout', join(dir, 'g.pdf'), '-'], { encoding: 'utf8' });
      expect(grouped).toMatch(/MCH-T01 3 findings 2010–2012, largest change 155\.6 % \(2012\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
