// The mirror matrix and the emigration estimates as the internal reports show them; colours and legend are core's, shared with the public summary.
import type { MirrorBand, MirrorMatrixCell, QualityReport } from '@mch/core';
import { MIRROR_COLOURS, mirrorMatrices, ratioText, shownCoverage, shownMirror } from '@mch/core';
import { fmt } from './format';
import { MIRROR_DEFAULTS } from './mirror';

export const bandOf = (report: Pick<QualityReport, 'mirror_band'>): MirrorBand => report.mirror_band ?? { ...MIRROR_DEFAULTS };

/** The matrices of the HTML and PDF reports: one per year, receiving countries down, sending across. */
export function mirrorView(report: Pick<QualityReport, 'mirror' | 'mirror_band'>, countries: string[]) {
  const band = bandOf(report);
  return mirrorMatrices(report.mirror, countries, band).map((m) => {
    const cells = m.rows.flat().filter((c) => c.row?.immigration != null && c.row.emigration != null);
    return {
      year: m.year,
      senders: m.countries,
      compared: cells.length,
      flagged: cells.filter((c) => c.row?.flagged).length,
      rows: m.rows.map((r, i) => ({
        receiving: m.countries[i]!,
        cells: r.map((c) => ({
          cls: `r-${c.cls}`,
          fill: MIRROR_COLOURS[c.cls],
          text: c.row ? ratioText(c.row.ratio, c.row.immigration, c.row.emigration) : '',
          title: c.row ? titleOf(m.year, c.receiving, c.sending, c.row) : '',
        })),
      })),
    };
  });
}

function titleOf(y: number, a: string, b: string, m: NonNullable<MirrorMatrixCell['row']>): string {
  const asym = m.asymmetry === null ? '' : `; asymmetry ${fmt(shownMirror(m).asymmetry)}`;
  return `${y}: ${a} reports ${fmt(m.immigration)} immigrants from ${b} (${m.migr_type_in || '–'}, ${m.basis_in || 'basis not stated'}); ${b} reports ${fmt(m.emigration)} emigrants to ${a} (${m.migr_type_out || '–'}, ${m.basis_out || 'basis not stated'})${asym}`;
}

/** The emigration of each sending country as its partners see it, year by year, with the share of its own emigration they cover. */
export function estimatesView(report: Pick<QualityReport, 'emigration_estimates'>) {
  const years = [...new Set(report.emigration_estimates.map((e) => e.time_period))].sort((a, b) => a - b);
  const senders = [...new Set(report.emigration_estimates.map((e) => e.sending))].sort();
  const at = new Map(report.emigration_estimates.map((e) => [`${e.sending}|${e.time_period}`, e]));
  return {
    years,
    rows: senders.map((s) => ({
      sending: s,
      cells: years.map((y) => {
        const e = at.get(`${s}|${y}`);
        if (!e) return { partner: '', own: '', covered: '', title: '' };
        return {
          partner: fmt(e.partner_reported_immigration),
          own: fmt(e.own_emigration_to_same_partners),
          covered: e.coverage_share === null ? '–' : `${(shownCoverage(e)! * 100).toFixed(1)} %`,
          title: `${y}: ${e.partners.length} partners (${e.partners.join(', ')}) report ${fmt(e.partner_reported_immigration)} immigrants from ${s}; ${s} reports ${fmt(e.own_emigration_to_same_partners)} emigrants to them, of ${fmt(e.own_total_emigration)} in all`,
        };
      }),
    })),
  };
}
