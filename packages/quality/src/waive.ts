import type { QualityReport } from '@mch/core';
import { MchError } from '@mch/core';
import { findingKey } from './waivers';

const VERSION = /^(\d{4})\.(\d+)$/;

/** A YAML double-quoted scalar: JSON escaping, plus line and direction controls made visible escapes. */
function q(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first release of the year after the report's: a waiver lasts one annual round unless edited. */
function defaultExpiry(version: string): string {
  const m = VERSION.exec(version);
  return m ? `${Number(m[1]) + 1}.1` : version;
}

/**
 * The waiver entry for one finding of a report (`mch waive`), bound to the finding's fingerprint,
 * as YAML ready to paste under `waivers:` in the release configuration.
 */
export function waiverFromFinding(report: QualityReport, findingId: string, reason: string, approvedBy: string, date: string): string {
  const f = report.findings.find((x) => x.id === findingId);
  if (!f) throw new MchError('usage', `finding ${findingId} is not in the report of release ${report.version}`, { where: findingId });
  if (f.rule === 'MCH-W01') throw new MchError('usage', `finding ${findingId} is a warning about the run itself (a waiver or a benchmark series), not about the data, and cannot be waived`, { where: findingId });
  if (!reason.trim() || !approvedBy.trim()) throw new MchError('usage', 'a waiver needs a reason and the name of who approved it');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MchError('usage', `the waiver date ${date} is not a date as YYYY-MM-DD`);
  const lines = [`- rule: ${f.rule}`, `  ref_area: ${f.ref_area}`];
  if (f.table) lines.push(`  table: ${f.table}`);
  if (f.time_period !== null) lines.push(`  time_period: ${f.time_period}`);
  if (f.table && f.time_period !== null) lines.push(`  key: ${q(findingKey(f))}`);
  lines.push(
    `  fingerprint: ${q(f.fingerprint)}`,
    `  justification: ${q(reason)}`,
    `  approved_by: ${q(approvedBy)}`,
    `  date: ${q(date)}`,
    `  expires: ${q(defaultExpiry(report.version))}`,
  );
  return `${lines.join('\n')}\n`;
}
