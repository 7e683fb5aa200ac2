import type { Finding, QualityReport } from '@mch/core';

/** Errors and warnings: what a country is asked about; info findings (mirror, benchmarks) are analysis, counted in the scorecards. */
const asked = (f: Pick<Finding, 'severity'>) => f.severity !== 'info';

/** Resolved findings listed by name; a round that fixed thousands says how many more report.json holds. */
const RESOLVED_SHOWN = 200;

/**
 * The round against the previous release: per country, how many errors and warnings are new,
 * still open and resolved, and the resolved ones by name, so the meeting sees what was fixed.
 */
export function changesView(report: QualityReport, countries: string[]) {
  const c = report.changes;
  if (!c) return null;
  const news = new Set(c.new);
  const open = new Set(c.still_open);
  const resolved = c.resolved.filter(asked);
  const rows = new Map(countries.map((r) => [r, { ref_area: r, new: 0, still_open: 0, resolved: 0 }]));
  const totals = { new: 0, still_open: 0, resolved: resolved.length };
  for (const f of report.findings) {
    if (!asked(f)) continue;
    const kind = news.has(f.id) ? 'new' : open.has(f.id) ? 'still_open' : undefined;
    if (!kind) continue;
    totals[kind]++;
    const row = rows.get(f.ref_area);
    if (row) row[kind]++;
  }
  for (const f of resolved) {
    const row = rows.get(f.ref_area);
    if (row) row.resolved++;
  }
  return {
    previous: c.previous_version,
    totals,
    rows: [...rows.values()],
    resolved: resolved.slice(0, RESOLVED_SHOWN).map((f) => ({ ...f, time_period: f.time_period ?? '' })),
    resolved_more: Math.max(0, resolved.length - RESOLVED_SHOWN),
  };
}

/** "new" or "still open" beside a finding, "" when the round is not compared or for run warnings and revisions. */
export function statusOf(report: QualityReport): (f: Finding) => string {
  const news = new Set(report.changes?.new ?? []);
  const open = new Set(report.changes?.still_open ?? []);
  return (f) => (news.has(f.id) ? 'new' : open.has(f.id) ? 'still open' : '');
}
