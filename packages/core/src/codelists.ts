import { z } from 'zod';

/**
 * Code lists that users may extend live in configuration (pipelines/<pipeline>/codelists.yaml);
 * this schema is their contract.
 */
export const AgeCode = z.object({
  code: z.string().min(1),
  label_en: z.string(),
  label_ru: z.string(),
  /** Inclusive lower bound in years; undefined for `_T` and `_U`. */
  from: z.number().int().min(0).optional(),
  /** Inclusive upper bound in years; undefined for open groups. */
  to: z.number().int().min(0).optional(),
});
export type AgeCode = z.infer<typeof AgeCode>;

export const SpecialPartner = z.object({
  code: z.string().min(1),
  label_en: z.string(),
  label_ru: z.string(),
  /** aggregate codes are excluded from the partner sum; `derived` aggregates are computed by harmonise. */
  kind: z.enum(['country', 'former', 'residual', 'aggregate', 'derived', 'total']),
  /** table ids where the code may appear; omitted means every partner table. */
  allowed_in: z.array(z.string()).optional(),
  members: z.array(z.string()).optional(),
  aliases: z.array(z.string()).default([]),
  /** what the row holds, for the notes of every table that shows it (aggregates, residuals) */
  note_en: z.string().optional(),
  note_ru: z.string().optional(),
});
export type SpecialPartner = z.infer<typeof SpecialPartner>;

export const CodeLists = z.object({
  sex: z.array(z.object({ code: z.string(), label_en: z.string(), label_ru: z.string(), aliases: z.array(z.string()).default([]) })),
  migr_type: z.array(
    z.object({ code: z.string(), label_en: z.string(), label_ru: z.string(), aliases: z.array(z.string()).default([]) }),
  ),
  /** in code-list order: the order of rows in every output */
  age: z.array(AgeCode),
  /** partitions of the total that are each checked on their own */
  age_partitions: z.record(z.string(), z.array(z.string())),
  special_partners: z.array(SpecialPartner),
  /** the partner rows of the questionnaire, in order (tables.md "The standard partner rows") */
  standard_partner_rows: z.array(z.string()),
  /** country-name aliases that no maintained library has: label → ISO alpha-3 */
  country_aliases: z.record(z.string(), z.string()),
  /** names used in outputs where the library's differ (the official UN names of tables.md) */
  official_names: z.record(z.string(), z.object({ en: z.string(), ru: z.string() })).default({}),
  /** labels that must be refused as ambiguous, with the candidate codes */
  ambiguous_labels: z.record(z.string(), z.array(z.string())).default({}),
});
export type CodeLists = z.infer<typeof CodeLists>;
