import type { BreakEntry, CodeLists, HarmonisedData, Observation, QualityReport, ReleaseConfig, Rows, TableSet } from '@mch/core';

/** Everything one release is written from; the CLI assembles it, publish only writes. */
export interface ReleaseModel {
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  /** harmonised observations (reported + derived), metadata, notes, remarks */
  data: HarmonisedData;
  /**
   * The whole source (cell and raw text included) of `data.observations[i]`, made on asking: set
   * where those observations carry their source by origin only (file, hash and sheet, the raw
   * text of a zero), as the chain hands them from its columns to save memory; observations.csv
   * then takes cell and raw text from here. Unset, `data` is whole.
   */
  sourceOf?: (i: number) => Observation['source'];
  /** the full internal model; only its public summary is published */
  quality: QualityReport;
  breaks: BreakEntry[];
  /** every country file used */
  inputs: { path: string; sha256: string; bytes: number }[];
  codeVersion: { packages: Record<string, string>; lockfile_sha256: string };
  /** what the code released since the previous release's code (its packages' changesets), for CHANGES.md */
  codeChanges?: { package: string; version: string; entries: string[] }[];
  environment: { node: string; platform: string };
  /** the previous release's observations, in its order: a list, or columns that rebuild each row as it is read */
  previous?: { version: string; observations: Rows<Observation> };
  /** absolute path of the repository's templates/ folder */
  templatesDir: string;
  /** the release configuration file, recorded in the manifest so `reproduce` can find it */
  configFile?: { path: string; sha256: string };
}

/**
 * One file of a release, by release-relative path. A file of millions of rows (observations.csv,
 * sdmx/mch.csv) comes in pieces made as they are read, once: no one string (2^29 characters) or
 * Buffer could hold it, and a release need not hold it all in memory.
 */
export interface ReleaseFile {
  path: string;
  bytes: Buffer | Iterable<Buffer>;
}

/** What the manifest states of a file once it is written: its size and digest. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Takes each file of a release as soon as it is made (to disk, or to memory in tests), so its bytes can go. */
export type FileSink = (file: ReleaseFile) => Promise<WrittenFile>;

/** A release file made in one piece. */
export interface WholeFile extends ReleaseFile {
  bytes: Buffer;
}

/** What the files of one table are written from besides its published cells: a worker thread is given it once (table-files/). */
export type TableModel = Pick<ReleaseModel, 'config' | 'tableSet' | 'codelists'>;
