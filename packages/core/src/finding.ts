import { z } from 'zod';
import { Severity } from './codes';

export const RULE_IDS = [
  'MCH-I01',
  'MCH-S01',
  'MCH-S02',
  'MCH-S03',
  'MCH-A01',
  'MCH-A02',
  'MCH-A03',
  'MCH-A04',
  'MCH-A05',
  'MCH-C01',
  'MCH-C02',
  'MCH-T01',
  'MCH-T02',
  'MCH-T03',
  'MCH-G01',
  'MCH-M01',
  'MCH-B01',
  'MCH-R01',
  'MCH-W01',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

export const FindingSource = z.object({ file: z.string(), sheet: z.string(), cell: z.string() });
export type FindingSource = z.infer<typeof FindingSource>;

export const AppliedWaiver = z.object({
  justification: z.string(),
  approved_by: z.string(),
  date: z.string(),
  expires: z.string(),
});

/** One thing a quality rule found: a typed record with a stable rule id, never an exception. */
export const Finding = z.object({
  /** stable across runs: rule + key + fingerprint of the values */
  id: z.string(),
  rule: RuleId,
  severity: Severity,
  ref_area: z.string(),
  table: z.string(),
  time_period: z.number().int().nullable(),
  migr_type: z.string(),
  sex: z.string(),
  age: z.string(),
  partner: z.string(),
  /** the figures involved, by name ("total", "M", "F", "difference" …) */
  values: z.record(z.string(), z.number().nullable()),
  sources: z.array(FindingSource),
  message: z.string(),
  message_ru: z.string(),
  /** sha256 of the values the finding saw; waivers bind to it */
  fingerprint: z.string(),
  waived: z.boolean(),
  waiver: AppliedWaiver.nullable(),
});
export type Finding = z.infer<typeof Finding>;

/** How a rule fared: "0 failures" is never confused with "nothing checked". */
export const RuleSummary = z.object({
  id: RuleId,
  severity: Severity,
  checked: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  waived: z.number().int(),
});
export type RuleSummary = z.infer<typeof RuleSummary>;
