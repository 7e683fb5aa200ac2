import type { FindingGroup, QualityReport } from '@mch/core';
import { cmp, MIRROR_COLOURS, mirrorLegend, ruleName } from '@mch/core';
import { fmt } from './format';
import { groupFindings } from './groups';
import { changesView } from './view-changes';
import { COMPLETENESS_COLOURS, completenessView } from './view-completeness';
import { bandOf, estimatesView, mirrorView } from './view-mirror';
import { scorecardsView } from './view-scorecard';

const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * The reporting countries of the report: those of the completeness matrix and those findings
 * name. A warning about the run (ref_area '') is no country: it is listed with the run warnings.
 */
export function countriesOf(report: Pick<QualityReport, 'completeness' | 'findings'>): string[] {
  return [...new Set([...report.completeness.map((c) => c.ref_area), ...report.findings.map((f) => f.ref_area)])].filter((r) => r !== '').sort(cmp);
}

/** Unwaived findings by severity and the waived ones, per country, in one pass. */
function byCountry(report: QualityReport, countries: string[]) {
  const tally = new Map(countries.map((r) => [r, { ref_area: r, counts: SEVERITIES.map(() => 0), waived: 0 }]));
  for (const f of report.findings) {
    const t = tally.get(f.ref_area);
    if (!t) continue;
    if (f.waived) t.waived++;
    else t.counts[SEVERITIES.indexOf(f.severity)]!++;
  }
  return [...tally.values()];
}

/**
 * What the HTML template and the PDF show, precomputed so the template stays free of logic
 * (report.html adds the findings as data it renders a page at a time: report-view-findings.ts).
 */
export function reportView(report: QualityReport, groups: readonly FindingGroup[] = groupFindings(report.findings)) {
  const countries = countriesOf(report);
  const band = bandOf(report);
  return {
    version: report.version,
    release_date: report.release_date,
    gate: report.gate,
    css: [
      ...Object.entries(MIRROR_COLOURS).map(([cls, c]) => ({ cls: `r-${cls}`, fill: c.fill, text: c.text })),
      ...Object.entries(COMPLETENESS_COLOURS).map(([cls, c]) => ({ cls, fill: c.fill, text: '#1f1f1f' })),
    ],
    runWarnings: (report.run_warnings ?? []).map((w) => ({ ...w, where: w.ref_area || 'run' })),
    // the latest year first: the one the session discusses
    mirror: mirrorView(report, countries).reverse(),
    mirrorBand: { low: fmt(band.band_low), high: fmt(band.band_high), min: fmt(band.min_size) },
    mirrorLegend: mirrorLegend(band).map((l) => ({ ...l, cls: `r-${l.cls}` })),
    estimates: estimatesView(report),
    changes: changesView(report, countries),
    rules: report.rules.map((r) => ({ ...r, name: ruleName(r.id, 'en'), name_ru: ruleName(r.id, 'ru') })),
    byCountry: byCountry(report, countries),
    completeness: completenessView(report, countries),
    scorecards: scorecardsView(report, countries, groups),
    findingsTotal: fmt(report.findings.length),
    groupsTotal: fmt(groups.length),
    ruleIds: report.rules.map((r) => r.id),
    countries,
  };
}
