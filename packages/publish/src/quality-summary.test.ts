import type { QualityReport } from '@mch/core';
import { loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { publicQualitySummary } from './quality-summary';
import { SECRET, fixtureModel, obs } from './testing/fixture';

describe('publicQualitySummary', () => {
  const model = fixtureModel();
  const summary = publicQualitySummary(model.quality, model.data.observations, loadShippedTableSet());

  it('drops findings and waivers and withholds mirror figures that rest on a confidential value', () => {
    expect(Object.keys(summary).sort()).toEqual(['completeness', 'countries', 'emigration_estimates', 'gate', 'mirror', 'mirror_band', 'release_date', 'rules', 'version']);
    expect(summary.mirror[0]).toMatchObject({ immigration: 120, emigration: null, ratio: null, asymmetry: null, flagged: false });
    expect(summary.emigration_estimates[0]).toMatchObject({ partner_reported_immigration: 120, own_emigration_to_same_partners: null, coverage_share: null });
    expect(JSON.stringify(summary)).not.toContain(String(SECRET));
    expect(JSON.stringify(summary)).not.toContain('Jane Approver');
  });

  it('gives each country a scorecard of counts: findings by rule and waived, never the query itself', () => {
    const [arm] = summary.countries ?? [];
    expect(arm).toMatchObject({ ref_area: 'ARM', errors: 0, waived: 1, rules: [{ id: 'MCH-A01', severity: 'error', findings: 1, waived: 1 }] });
    expect(JSON.stringify(summary.countries)).not.toContain('Query to Armenia');
    expect(summary.mirror_band).toEqual({ band_low: 0.5, band_high: 2, min_size: 50 });
  });

  it('keeps a mirror pair whose figures are both free', () => {
    const free = model.data.observations.map((o) => (o.conf_status === 'F' ? o : { ...o, conf_status: 'F' as const }));
    const report: QualityReport = { ...model.quality, mirror: model.quality.mirror.map((m) => ({ ...m, emigration: 60, ratio: 2, asymmetry: 1 / 3 })) };
    const open = publicQualitySummary(report, [...free, obs({ ref_area: 'GEO', table: 'T08', migr_type: 'NAT', partner: 'ARM', obs_value: 60 })], loadShippedTableSet());
    expect(open.mirror[0]).toMatchObject({ immigration: 120, emigration: 60, ratio: 2, flagged: true });
    expect(open.mirror[0]).not.toHaveProperty('sources');
  });
});
