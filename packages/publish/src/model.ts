import type { BreakEntry, CodeLists, HarmonisedData, Observation, QualityReport, ReleaseConfig, TableSet } from '@mch/core';

/** Everything one release is written from; the CLI assembles it, publish only writes. */
export interface ReleaseModel {
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  /** harmonised observations (reported + derived), metadata, notes, remarks */
  data: HarmonisedData;
  /** the full internal model; only its public summary is published */
  quality: QualityReport;
  breaks: BreakEntry[];
  /** every country file used */
  inputs: { path: string; sha256: string; bytes: number }[];
  codeVersion: { packages: Record<string, string>; lockfile_sha256: string };
  environment: { node: string; platform: string };
  previous?: { version: string; observations: Observation[] };
  /** absolute path of the repository's templates/ folder */
  templatesDir: string;
  /** the release configuration file, recorded in the manifest so `reproduce` can find it */
  configFile?: { path: string; sha256: string };
}

/**
 * One file of a release, by release-relative path. A file of millions of rows (observations.csv,
 * sdmx/mch.csv) comes in pieces, since no one string (2^29 characters) or Buffer could hold it.
 */
export interface ReleaseFile {
  path: string;
  bytes: Buffer | readonly Buffer[];
}

/** A release file made in one piece. */
export interface WholeFile extends ReleaseFile {
  bytes: Buffer;
}
