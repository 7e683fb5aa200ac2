import { readFileSync, statSync } from 'node:fs';
import { MchError, isMchError } from '@mch/core';
import { refuseIrregular } from './regular-file';

/** The most Node.js reads into one Buffer (2 GiB). */
export const RELEASE_CSV_LIMIT = 2 ** 31 - 1;

/**
 * Refuses, with exit 2 and before any work, a release's observations.csv larger than one read
 * may be: mch holds a compared release's observations whole (tier L's file is 4.3 GB), and Node
 * would otherwise stop with an internal error.
 */
export function assertReleaseCsvReadable(csv: string, shown: string, limit = RELEASE_CSV_LIMIT): void {
  const size = refuseIrregular(csv, shown) ?? statSync(csv).size;
  if (size <= limit) return;
  throw new MchError('too-large', `"${shown}" is ${(size / 1e9).toFixed(1)} GB; mch reads a release's observations.csv whole, at most ${(limit / 1024 ** 3).toFixed(0)} GiB (about 15 million observations)`, {
    where: shown,
    details: ['compare with, or build on, a release of fewer countries or years'],
  });
}

/** A release's observations.csv, whole (assertReleaseCsvReadable first). */
export function readReleaseCsv(csv: string, shown: string): Buffer {
  assertReleaseCsvReadable(csv, shown);
  return readFileSync(csv);
}

/** publish's reader names the file "observations.csv" alone: of two releases compared, the user is told whose it is. */
export function namingRelease(error: unknown, csv: string): unknown {
  const bare = 'observations.csv';
  if (!isMchError(error) || !error.message.startsWith(bare)) return error;
  const where = error.where.startsWith(bare) ? `${csv}${error.where.slice(bare.length)}` : csv;
  return new MchError(error.code, `${csv}${error.message.slice(bare.length)}`, { where, details: error.details, cause: error });
}
