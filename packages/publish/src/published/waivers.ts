import { type Finding, type RuleId, cmp } from '@mch/core';
import type { ReleaseModel } from '../model';

/** A waiver the release was published under, as the notes and the manifest both state it. */
export interface PublishedWaiver {
  rule: RuleId;
  ref_area: string;
  table: string;
  years: number[];
  /** the findings it accepted */
  count: number;
  justification: string;
  /** when it was approved, and the release from which it no longer holds */
  date: string;
  expires: string;
}

/**
 * The waivers of the release's own findings (on its reference years: a finding on a year outside
 * them is no finding on what the release publishes), one per rule, country, table and
 * justification. The approver is left out, as in the public quality summary.
 */
export function publishedWaivers(model: Pick<ReleaseModel, 'quality' | 'config'>): PublishedWaiver[] {
  const years = new Set(model.config.reference_years);
  return waiversOf(model.quality.findings.filter((f) => f.time_period === null || f.time_period === undefined || years.has(f.time_period)));
}

/** The waived findings by waiver (rule, country, table and justification), with the years and the count of findings each accepted. */
export function waiversOf(findings: readonly Finding[]): PublishedWaiver[] {
  const by = new Map<string, Omit<PublishedWaiver, 'years'> & { years: Set<number> }>();
  for (const f of findings) {
    if (!f.waived || !f.waiver) continue;
    const key = [f.rule, f.ref_area, f.table, f.waiver.justification].join('|');
    let w = by.get(key);
    if (!w) {
      w = { rule: f.rule, ref_area: f.ref_area, table: f.table, years: new Set(), count: 0, justification: f.waiver.justification, date: f.waiver.date, expires: f.waiver.expires };
      by.set(key, w);
    }
    w.count++;
    if (f.time_period !== null && f.time_period !== undefined) w.years.add(f.time_period);
  }
  return [...by.values()]
    .sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.rule, b.rule) || cmp(a.table, b.table))
    .map((w) => ({ ...w, years: [...w.years].sort((a, b) => a - b) }));
}
