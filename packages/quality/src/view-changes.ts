import type { Finding, QualityReport } from '@mch/core';

/** Errors and warnings: what a country is asked about; info findings (mirror, benchmarks) are analysis, counted in the scorecards. */
const asked = (f: Pick<Finding, 'severity'>) => f.severity !== 'info';

/**
 * The round against the previous release: per country, how many errors and warnings are new,
 * still open and resolved, and the resolved ones by name, so the meeting sees what was fixed.
 */
export function changesView(report: QualityReport, countries: string[]) {
  const c = report.changes;
  if (!c) return null;
  const news = new Set(c.new);
  const open = new Set(c.still_open);
  const mine = (r: string) => report.findings.filter((f) => f.ref_area === r && asked(f));
  const resolved = c.resolved.filter(asked);
  return {
    previous: c.previous_version,
    totals: { new: report.findings.filter((f) => asked(f) && news.has(f.id)).length, still_open: report.findings.filter((f) => asked(f) && open.has(f.id)).length, resolved: resolved.length },
    rows: countries.map((r) => ({
      ref_area: r,
      new: mine(r).filter((f) => news.has(f.id)).length,
      still_open: mine(r).filter((f) => open.has(f.id)).length,
      resolved: resolved.filter((f) => f.ref_area === r).length,
    })),
    resolved: resolved.map((f) => ({ ...f, time_period: f.time_period ?? '' })),
  };
}

/** "new" or "still open" beside a finding, "" when the round is not compared or for run warnings and revisions. */
export function statusOf(report: QualityReport): (f: Finding) => string {
  const news = new Set(report.changes?.new ?? []);
  const open = new Set(report.changes?.still_open ?? []);
  return (f) => (news.has(f.id) ? 'new' : open.has(f.id) ? 'still open' : '');
}
