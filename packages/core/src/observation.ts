import { z } from 'zod';
import { ConfStatus, DefinitionBasis, MigrType, ObsStatus, Sex } from './codes';

/** Where a value came from: file content hash, file name, sheet and cell (or CSV line), raw text. */
export const Source = z.object({
  file: z.string(),
  sha256: z.string(),
  /** empty for CSV */
  sheet: z.string(),
  /** A1 reference, or the physical CSV line number (header = 1) */
  cell: z.string(),
  raw: z.string(),
});
export type Source = z.infer<typeof Source>;

/** The harmonised observation of definitions.md; ingest emits it with `derived` false. */
export const Observation = z.object({
  ref_area: z.string().length(3),
  table: z.string(),
  time_period: z.number().int(),
  migr_type: z.union([MigrType, z.literal('')]),
  sex: Sex,
  /** '' for partner tables */
  age: z.string(),
  /** '' for age tables */
  partner: z.string(),
  obs_value: z.number().nullable(),
  obs_status: ObsStatus,
  conf_status: ConfStatus,
  definition_basis: z.union([DefinitionBasis, z.literal('')]),
  /** 0 = persons; 3 = reported in thousands */
  unit_mult: z.union([z.literal(0), z.literal(3)]),
  derived: z.boolean(),
  note_refs: z.array(z.string()),
  source: Source.nullable(),
  /** set by harmonise: the date the stock refers to, or the period a flow covers */
  reference_date: z.string().optional(),
  /** set by harmonise: the territory the country's figures cover that year */
  territory: z.string().optional(),
  /**
   * set by ingest for an "of which" row («из них», indented): the partner code of the row it is a
   * part of; the parent's key is this key with that partner. Held in memory for the checks only.
   */
  parent: z.string().optional(),
});
export type Observation = z.infer<typeof Observation>;

export const REJECTION_REASONS = [
  'unparseable-value',
  'negative-value',
  'fraction-in-persons',
  'ambiguous-number',
  'unmapped-label',
  'ambiguous-label',
  'code-label-mismatch',
  'code-not-allowed',
  'formula-without-value',
  'conflicting-value',
  'wrong-field-count',
  'unknown-table',
] as const;
export const RejectionReason = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof RejectionReason>;

/** A value cell (or CSV row) that could not become an observation. */
export const Rejection = z.object({
  ref_area: z.string(),
  table: z.string(),
  source: Source,
  /** the reference year of the refused cell, where the layout tells it */
  time_period: z.number().int().optional(),
  reason: RejectionReason,
  message: z.string(),
  message_ru: z.string(),
  suggestions: z.array(z.string()),
});
export type Rejection = z.infer<typeof Rejection>;

/** What a country's Metadata sheet (or its configuration) says about one table. */
export const TableMetadata = z.object({
  ref_area: z.string(),
  table: z.string(),
  source_kind: z.string().default(''),
  definition_basis: z.union([DefinitionBasis, z.literal('')]).default(''),
  reference_date: z.string().default(''),
  territory: z.string().default(''),
  breaks: z.array(z.object({ year: z.number().int(), text: z.string() })).default([]),
  notes: z.string().default(''),
  /** which file and sheet said so */
  from: z.string().default(''),
});
export type TableMetadata = z.infer<typeof TableMetadata>;

/** A note row found below a table, or a footnote referenced by values. */
export const TableNote = z.object({
  ref_area: z.string(),
  table: z.string(),
  ref: z.string(),
  text: z.string(),
  source: Source,
});
export type TableNote = z.infer<typeof TableNote>;

/** Per-file accounting (submissions.md §3): value_cells = observations + rejections. */
export const FileSummary = z.object({
  file: z.string(),
  sha256: z.string(),
  ref_area: z.string(),
  format: z.enum(['xlsx', 'csv']),
  value_cells: z.number().int(),
  observations: z.number().int(),
  rejections: z.number().int(),
  tables: z.array(z.string()),
  ignored_sheets: z.array(z.string()),
  hidden_sheets: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type FileSummary = z.infer<typeof FileSummary>;

/** A net-migration cell read beside arrivals and departures: not an observation, but checked (MCH-A05). */
export const NetMigrationCell = z.object({
  ref_area: z.string(),
  table: z.string(),
  time_period: z.number().int(),
  sex: Sex,
  partner: z.string(),
  value: z.number(),
  source: Source,
});
export type NetMigrationCell = z.infer<typeof NetMigrationCell>;

/** What ingest hands on: everything read from one country's files. */
export const IngestResult = z.object({
  observations: z.array(Observation),
  rejections: z.array(Rejection),
  files: z.array(FileSummary),
  metadata: z.array(TableMetadata),
  notes: z.array(TableNote),
  net_migration: z.array(NetMigrationCell).default([]),
});
export type IngestResult = z.infer<typeof IngestResult>;
