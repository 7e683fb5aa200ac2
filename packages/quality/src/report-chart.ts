import type { MirrorRow, QualityReport } from '@mch/core';
import { fmt } from './format';

/** One line of a chart: its points in data units. */
export interface ChartLine {
  name: string;
  cls: string;
  points: { year: number; value: number; flagged: boolean }[];
}

const W = 360;
const H = 150;
const PAD = { left: 56, right: 10, top: 10, bottom: 22 };

/** A small line chart as numbers for the template's inline SVG: no text is built into markup here. */
export function chartGeometry(lines: ChartLine[]) {
  const years = [...new Set(lines.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b);
  const values = lines.flatMap((l) => l.points.map((p) => p.value));
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const x = (y: number) => (years.length < 2 ? PAD.left + (W - PAD.left - PAD.right) / 2 : PAD.left + ((y - years[0]!) / (years[years.length - 1]! - years[0]!)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    width: W,
    height: H,
    axis: { x1: PAD.left, y1: r(y(lo)), x2: W - PAD.right, y2: r(y(lo)), top: PAD.top },
    yLabels: [lo, hi].map((v) => ({ x: PAD.left - 4, y: r(y(v) + 3), text: fmt(v) })),
    xLabels: years.map((yr) => ({ x: r(x(yr)), y: H - 6, text: String(yr) })),
    lines: lines.map((l) => ({
      name: l.name,
      cls: l.cls,
      points: l.points.map((p) => `${r(x(p.year))},${r(y(p.value))}`).join(' '),
      dots: l.points.map((p) => ({ cx: r(x(p.year)), cy: r(y(p.value)), flagged: p.flagged, title: `${l.name} ${p.year}: ${fmt(p.value)}` })),
    })),
  };
}

/** A chart for every series a time-series finding flags, and for every flagged mirror pair. */
export function chartsOf(report: QualityReport) {
  const charts = (report.series ?? []).map((s) => {
    const flagged = new Set(s.flagged_years);
    const label = [s.table, s.ref_area, s.migr_type, s.sex, s.age, s.partner].filter((x) => x && x !== '_T').join(' ');
    return {
      id: `chart-${s.finding}`,
      finding: s.finding,
      ref_area: s.ref_area,
      title: label,
      geometry: chartGeometry([{ name: label, cls: 's-value', points: s.points.map((p) => ({ year: p.time_period, value: p.value, flagged: flagged.has(p.time_period) })) }]),
    };
  });
  return [...charts, ...mirrorCharts(report)];
}

function mirrorCharts(report: QualityReport) {
  const rows = report.mirror.filter((m) => m.sex === '_T' && m.migr_type_in !== 'ST');
  const pairs = new Map<string, MirrorRow[]>();
  for (const m of rows) {
    const k = `${m.receiving}|${m.sending}`;
    const list = pairs.get(k);
    if (list) list.push(m);
    else pairs.set(k, [m]);
  }
  const out = [];
  for (const [k, list] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!list.some((m) => m.flagged)) continue;
    const [a = '', b = ''] = k.split('|');
    const sorted = [...list].sort((p, q) => p.time_period - q.time_period);
    const line = (name: string, cls: string, pick: (m: MirrorRow) => number | null) => ({
      name,
      cls,
      points: sorted.flatMap((m) => {
        const v = pick(m);
        return v === null ? [] : [{ year: m.time_period, value: v, flagged: m.flagged }];
      }),
    });
    out.push({
      id: `chart-mirror-${a}-${b}`,
      finding: '',
      ref_area: a,
      title: `Mirror ${a} ← ${b}: immigration reported by ${a} (T04) and emigration reported by ${b} (T08)`,
      geometry: chartGeometry([line(`${a} immigration from ${b}`, 's-in', (m) => m.immigration), line(`${b} emigration to ${a}`, 's-out', (m) => m.emigration)]),
    });
  }
  return out;
}
