// The findings of report.html as compact data its script renders page by page (templates/report/report.js).
import type { Finding, FindingGroup, QualityReport } from '@mch/core';
import { where } from './format';
import { worstText, yearRuns } from './groups';
import { type ChartData, chartsOf } from './report-chart';

/** Places shown per finding in the table; the full list is in report.json. */
const SHOWN_PLACES = 6;

/** [file index, sheet, cell or line]: a path is written once, not once per cell. */
type Place = [number, string, string];
/** id, year, message, сообщение, places, places not shown, waiver, status ("new", "still open" or ""). */
type FindingRow = [string, string, string, string, Place[], number, string, string];
/** id, rule, severity, country, table, series, ряд, count, waived, years, worst, наибольшее, first finding row, worst finding row, chart index or -1. */
type GroupRow = [string, string, string, string, string, string, string, number, number, string, string, string, number, number, number];

export interface FindingsData {
  files: string[];
  groups: GroupRow[];
  findings: FindingRow[];
  charts: ChartData[];
  total: number;
}

const waiverText = (f: Finding) => (f.waiver ? `waived / исключение: ${f.waiver.justification} (${f.waiver.approved_by}, ${f.waiver.date}, until ${f.waiver.expires})` : '');

/**
 * Every finding in its group, in group order, each with what the findings table shows; one pass
 * over the findings and one over the groups. Text only: the script puts it in with textContent.
 */
export function findingsData(report: QualityReport, groups: readonly FindingGroup[], status: (f: Finding) => string): FindingsData {
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const files = new Map<string, number>();
  const fileIndex = (path: string) => {
    const known = files.get(path);
    if (known !== undefined) return known;
    files.set(path, files.size);
    return files.size - 1;
  };
  const charts = chartsOf(report, groups);
  const chartOf = new Map(charts.map((c, i) => [c.group, i]));
  const rows: FindingRow[] = [];
  const groupRows: GroupRow[] = [];
  for (const g of groups) {
    const first = rows.length;
    for (const id of g.findings) {
      const f = byId.get(id)!;
      const places = f.sources.slice(0, SHOWN_PLACES).map((s): Place => [fileIndex(s.file), s.sheet, s.cell]);
      rows.push([f.id, f.time_period === null ? '' : String(f.time_period), f.message, f.message_ru, places, Math.max(0, f.sources.length - SHOWN_PLACES), waiverText(f), status(f)]);
    }
    const worst = worstText(g);
    const label = where({ ref_area: g.ref_area, table: g.table, time_period: null, migr_type: g.migr_type, sex: g.sex, age: g.age, partner: g.partner });
    const worstRow = first + Math.max(0, g.findings.indexOf(g.worst.finding));
    groupRows.push([g.id, g.rule, g.severity, g.ref_area, g.table, label.en, label.ru, g.count, g.waived, yearRuns(g.years), worst.en, worst.ru, first, worstRow, chartOf.get(g.id) ?? -1]);
  }
  return { files: [...files.keys()], groups: groupRows, findings: rows, charts, total: report.findings.length };
}
