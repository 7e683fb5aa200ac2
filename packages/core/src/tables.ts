import { z } from 'zod';

/** One agreed table (tables.md), declared in configuration so users can rename, add or drop tables. */
export const TableDef = z.object({
  id: z.string().regex(/^T\d{2}$/, 'a table id is T followed by two digits'),
  title_en: z.string().min(1),
  title_ru: z.string().min(1),
  kind: z.enum(['stock', 'flow']),
  breakdown: z.enum(['PARTNER', 'AGE']),
  /** what the partner is: country of birth, citizenship, previous residence … */
  partner_role: z.enum(['birth', 'citizenship', 'previous_residence', 'next_residence', 'previous_citizenship']).optional(),
  has_migr_type: z.boolean(),
  direction: z.enum(['in', 'out', 'none']).default('none'),
  /** may the reporting country be its own partner (own citizens, native-born)? */
  own_country_allowed: z.boolean().default(true),
});
export type TableDef = z.infer<typeof TableDef>;

export const TableSet = z.object({
  tables: z.array(TableDef).min(1),
  /** groups of tables whose totals are expected to agree (tables.md, across tables) */
  cross_totals: z.array(z.object({ name: z.string(), tables: z.array(z.string()).min(2) })).default([]),
  /** T03 total = T01 total − native-born − UNK */
  foreign_born: z.object({ stock_table: z.string(), by_birth_table: z.string() }).optional(),
  /** mirror pair: immigration by previous residence against emigration by next residence */
  mirror: z.object({ immigration: z.string(), emigration: z.string() }).optional(),
});
export type TableSet = z.infer<typeof TableSet>;

export function tableById(set: TableSet, id: string): TableDef | undefined {
  return set.tables.find((t) => t.id === id);
}
