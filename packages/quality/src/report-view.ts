import type { QualityReport } from '@mch/core';
import { cmp } from '@mch/core';
import { fmt, pct, sexEn } from './format';
import { chartsOf } from './report-chart';

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Ratio band class of a mirror cell, for its colour. */
function ratioClass(ratio: number | null, flagged: boolean, low: number, high: number): string {
  if (ratio === null) return 'r-none';
  if (flagged) return ratio > 1 ? 'r-high' : 'r-low';
  return ratio < low || ratio > high ? 'r-off' : 'r-ok';
}

/** What the HTML template shows, precomputed so the template stays free of logic. */
const SHOWN_PLACES = 6;

/** "file sheet!cell; …" for the findings table; the full list is in report.json. */
function placesOf(sources: QualityReport['findings'][number]['sources']): string {
  const text = sources.slice(0, SHOWN_PLACES).map((s) => `${s.file}${s.sheet ? ` ${s.sheet}!` : ' line '}${s.cell}`);
  if (sources.length > SHOWN_PLACES) text.push(`… and ${sources.length - SHOWN_PLACES} more cells`);
  return text.join('; ');
}

export function reportView(report: QualityReport) {
  const charted = new Set((report.series ?? []).map((s) => s.finding));
  const countries = [...new Set([...report.completeness.map((c) => c.ref_area), ...report.findings.map((f) => f.ref_area)])].sort(cmp);
  const byCountry = countries.map((r) => {
    const own = report.findings.filter((f) => f.ref_area === r);
    return {
      ref_area: r,
      counts: SEVERITIES.map((s) => own.filter((f) => f.severity === s && !f.waived).length),
      waived: own.filter((f) => f.waived).length,
    };
  });
  const tables = [...new Set(report.completeness.map((c) => c.table))].sort(cmp);
  const years = [...new Set(report.completeness.map((c) => c.time_period))].sort((a, b) => a - b);
  const cell = new Map(report.completeness.map((c) => [`${c.ref_area}|${c.table}|${c.time_period}`, c]));
  const completeness = countries.map((r) => ({
    ref_area: r,
    cells: tables.flatMap((t) =>
      years.map((y) => {
        const c = cell.get(`${r}|${t}|${y}`);
        const n = c?.observations ?? 0;
        const cls = n === 0 ? (c?.expected ? 'c-late' : 'c-none') : c?.rejected ? 'c-rejected' : 'c-ok';
        const title = `${r} ${t} ${y}: ${n} observations, ${c?.missing_values ?? 0} missing, ${c?.rejected ?? 0} rejected${c?.expected ? ', declared' : ''}`;
        return { text: n ? fmt(n) : c?.expected ? '!' : '', cls, title };
      }),
    ),
  }));
  return {
    version: report.version,
    release_date: report.release_date,
    gate: report.gate,
    rules: report.rules,
    byCountry,
    completeness: { tables: tables.map((t) => ({ id: t, span: years.length })), years: tables.flatMap(() => years), rows: completeness },
    mirror: mirrorView(report, countries),
    estimates: report.emigration_estimates.map((e) => ({
      ...e,
      partners: e.partners.join(', '),
      partner_reported_immigration: fmt(e.partner_reported_immigration),
      own_emigration_to_same_partners: fmt(e.own_emigration_to_same_partners),
      own_total_emigration: fmt(e.own_total_emigration),
      coverage_share: e.coverage_share === null ? '–' : pct(e.coverage_share),
    })),
    findings: report.findings.map((f) => ({
      ...f,
      time_period: f.time_period ?? '',
      where: placesOf(f.sources),
      chart: charted.has(f.id) ? `chart-${f.id}` : '',
    })),
    charts: chartsOf(report),
    ruleIds: report.rules.map((r) => r.id),
    countries,
  };
}

function mirrorView(report: QualityReport, countries: string[]) {
  const years = [...new Set(report.mirror.map((m) => m.time_period))].sort((a, b) => a - b);
  return years.map((y) => {
    const rows = report.mirror.filter((m) => m.time_period === y && m.sex === '_T' && m.migr_type_in !== 'ST');
    const at = new Map(rows.map((m) => [`${m.receiving}|${m.sending}`, m]));
    const present = countries.filter((c) => rows.some((m) => m.receiving === c || m.sending === c));
    return {
      year: y,
      senders: present,
      rows: present.map((a) => ({
        receiving: a,
        cells: present.map((b) => {
          const m = at.get(`${a}|${b}`);
          if (a === b || !m) return { text: '', cls: 'r-self', title: '' };
          return {
            text: m.ratio === null ? (m.immigration === null && m.emigration === null ? '' : '–') : fmt(m.ratio),
            cls: ratioClass(m.ratio, m.flagged, 0.5, 2),
            title: `${y} ${sexEn(m.sex)}: ${a} reports ${fmt(m.immigration)} from ${b} (${m.migr_type_in || '–'}, ${m.basis_in || 'basis not stated'}; ${m.territory_in || 'territory not stated'}); ${b} reports ${fmt(m.emigration)} to ${a} (${m.migr_type_out || '–'}, ${m.basis_out || 'basis not stated'}; ${m.territory_out || 'territory not stated'}); asymmetry ${fmt(m.asymmetry)}`,
          };
        }),
      })),
    };
  });
}
