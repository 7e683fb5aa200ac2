import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QualityReport } from '@mch/core';
import { loadShippedCodeLists } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { qualityReportHtml, qualityReportMarkup, qualityReportPdf } from './quality-report';
import { publicQualitySummary } from './quality-summary';
import { fixtureModel } from './testing/fixture';

const model = fixtureModel();
const pair = (receiving: string, sending: string, immigration: number, emigration: number, flagged: boolean) => ({
  ...model.quality.mirror[0]!,
  receiving,
  sending,
  immigration,
  emigration,
  ratio: immigration / emigration,
  asymmetry: (immigration - emigration) / (immigration + emigration),
  flagged,
  sources: [],
});
// ARM ← GEO rests on a confidential figure; the others are free
const quality: QualityReport = {
  ...model.quality,
  rules: [{ id: 'MCH-R01', severity: 'info', checked: 44484, failed: 121, skipped: 0, waived: 0 }],
  mirror: [...model.quality.mirror, pair('GEO', 'ARM', 300, 100, true), pair('GEO', 'ARM', 30, 10, false), { ...pair('ARM', 'GEO', 90, 100, false), time_period: 2011 }],
};
quality.mirror[2] = { ...quality.mirror[2]!, time_period: 2010 };
const summary = publicQualitySummary(quality, model.data.observations, model.tableSet);
const markup = qualityReportMarkup(summary, loadShippedCodeLists());
const page = qualityReportHtml(markup, 'Quality');

describe('the public quality summary (quality/report.html and .pdf)', () => {
  it('right-aligns every column of figures, whatever its place, and no column of text', () => {
    expect(page).toContain('<tr><td>MCH-R01</td><td>info</td><td class="n">44\u202f484</td><td class="n">121</td><td class="n">0</td><td class="n">0</td></tr>');
    expect(page).toContain('<th scope="col" class="n">Checked</th>');
    expect(page).toContain('<th scope="col">Severity</th>');
  });

  it('shows the mirror matrix of every year first, the latest on top, coloured by ratio, with band and minimum flow', () => {
    expect(markup.indexOf('## Mirror matrix')).toBeLessThan(markup.indexOf('## Emigration estimated'));
    expect(markup.indexOf('### 2012')).toBeLessThan(markup.indexOf('### 2011'));
    expect(page).toContain('leaves the band 0.5–2 and the larger flow is at least 50 persons');
    // GEO ← ARM 2012: 300 / 100 = 3, flagged above the band; ARM ← GEO rests on a confidential figure: "–"
    expect(page).toMatch(/<tr><th scope="row">GEO<\/th><td class="m-above">3 ▲<\/td><td class="m-self"><\/td><\/tr>/);
    expect(page).toMatch(/<tr><th scope="row">ARM<\/th><td class="m-self"><\/td><td class="m-none">–<\/td><\/tr>/);
    expect(page).toContain('.m-above{background:#f4a09a');
  });

  it('gives each country a scorecard of what it sent and how it fared, without the query or the approver', () => {
    // the section starts a page with its first card; each further card starts its own
    expect(markup).toMatch(/\[\[chart:page-scorecards\]\]\n## Country scorecards[^\n]*\n\n\n### Armenia \(ARM\)/);
    expect(page).toContain('<td>MCH-A01</td><td>sex additivity</td><td>error</td><td class="n">1</td><td class="n">1</td>');
    expect(page).not.toContain('Query to Armenia');
    expect(page).not.toContain('Jane Approver');
  });

  const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(existsSync);
  it.skipIf(!pdftotext && process.env.CI !== 'true')('prints the matrix as a coloured table and each scorecard on a page of its own (needs pdftotext)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mch-quality-pdf-'));
    try {
      writeFileSync(join(dir, 'q.pdf'), await qualityReportPdf(markup, 'Quality', '2013-06-30'));
      const text = (first?: number) => execFileSync(pdftotext!, [...(first ? ['-f', String(first), '-l', String(first)] : []), '-layout', join(dir, 'q.pdf'), '-'], { encoding: 'utf8' });
      // pdftotext drops the space before the mark
      expect(text()).toMatch(/GEO\s+3\s?▲/);
      const pages = text().split('\f').filter((p) => p.trim());
      expect(pages.at(-1)).toMatch(/^\s*Country scorecards[^\n]*\n+\s*Armenia \(ARM\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
