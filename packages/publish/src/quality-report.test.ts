import { loadShippedCodeLists } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { qualityReportHtml, qualityReportMarkup } from './quality-report';
import { publicQualitySummary } from './quality-summary';
import { fixtureModel } from './testing/fixture';

describe('qualityReportHtml', () => {
  const model = fixtureModel();
  const summary = publicQualitySummary({ ...model.quality, rules: [{ id: 'MCH-R01', severity: 'info', checked: 44484, failed: 121, skipped: 0, waived: 0 }] }, model.data.observations, model.tableSet);
  const page = qualityReportHtml(qualityReportMarkup(summary, loadShippedCodeLists()), 'Quality');

  it('right-aligns every column of figures, whatever its place, and no column of text', () => {
    expect(page).toContain('<tr><td>MCH-R01</td><td>info</td><td class="n">44\u202f484</td><td class="n">121</td><td class="n">0</td><td class="n">0</td></tr>');
    expect(page).toContain('<th scope="col" class="n">Checked</th>');
    expect(page).toContain('<th scope="col">Severity</th>');
  });

  it('says what the mirror flag needs: a ratio outside the band and a flow of the minimum size', () => {
    expect(page).toContain('minimum size (50 persons unless configured)');
  });
});
