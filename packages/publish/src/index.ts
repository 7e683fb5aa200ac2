// The publish stage: writes an immutable, versioned release from core types. Types first.
export type { ReleaseFile, ReleaseModel } from './model';
export type { Change, ChangeCount, ChangeKind, ReleaseChanges } from './changes';
export type { PublicQualitySummary } from './quality-summary';
export type { SymbolEntry } from './symbols';
export type { VerifyResult } from './verify';
export type { CellDifference } from './reproduce/content';
export type { ReleaseComparison } from './reproduce/compare';
export type { ReleaseRecord } from './reproduce/manifest';
export type { PxProblem, PxReadResult, PxTable } from './px/index';

export { isEmptyFolder, writeRelease } from './release';
export { readObservationsCsv, readObservationsCsvInTurns } from './observations-csv';
export { MANIFEST_DIGEST, manifestDigest, verifyRelease } from './verify';
export { DIFF_COLUMNS, diffCsv, diffObservations, releaseChanges, summariseChanges } from './changes';
export { SYMBOLS } from './symbols';
export { compareReleases } from './reproduce/compare';
export { readReleaseRecord, sameCodeVersion } from './reproduce/manifest';
export { comparePxWithObservations, pxCells, pxKeywordText, readPx } from './px/index';
export { workerEntry } from './threads/entry';
