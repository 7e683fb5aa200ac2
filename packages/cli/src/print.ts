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
  const flagged = report.mirror.filter((m) => m.flagged).length;
  console.log(`mirror: ${formatCount(report.mirror.length)} comparisons, ${formatCount(flagged)} outside the band`);
  console.log(`gate: ${report.gate.passed ? 'passed' : `closed by ${report.gate.blocking} unwaived error(s)`}`);
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
