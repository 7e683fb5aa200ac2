import type { BreakEntry, CodeLists, IngestResult, ReleaseConfig, SubmittedFile, TableSet } from '@mch/core';

/** One file a country sent, as configured, with what ingest read from it. */
export interface IngestedFile {
  file: SubmittedFile;
  result: IngestResult;
}

export interface HarmoniseInput {
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  breaks: readonly BreakEntry[];
  /** per reporting country, its files in the configured order */
  countries: readonly { ref_area: string; files: readonly IngestedFile[] }[];
}

export interface Remark {
  ref_area: string;
  table: string;
  text_en: string;
  text_ru: string;
}
