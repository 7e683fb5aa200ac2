import type { FindingGroup, FlaggedSeries, MirrorRow, QualityReport } from '@mch/core';
import { cmp } from '@mch/core';

/** One chart as the page's script draws it: lines of [year, value, flagged 0|1], no markup. */
export interface ChartData {
  id: string;
  /** the finding group it illustrates, '' for a mirror pair */
  group: string;
  ref_area: string;
  title: string;
  lines: [name: string, cls: string, points: [number, number, 0 | 1][]][];
}

/** The series of each group of time-series findings: one chart per flagged series, however many years it flags. */
function seriesCharts(report: QualityReport, groups: readonly FindingGroup[]): ChartData[] {
  const byFinding = new Map<string, FlaggedSeries>((report.series ?? []).map((s) => [s.finding, s]));
  const out: ChartData[] = [];
  for (const g of groups) {
    const series = g.findings.flatMap((id) => byFinding.get(id) ?? []);
    const first = series[0];
    if (!first) continue;
    const flagged = new Set(series.flatMap((s) => s.flagged_years));
    const title = [first.table, first.ref_area, first.migr_type, first.sex, first.age, first.partner].filter((x) => x && x !== '_T').join(' ');
    out.push({ id: `chart-${g.id}`, group: g.id, ref_area: g.ref_area, title, lines: [[title, 's-value', first.points.map((p) => [p.time_period, p.value, flagged.has(p.time_period) ? 1 : 0])]] });
  }
  return out;
}

/** Both sides of every mirror pair flagged in some year, year by year. */
function mirrorCharts(report: QualityReport): ChartData[] {
  const pairs = new Map<string, MirrorRow[]>();
  for (const m of report.mirror) {
    if (m.sex !== '_T' || m.migr_type_in === 'ST') continue;
    const k = `${m.receiving}|${m.sending}`;
    const list = pairs.get(k);
    if (list) list.push(m);
    else pairs.set(k, [m]);
  }
  const out: ChartData[] = [];
  for (const [k, list] of [...pairs].sort(([a], [b]) => cmp(a, b))) {
    if (!list.some((m) => m.flagged)) continue;
    const [a = '', b = ''] = k.split('|');
    const sorted = [...list].sort((p, q) => p.time_period - q.time_period);
    const line = (name: string, cls: string, pick: (m: MirrorRow) => number | null): ChartData['lines'][number] => [
      name,
      cls,
      sorted.flatMap((m) => {
        const v = pick(m);
        return v === null ? [] : [[m.time_period, v, m.flagged ? 1 : 0] as [number, number, 0 | 1]];
      }),
    ];
    out.push({
      id: `chart-mirror-${a}-${b}`,
      group: '',
      ref_area: a,
      title: `Mirror ${a} ← ${b}: immigration reported by ${a} (T04) and emigration reported by ${b} (T08)`,
      lines: [line(`${a} immigration from ${b}`, 's-in', (m) => m.immigration), line(`${b} emigration to ${a}`, 's-out', (m) => m.emigration)],
    });
  }
  return out;
}

/** A chart for every flagged series (one per group of time-series findings), then every flagged mirror pair. */
export function chartsOf(report: QualityReport, groups: readonly FindingGroup[]): ChartData[] {
  return [...seriesCharts(report, groups), ...mirrorCharts(report)];
}
