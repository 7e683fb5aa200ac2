import {
  type BreakEntry,
  type CodeLists,
  type Conflict,
  type CountrySettings,
  type HarmonisedData,
  MchError,
  ObservationStore,
  type ReleaseConfig,
  type Resubmission,
  type SubmittedFile,
  type TableSet,
  isMchError,
} from '@mch/core';
import { type IngestedFile, harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';

/** What every country's work reads besides its own files: plain data, so a worker thread can be given it. */
export interface ChainContext {
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  breaks: BreakEntry[];
}

/** One file of a country, read. */
export interface CountryFile {
  file: SubmittedFile;
  path: string;
  bytes: Uint8Array;
}

/** What became of one file: counts for the progress line, or why it could not be read. */
export type FileOutcome =
  | { path: string; observations: number; rejections: number; value_cells?: number; warnings: string[] }
  | { path: string; error: { message: string; where: string; details: readonly string[] } };

/**
 * One country ingested and harmonised on its own: its observations kept as columns, the rest of
 * what harmonise hands on as it is. What the cache keeps and a worker thread sends back.
 */
export interface CountryPart {
  ref_area: string;
  outcomes: FileOutcome[];
  observations: ObservationStore;
  analytical: ObservationStore;
  conflicts: Conflict[];
  resubmissions: Resubmission[];
  rest: Pick<HarmonisedData, 'rejections' | 'metadata' | 'notes' | 'files' | 'net_migration' | 'remarks'>;
}

/**
 * Ingests a country's files in the configured order and harmonises them: every step of harmonise
 * works within one reporting country (resubmissions, basis, dates, breaks, aggregates), so a
 * country harmonised alone gives the rows it gives among all (pipeline/country.test.ts holds it).
 * A file that cannot be read is an outcome, not an exception; the chain decides what follows.
 */
export async function computeCountry(ctx: ChainContext, ref_area: string, settings: CountrySettings, files: readonly CountryFile[]): Promise<CountryPart> {
  const ingested: IngestedFile[] = [];
  const outcomes: FileOutcome[] = [];
  for (const f of files) {
    try {
      const result = await ingestFile({ path: f.path, bytes: f.bytes }, { ref_area, tableSet: ctx.tableSet, codelists: ctx.codelists, settings });
      ingested.push({ file: f.file, result });
      const s = result.files[0];
      outcomes.push({ path: f.path, observations: result.observations.length, rejections: result.rejections.length, value_cells: s?.value_cells, warnings: s?.warnings ?? [] });
    } catch (e) {
      if (!isMchError(e) || e.code !== 'file-unreadable') throw e;
      outcomes.push({ path: f.path, error: { message: e.message, where: e.where, details: e.details } });
    }
  }
  const data = harmonise({ config: ctx.config, tableSet: ctx.tableSet, codelists: ctx.codelists, breaks: ctx.breaks, countries: [{ ref_area, files: ingested }] });
  const foreign = data.observations.find((o) => o.ref_area !== ref_area);
  // merging countries by concatenation needs every row under its own country
  if (foreign) throw new Error(`harmonise gave a row of ${foreign.ref_area} among the rows of ${ref_area}`);
  return {
    ref_area,
    outcomes,
    observations: new ObservationStore().appendAll(data.observations).trim(),
    analytical: new ObservationStore().appendAll(data.analytical ?? []).trim(),
    conflicts: data.conflicts,
    resubmissions: data.resubmissions,
    rest: { rejections: data.rejections, metadata: data.metadata, notes: data.notes, files: data.files, net_migration: data.net_migration, remarks: data.remarks },
  };
}

/** The error a file outcome records, as the MchError ingest threw. */
export function outcomeError(o: FileOutcome): MchError | undefined {
  return 'error' in o ? new MchError('file-unreadable', o.error.message, { where: o.error.where, details: o.error.details }) : undefined;
}

/** One country's part as harmonised data: its observations rebuilt from the columns. */
export function partData(p: CountryPart): HarmonisedData {
  return mergeParts([p]);
}

/**
 * The countries' parts as one release's harmonised data, in the order given (sorted by country):
 * each part is sorted by key with the country first, so their concatenation is sorted too.
 * `provenance` 'origin' gives each value's source without its cell (ObservationStore.get).
 */
export function mergeParts(parts: readonly CountryPart[], provenance: 'whole' | 'origin' = 'whole'): HarmonisedData {
  const data: HarmonisedData = { observations: [], rejections: [], conflicts: [], resubmissions: [], metadata: [], notes: [], files: [], net_migration: [], remarks: [], analytical: [] };
  for (const p of parts) {
    for (let i = 0; i < p.observations.length; i++) data.observations.push(p.observations.get(i, provenance));
    for (let i = 0; i < p.analytical.length; i++) data.analytical!.push(p.analytical.get(i, provenance));
    for (const c of p.conflicts) data.conflicts.push(c);
    for (const r of p.resubmissions) data.resubmissions.push(r);
    for (const key of ['rejections', 'metadata', 'notes', 'files', 'net_migration', 'remarks'] as const) for (const x of p.rest[key]) (data[key] as unknown[]).push(x);
  }
  return data;
}
