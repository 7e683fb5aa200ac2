// PX files: the writer, the strict reader, and the check that ties them to the observations.
import { MchError } from '@mch/core';
import type { TableModel } from '../model';
import type { PublishedTable } from '../published/types';
import { comparePxWithObservations } from './check';
import { pxFile } from './file';
import { readPx } from './table';
import { partnerOrder } from '../published/order';
import { cellsByCountry } from '../published/build';

export type { PxCell, PxEntry, PxItem } from './entries';
export type { PxProblem } from './read';
export type { PxLanguageView, PxReadResult, PxTable, PxVariable } from './table';
export { comparePxMetadata, comparePxWithObservations } from './check';
export { pxKeywordText, pxCells, readPx } from './table';
export { MAX_LINE } from './entries';

/**
 * Writes px/<table>.px and reads it back with the strict reader: a file the reader refuses, or
 * whose cells or country metadata differ from the published table, is a bug and stops the
 * release.
 */
export function checkedPxFile(model: TableModel, published: PublishedTable): Buffer {
  const { table, observations: rows } = published;
  const bytes = pxFile(model, published);
  const read = readPx(bytes);
  const problems = read.ok
    ? comparePxWithObservations(read.table, table, rows, 20, partnerOrder(model.codelists).kind, cellsByCountry(published))
    : read.problems.map((p) => `line ${p.line}: ${p.message}`);
  if (problems.length) {
    throw new MchError('internal', `px/${table.id}.px does not read back as written`, { where: `px/${table.id}.px`, details: problems });
  }
  return bytes;
}
