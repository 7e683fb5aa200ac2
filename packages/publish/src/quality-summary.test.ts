import type { QualityReport } from '@mch/core';
import { loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { publicQualitySummary } from './quality-summary';
import { SECRET, fixtureModel, obs } from './testing/fixture';

describe('publicQualitySummary', () => {
  const model = fixtureModel();
  const summary = publicQualitySummary(model.quality, model.data.observations, loadShippedTableSet());

  it('drops findings and waivers and withholds mirror figures that rest on a confidential value', () => {
    expect(Object.keys(summary).sort()).toEqual(['completeness', 'emigration_estimates', 'gate', 'mirror', 'release_date', 'rules', 'version']);
    expect(summary.mirror[0]).toMatchObject({ immigration: 120, emigration: null, ratio: null, asymmetry: null, flagged: false });
    expect(summary.emigration_estimates[0]).toMatchObject({ partner_reported_immigration: 120, own_emigration_to_same_partners: null, coverage_share: null });
    expect(JSON.stringify(summary)).not.toContain(String(SECRET));
  });

  it('keeps a mirror pair whose figures are both free', () => {
    const free = model.data.observations.map((o) => (o.conf_status === 'F' ? o : { ...o, conf_status: 'F' as const }));
    const report: QualityReport = { ...model.quality, mirror: model.quality.mirror.map((m) => ({ ...m, emigration: 60, ratio: 2, asymmetry: 1 / 3 })) };
    const open = publicQualitySummary(report, [...free, obs({ ref_area: 'GEO', table: 'T08', migr_type: 'NAT', partner: 'ARM', obs_value: 60 })], loadShippedTableSet());
    expect(open.mirror[0]).toMatchObject({ immigration: 120, emigration: 60, ratio: 2, flagged: true });
    expect(open.mirror[0]).not.toHaveProperty('sources');
  });
});
