import type { QualityReport } from '@mch/core';
import { formatCount } from './pipeline/progress';

/** Rule counts as a small table: "0 failures" is never confused with "nothing checked". */
export function printFindingSummary(report: QualityReport): void {
  console.log('rule      severity  checked  failed  skipped  waived');
  for (const r of report.rules) {
    console.log(
      `${r.id.padEnd(9)} ${r.severity.padEnd(8)} ${formatCount(r.checked).padStart(8)} ${formatCount(r.failed).padStart(7)} ${formatCount(r.skipped).padStart(8)} ${formatCount(r.waived).padStart(7)}`,
    );
  }
  // counted as MCH-M01 and every report count them: one comparison per pair, year and type of migration (men and women judged with their total), not a row per sex
  const m01 = report.rules.find((r) => r.id === 'MCH-M01');
  if (m01) console.log(`mirror: ${formatCount(m01.checked)} ${m01.checked === 1 ? 'comparison' : 'comparisons'} of a pair of countries in a year, ${formatCount(m01.failed)} outside the band`);
  console.log(`gate: ${report.gate.passed ? 'passed' : `closed by ${report.gate.blocking} unwaived error(s)`}`);
}

/** At most this many warnings are printed one by one; the report holds them all. */
const SHOWN_WARNINGS = 20;

/**
 * Warnings about the run itself, not the data (MCH-W01: an expired waiver, one that matches
 * nothing, a Metadata sheet that disagrees with the configuration …) and ingest's about whole
 * files: counted by kind, then each with its place, on stdout where the summary is.
 */
export function printRunWarnings(report: QualityReport, fileWarnings: readonly string[]): void {
  const run = report.run_warnings ?? report.findings.filter((f) => f.rule === 'MCH-W01').map((f) => ({ kind: '', ref_area: f.ref_area, message: f.message }));
  const kinds = new Map<string, number>();
  for (const w of run) if (w.kind) kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
  const byKind = kinds.size ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : '';
  console.log(`warnings about the run (MCH-W01): ${run.length ? `${run.length}${byKind}` : 'none'}`);
  for (const w of run.slice(0, SHOWN_WARNINGS)) console.log(`  warning ${w.ref_area ? `${w.ref_area} ` : ''}${w.message}`);
  if (run.length > SHOWN_WARNINGS) console.log(`  … and ${run.length - SHOWN_WARNINGS} more in report.json`);
  if (!fileWarnings.length) return;
  console.log(`warnings about the files: ${fileWarnings.length}`);
  for (const w of fileWarnings.slice(0, SHOWN_WARNINGS)) console.log(`  warning ${w}`);
  if (fileWarnings.length > SHOWN_WARNINGS) console.log(`  … and ${fileWarnings.length - SHOWN_WARNINGS} more`);
}

/** The unwaived errors that close the gate, each with its place. */
export function printBlocking(report: QualityReport, limit = 20): void {
  const blocking = report.findings.filter((f) => f.severity === 'error' && !f.waived);
  for (const f of blocking.slice(0, limit)) {
    const at = f.sources.map((s) => `${s.file}${s.sheet ? `!${s.sheet}` : ''}:${s.cell}`).join(', ');
    console.error(`  ${f.rule} ${f.message}${at ? ` [${at}]` : ''}  (finding ${f.id})`);
  }
  if (blocking.length > limit) console.error(`  … and ${blocking.length - limit} more in the report`);
}
