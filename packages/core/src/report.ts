import { z } from 'zod';
import { Finding, RuleSummary } from './finding';

/** One cell of the mirror comparison: A's immigration from B against B's emigration to A. */
export const MirrorRow = z.object({
  time_period: z.number().int(),
  /** A: the receiving country, reporting immigration from B (its T04) */
  receiving: z.string(),
  /** B: the sending country, reporting emigration to A (its T08) */
  sending: z.string(),
  sex: z.string(),
  immigration: z.number().nullable(),
  emigration: z.number().nullable(),
  migr_type_in: z.string(),
  migr_type_out: z.string(),
  basis_in: z.string(),
  basis_out: z.string(),
  territory_in: z.string(),
  territory_out: z.string(),
  /** I / E */
  ratio: z.number().nullable(),
  /** (I − E) / (I + E) */
  asymmetry: z.number().nullable(),
  /** ratio outside the band for flows of at least the minimum size */
  flagged: z.boolean(),
  sources: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string() })),
});
export type MirrorRow = z.infer<typeof MirrorRow>;

/** The emigration of B as its partners see it, beside B's own figures. */
export const EmigrationEstimate = z.object({
  sending: z.string(),
  time_period: z.number().int(),
  /** the partners whose immigration from B is known */
  partners: z.array(z.string()),
  partner_reported_immigration: z.number(),
  own_emigration_to_same_partners: z.number().nullable(),
  own_total_emigration: z.number().nullable(),
  /** share of B's total emigration that goes to those partners, by B's own figures */
  coverage_share: z.number().nullable(),
});
export type EmigrationEstimate = z.infer<typeof EmigrationEstimate>;

/** Completeness: country × table × year, observations received against expected. */
export const CompletenessCell = z.object({
  ref_area: z.string(),
  table: z.string(),
  time_period: z.number().int(),
  expected: z.boolean(),
  observations: z.number().int(),
  missing_values: z.number().int(),
  rejected: z.number().int(),
});
export type CompletenessCell = z.infer<typeof CompletenessCell>;

/** One series a finding flags (MCH-T01), year by year, for the report's time-series charts. */
export const FlaggedSeries = z.object({
  /** the finding it illustrates */
  finding: z.string(),
  ref_area: z.string(),
  table: z.string(),
  migr_type: z.string(),
  sex: z.string(),
  age: z.string(),
  partner: z.string(),
  points: z.array(z.object({ time_period: z.number().int(), value: z.number() })),
  /** the years the finding is about */
  flagged_years: z.array(z.number().int()),
});
export type FlaggedSeries = z.infer<typeof FlaggedSeries>;

/** The one result model every quality report form is written from (quality.md "Reports"). */
export const QualityReport = z.object({
  version: z.string(),
  release_date: z.string(),
  rules: z.array(RuleSummary),
  findings: z.array(Finding),
  mirror: z.array(MirrorRow),
  emigration_estimates: z.array(EmigrationEstimate),
  completeness: z.array(CompletenessCell),
  gate: z.object({ passed: z.boolean(), blocking: z.number().int() }),
  /** the series behind the time-series findings, for charts; absent in reports written before it existed */
  series: z.array(FlaggedSeries).optional(),
});
export type QualityReport = z.infer<typeof QualityReport>;
