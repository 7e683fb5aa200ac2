import { type EmigrationEstimate, type MirrorBand, type MirrorRow, type Observation, type QualityReport, type RuleId, type Severity, type TableSet, cmp, groupBy, observationKey } from '@mch/core';

/** A mirror cell as published: no sources, and no figure that rests on a value not free for publication. */
export interface PublicMirrorRow extends Omit<MirrorRow, 'sources'> {}

export interface PublicEmigrationEstimate extends Omit<EmigrationEstimate, 'partner_reported_immigration'> {
  partner_reported_immigration: number | null;
}

/** What a country sent and how its figures fared, in counts: the public scorecard (no queries, messages or approvers). */
export interface PublicScorecard {
  ref_area: string;
  /** file names as sent (no folders), with the date received and the cells read */
  files: { file: string; received: string; value_cells: number; observations: number; rejections: number }[];
  tables: string[];
  cells_received: number;
  cells_present: number;
  /** findings per rule, waived ones among them */
  rules: { id: RuleId; severity: Severity; findings: number; waived: number }[];
  errors: number;
  warnings: number;
  info: number;
  waived: number;
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
  /** the band and minimum flow the mirror flags rest on (absent in summaries written before it was recorded) */
  mirror_band?: MirrorBand;
  /** one scorecard per reporting country, in code order (absent in older summaries) */
  countries?: PublicScorecard[];
}

/**
 * Mirror values come from the internal model, which sees confidential values: each figure is kept
 * only when the observation it comes from is published free; ratios fall with their figures.
 */
export function publicQualitySummary(report: QualityReport, all: readonly Observation[], tableSet: TableSet): PublicQualitySummary {
  const withheld = all.filter((o) => o.conf_status !== 'F');
  const notFree = new Set(withheld.map(observationKey));
  // once, not per estimate: the withheld cells are few, the observations many
  const withheldByYear = groupBy(withheld, (o) => String(o.time_period));
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
      .map((e) => publicEstimate(e, withheldByYear.get(String(e.time_period)) ?? [], tables))
      .sort((a, b) => cmp(a.sending, b.sending) || a.time_period - b.time_period),
    mirror_band: report.mirror_band ?? { band_low: 0.5, band_high: 2, min_size: 50 },
    countries: scorecards(report),
  };
}

/** Counts per country from the internal report; a warning about the run (no country) belongs to none. */
function scorecards(report: QualityReport): PublicScorecard[] {
  const countries = [...new Set(report.completeness.map((c) => c.ref_area))].filter(Boolean).sort(cmp);
  return countries.map((r) => {
    const own = report.findings.filter((f) => f.ref_area === r && f.rule !== 'MCH-W01');
    const cells = report.completeness.filter((c) => c.ref_area === r);
    const unwaived = (s: Severity) => own.filter((f) => f.severity === s && !f.waived).length;
    const rules = [...new Set(own.map((f) => f.rule))].sort(cmp).map((id) => {
      const of = own.filter((f) => f.rule === id);
      return { id, severity: of[0]!.severity, findings: of.length, waived: of.filter((f) => f.waived).length };
    });
    return {
      ref_area: r,
      files: (report.submissions ?? [])
        .filter((s) => s.ref_area === r)
        .map((s) => ({ file: s.file.split(/[\\/]/).pop() ?? s.file, received: s.received, value_cells: s.value_cells, observations: s.observations, rejections: s.rejections })),
      tables: [...new Set(cells.filter((c) => c.observations > 0).map((c) => c.table))].sort(cmp),
      cells_received: cells.reduce((n, c) => n + c.observations + c.rejected, 0),
      cells_present: cells.reduce((n, c) => n + (c.present ?? c.observations - c.missing_values), 0),
      rules,
      errors: unwaived('error'),
      warnings: unwaived('warning'),
      info: unwaived('info'),
      waived: own.filter((f) => f.waived).length,
    };
  });
}

/** The keys of the two observations a mirror row compares: the receiving country's immigration and the sending country's emigration. */
export function mirrorObservationKeys(m: Omit<MirrorRow, 'sources'>, tables: { immigration: string; emigration: string }): { inKey: string; outKey: string } {
  const sex = m.sex as Observation['sex'];
  return {
    inKey: observationKey({ ref_area: m.receiving, table: tables.immigration, time_period: m.time_period, migr_type: m.migr_type_in as Observation['migr_type'], sex, age: '', partner: m.sending }),
    outKey: observationKey({ ref_area: m.sending, table: tables.emigration, time_period: m.time_period, migr_type: m.migr_type_out as Observation['migr_type'], sex, age: '', partner: m.receiving }),
  };
}

function publicMirror(m: MirrorRow, notFree: ReadonlySet<string>, tables: { immigration: string; emigration: string }): PublicMirrorRow {
  const { sources: _sources, ...rest } = m;
  const { inKey, outKey } = mirrorObservationKeys(m, tables);
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

/** Any non-free cell (`year`: those of the estimate's year) among the figures a sum is made of withholds the sum (conservative: every type and sex). */
function publicEstimate(e: EmigrationEstimate, year: readonly Observation[], tables: { immigration: string; emigration: string }): PublicEmigrationEstimate {
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
