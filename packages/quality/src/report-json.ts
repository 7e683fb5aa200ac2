import type { Finding, FindingGroup, QualityReport } from '@mch/core';
import { groupFindings } from './groups';

/** The keys of quality.md first, in its order; numbers stay numbers. */
function orderedFinding(f: Finding) {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    ref_area: f.ref_area,
    table: f.table,
    time_period: f.time_period,
    migr_type: f.migr_type,
    sex: f.sex,
    age: f.age,
    partner: f.partner,
    values: f.values,
    sources: f.sources.map((s) => ({ file: s.file, sheet: s.sheet, cell: s.cell })),
    message: f.message,
    message_ru: f.message_ru,
    waived: f.waived,
    waiver: f.waiver && { justification: f.waiver.justification, approved_by: f.waiver.approved_by, date: f.waiver.date, expires: f.waiver.expires },
    fingerprint: f.fingerprint,
  };
}

/** An array written element by element, each mapped only when it is written. */
class Listed<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}
const listed = <T>(items: readonly T[] | undefined, map: (item: T) => unknown) => new Listed(items ?? [], map as (item: unknown) => unknown);

/** The top-level keys in their order (quality.md's first, `groups` last: added, so no reader's position moves). */
function entries(report: QualityReport, groups: readonly FindingGroup[]): [string, unknown][] {
  return [
    ['version', report.version],
    ['release_date', report.release_date],
    ['rules', listed(report.rules, (r) => ({ id: r.id, severity: r.severity, checked: r.checked, failed: r.failed, skipped: r.skipped, waived: r.waived }))],
    ['findings', listed(report.findings, orderedFinding)],
    [
      'mirror',
      listed(report.mirror, (m) => ({
        time_period: m.time_period,
        receiving: m.receiving,
        sending: m.sending,
        sex: m.sex,
        immigration: m.immigration,
        emigration: m.emigration,
        migr_type_in: m.migr_type_in,
        migr_type_out: m.migr_type_out,
        basis_in: m.basis_in,
        basis_out: m.basis_out,
        territory_in: m.territory_in,
        territory_out: m.territory_out,
        ratio: m.ratio,
        asymmetry: m.asymmetry,
        flagged: m.flagged,
        sources: m.sources.map((s) => ({ file: s.file, sheet: s.sheet, cell: s.cell })),
      })),
    ],
    [
      'emigration_estimates',
      listed(report.emigration_estimates, (e) => ({
        sending: e.sending,
        time_period: e.time_period,
        partners: e.partners,
        partner_reported_immigration: e.partner_reported_immigration,
        own_emigration_to_same_partners: e.own_emigration_to_same_partners,
        own_total_emigration: e.own_total_emigration,
        coverage_share: e.coverage_share,
      })),
    ],
    [
      'completeness',
      listed(report.completeness, (c) => ({
        ref_area: c.ref_area,
        table: c.table,
        time_period: c.time_period,
        expected: c.expected,
        observations: c.observations,
        missing_values: c.missing_values,
        rejected: c.rejected,
        present: c.present ?? c.observations - c.missing_values,
      })),
    ],
    ['gate', { passed: report.gate.passed, blocking: report.gate.blocking }],
    [
      'series',
      listed(report.series, (s) => ({
        finding: s.finding,
        ref_area: s.ref_area,
        table: s.table,
        migr_type: s.migr_type,
        sex: s.sex,
        age: s.age,
        partner: s.partner,
        points: s.points.map((p) => ({ time_period: p.time_period, value: p.value })),
        flagged_years: s.flagged_years,
      })),
    ],
    [
      'submissions',
      listed(report.submissions, (f) => ({
        ref_area: f.ref_area,
        file: f.file,
        format: f.format,
        received: f.received,
        supersedes: f.supersedes,
        value_cells: f.value_cells,
        observations: f.observations,
        rejections: f.rejections,
        tables: f.tables,
        hidden_sheets: f.hidden_sheets,
        ignored_sheets: f.ignored_sheets,
        warnings: f.warnings,
      })),
    ],
    ['run_warnings', listed(report.run_warnings, (w) => ({ finding: w.finding, kind: w.kind, ref_area: w.ref_area, message: w.message, message_ru: w.message_ru }))],
    [
      'changes',
      report.changes
        ? {
            previous_version: report.changes.previous_version,
            new: report.changes.new,
            still_open: report.changes.still_open,
            resolved: report.changes.resolved.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, ref_area: f.ref_area, table: f.table, time_period: f.time_period, message: f.message, message_ru: f.message_ru })),
          }
        : null,
    ],
    ['mirror_band', report.mirror_band ?? null],
    ['groups', listed(groups, (g) => g)],
  ];
}

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep: the bytes of one whole stringify. */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * report.json as pieces, in order: stable key order, 2-space indentation, trailing newline — the
 * bytes JSON.stringify(report, null, 2) gives, without ever holding that one string.
 */
export function* reportJsonChunks(report: QualityReport, groups: readonly FindingGroup[] = groupFindings(report.findings)): Generator<string> {
  const list = entries(report, groups);
  yield '{\n';
  for (let k = 0; k < list.length; k++) {
    const [key, value] = list[k]!;
    const end = k < list.length - 1 ? ',\n' : '\n';
    if (!(value instanceof Listed)) {
      yield `  ${JSON.stringify(key)}: ${nested(value, 1)}${end}`;
      continue;
    }
    if (value.items.length === 0) {
      yield `  ${JSON.stringify(key)}: []${end}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (let i = 0; i < value.items.length; i++) yield `    ${nested(value.map(value.items[i]), 2)}${i < value.items.length - 1 ? ',\n' : '\n'}`;
    yield `  ]${end}`;
  }
  yield '}\n';
}

/** report.json whole, for tests and small reports; the writer streams reportJsonChunks. */
export function reportJson(report: QualityReport): string {
  let out = '';
  for (const chunk of reportJsonChunks(report)) out += chunk;
  return out;
}
