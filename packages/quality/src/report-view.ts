import type { QualityReport } from '@mch/core';
import { cmp, MIRROR_COLOURS, mirrorLegend, ruleName } from '@mch/core';
import { fmt } from './format';
import { chartsOf } from './report-chart';
import { changesView, statusOf } from './view-changes';
import { COMPLETENESS_COLOURS, completenessView } from './view-completeness';
import { bandOf, estimatesView, mirrorView } from './view-mirror';
import { scorecardsView } from './view-scorecard';

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Places shown per finding in the table; the full list is in report.json. */
const SHOWN_PLACES = 6;

/** "file sheet!cell; …" for the findings table. */
function placesOf(sources: QualityReport['findings'][number]['sources']): string {
  const text = sources.slice(0, SHOWN_PLACES).map((s) => `${s.file}${s.sheet ? ` ${s.sheet}!` : ' line '}${s.cell}`);
  if (sources.length > SHOWN_PLACES) text.push(`… and ${sources.length - SHOWN_PLACES} more cells`);
  return text.join('; ');
}

/**
 * The reporting countries of the report: those of the completeness matrix and those findings
 * name. A warning about the run (ref_area '') is no country: it is listed with the run warnings.
 */
export function countriesOf(report: Pick<QualityReport, 'completeness' | 'findings'>): string[] {
  return [...new Set([...report.completeness.map((c) => c.ref_area), ...report.findings.map((f) => f.ref_area)])].filter((r) => r !== '').sort(cmp);
}

/** What the HTML template and the PDF show, precomputed so the template stays free of logic. */
export function reportView(report: QualityReport) {
  const charted = new Set((report.series ?? []).map((s) => s.finding));
  const countries = countriesOf(report);
  const status = statusOf(report);
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
    byCountry: countries.map((r) => {
      const own = report.findings.filter((f) => f.ref_area === r);
      return { ref_area: r, counts: SEVERITIES.map((s) => own.filter((f) => f.severity === s && !f.waived).length), waived: own.filter((f) => f.waived).length };
    }),
    completeness: completenessView(report, countries),
    scorecards: scorecardsView(report, countries),
    findings: report.findings.map((f) => ({
      ...f,
      time_period: f.time_period ?? '',
      where: placesOf(f.sources),
      chart: charted.has(f.id) ? `chart-${f.id}` : '',
      status: status(f),
    })),
    charts: chartsOf(report),
    ruleIds: report.rules.map((r) => r.id),
    countries,
  };
}
