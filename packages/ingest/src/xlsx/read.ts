import { MchError, tableById } from '@mch/core';
import { namesSomeTable } from '../cells/codes';
import type { Collector } from '../collector';
import type { IngestEnv } from '../env';
import { type Grid, loadWorkbook } from './grid';
import { classifySheet, readCover, readMetadata } from './info-sheets';
import { readTableSheet } from './table-sheet';
import { checkZip } from './zip-guard';

/** Reads a questionnaire workbook; the bytes are checked for size and structure before exceljs sees them. */
export async function readXlsx(bytes: Uint8Array, c: Collector, env: IngestEnv): Promise<void> {
  const problem = checkZip(bytes);
  if (problem) throw new MchError('file-unreadable', `${c.file} cannot be read as an Excel workbook: ${problem}`, { where: c.file });
  let sheets: Grid[];
  try {
    sheets = await loadWorkbook(bytes);
  } catch (e) {
    throw new MchError('file-unreadable', `${c.file} cannot be read as an Excel workbook: ${(e as Error).message?.slice(0, 200) || 'broken content'}`, {
      where: c.file,
      cause: e,
    });
  }
  // Cover first: a file of another country is refused before anything is read from it
  for (const g of sheets) if (classifySheet(g.name, env.tableSet).kind === 'cover') readCover(g, c, env.category.partner);
  for (const g of sheets) {
    if (g.hidden) c.hidden.push(g.name);
    const kind = classifySheet(g.name, env.tableSet);
    if (kind.kind === 'metadata') readMetadata(g, c, env.tableSet);
    else if (kind.kind === 'table') {
      c.tables.add(kind.table);
      readTableSheet(g, tableById(env.tableSet, kind.table)!, { c, ...env.sheet });
    } else if (kind.kind === 'ignored') {
      c.ignored.push(g.name);
      if (namesSomeTable(g.name)) c.warn(`${c.file}, sheet "${g.name}": names a table that is not in the table set; not read`);
    }
  }
}
