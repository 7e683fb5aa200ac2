import { type EmigrationEstimate, type MirrorRow, type Observation, type QualityReport, type TableSet, cmp, observationKey } from '@mch/core';

/** A mirror cell as published: no sources, and no figure that rests on a value not free for publication. */
export interface PublicMirrorRow extends Omit<MirrorRow, 'sources'> {}

export interface PublicEmigrationEstimate extends Omit<EmigrationEstimate, 'partner_reported_immigration'> {
  partner_reported_immigration: number | null;
}

/** quality/report.json of a release (quality.md "Public"): counts and analytical tables, no findings, waivers or queries. */
export interface PublicQualitySummary {
  version: string;
  release_date: string;
  gate: { passed: boolean };
  rules: QualityReport['rules'];
  completeness: QualityReport['completeness'];
  mirror: PublicMirrorRow[];
  emigration_estimates: PublicEmigrationEstimate[];
}

/**
 * Mirror values come from the internal model, which sees confidential values: each figure is kept
 * only when the observation it comes from is published free; ratios fall with their figures.
 */
export function publicQualitySummary(report: QualityReport, all: readonly Observation[], tableSet: TableSet): PublicQualitySummary {
  const notFree = new Set(all.filter((o) => o.conf_status !== 'F').map(observationKey));
  const tables = tableSet.mirror ?? { immigration: 'T04', emigration: 'T08' };
  return {
    version: report.version,
    release_date: report.release_date,
    gate: { passed: report.gate.passed },
    rules: [...report.rules].sort((a, b) => cmp(a.id, b.id)),
    completeness: [...report.completeness].sort(
      (a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table) || a.time_period - b.time_period,
    ),
    mirror: report.mirror.map((m) => publicMirror(m, notFree, tables)).sort(compareMirror),
    emigration_estimates: report.emigration_estimates
      .map((e) => publicEstimate(e, all, tables))
      .sort((a, b) => cmp(a.sending, b.sending) || a.time_period - b.time_period),
  };
}

function publicMirror(m: MirrorRow, notFree: ReadonlySet<string>, tables: { immigration: string; emigration: string }): PublicMirrorRow {
  const { sources: _sources, ...rest } = m;
  const inKey = observationKey({ ref_area: m.receiving, table: tables.immigration, time_period: m.time_period, migr_type: m.migr_type_in as Observation['migr_type'], sex: m.sex as Observation['sex'], age: '', partner: m.sending });
  const outKey = observationKey({ ref_area: m.sending, table: tables.emigration, time_period: m.time_period, migr_type: m.migr_type_out as Observation['migr_type'], sex: m.sex as Observation['sex'], age: '', partner: m.receiving });
  const immigration = notFree.has(inKey) ? null : m.immigration;
  const emigration = notFree.has(outKey) ? null : m.emigration;
  const complete = immigration !== null && emigration !== null;
  return {
    ...rest,
    immigration,
    emigration,
    ratio: complete ? m.ratio : null,
    asymmetry: complete ? m.asymmetry : null,
    flagged: complete ? m.flagged : false,
  };
}

function compareMirror(a: PublicMirrorRow, b: PublicMirrorRow): number {
  return a.time_period - b.time_period || cmp(a.receiving, b.receiving) || cmp(a.sending, b.sending) || cmp(a.sex, b.sex);
}

/** Any non-free cell among the figures a sum is made of withholds the sum (conservative: every type and sex). */
function publicEstimate(e: EmigrationEstimate, all: readonly Observation[], tables: { immigration: string; emigration: string }): PublicEmigrationEstimate {
  const year = all.filter((o) => o.time_period === e.time_period && o.conf_status !== 'F');
  const partners = new Set(e.partners);
  const partnerSide = year.some((o) => o.table === tables.immigration && partners.has(o.ref_area) && o.partner === e.sending);
  const ownSide = year.some((o) => o.table === tables.emigration && o.ref_area === e.sending && partners.has(o.partner));
  const ownTotal = year.some((o) => o.table === tables.emigration && o.ref_area === e.sending && o.partner === '_T');
  return {
    ...e,
    partners: [...e.partners].sort(cmp),
    partner_reported_immigration: partnerSide ? null : e.partner_reported_immigration,
    own_emigration_to_same_partners: ownSide ? null : e.own_emigration_to_same_partners,
    own_total_emigration: ownTotal ? null : e.own_total_emigration,
    coverage_share: ownSide || ownTotal ? null : e.coverage_share,
  };
}
