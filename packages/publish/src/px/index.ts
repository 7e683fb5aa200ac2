// PX files: the writer, the strict reader, and the check that ties them to the observations.
import { MchError, type Observation, type TableDef } from '@mch/core';
import type { ReleaseModel } from '../model';
import { comparePxWithObservations } from './check';
import { pxFile } from './file';
import { readPx } from './table';
import { partnerOrder } from '../published/order';

export type { PxCell, PxEntry, PxItem } from './entries';
export type { PxProblem } from './read';
export type { PxLanguageView, PxReadResult, PxTable, PxVariable } from './table';
export { comparePxWithObservations } from './check';
export { pxKeywordText, pxCells, readPx } from './table';
export { MAX_LINE } from './entries';

/**
 * Writes px/<table>.px and reads it back with the strict reader: a file the reader refuses, or
 * whose cells differ from the published observations, is a bug and stops the release.
 */
export function checkedPxFile(model: ReleaseModel, table: TableDef, rows: readonly Observation[]): Buffer {
  const bytes = pxFile(model, table, rows);
  const read = readPx(bytes);
  const problems = read.ok ? comparePxWithObservations(read.table, table, rows, 20, partnerOrder(model.codelists).kind) : read.problems.map((p) => `line ${p.line}: ${p.message}`);
  if (problems.length) {
    throw new MchError('internal', `px/${table.id}.px does not read back as written`, { where: `px/${table.id}.px`, details: problems });
  }
  return bytes;
}
