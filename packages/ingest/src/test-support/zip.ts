// A minimal zip writer for hand-made OOXML fixtures and hostile archives, independent of exceljs.
import { type ZipEntry, zipArchive } from '@mch/core';

/** A zip of the given entries, each declaring `declared` bytes (default: its true size) in the central directory. */
export function zipOf(...entries: ZipEntry[]): Uint8Array {
  return zipArchive(entries);
}
