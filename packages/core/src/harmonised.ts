import { z } from 'zod';
import { FileSummary, NetMigrationCell, Observation, Rejection, TableMetadata, TableNote } from './observation';

/** Two files of one country, neither superseding the other, that disagree on a key (MCH-S02). */
export const Conflict = z.object({
  key: z.string(),
  observations: z.array(Observation).min(2),
});
export type Conflict = z.infer<typeof Conflict>;

/** A value replaced inside one release by a superseding resubmission. */
export const Resubmission = z.object({
  key: z.string(),
  replaced: Observation,
  by: Observation,
});
export type Resubmission = z.infer<typeof Resubmission>;

/** What harmonise hands to quality and publish: one release's data, harmonised and sorted by key. */
export const HarmonisedData = z.object({
  /** reported and derived observations (derived = true), sorted by key */
  observations: z.array(Observation),
  rejections: z.array(Rejection),
  conflicts: z.array(Conflict),
  resubmissions: z.array(Resubmission),
  metadata: z.array(TableMetadata),
  notes: z.array(TableNote),
  files: z.array(FileSummary),
  net_migration: z.array(NetMigrationCell),
  /** derived analytical series (IMEM 12-month flows, marked E): shown in the notes' annex, never published as tables */
  analytical: z.array(Observation).optional(),
  /** harmonisation remarks shown in the notes (basis disagreements, 31 December stocks moved …) */
  remarks: z.array(z.object({ ref_area: z.string(), table: z.string(), text_en: z.string(), text_ru: z.string() })),
});
export type HarmonisedData = z.infer<typeof HarmonisedData>;
