import { MchError, tableById } from '@mch/core';
import { quote } from '../cells/text';
import type { Collector } from '../collector';
import type { IngestEnv } from '../env';
import { type Workbook, loadWorkbook } from './grid';
import { classifySheet, readCover, readMetadata, titlesGiveWay } from './info-sheets';
import { readTableSheet } from './table-sheet';
import { Unreadable } from '@mch/core/xlsx';

/**
 * Reads a questionnaire workbook; sizes, structure and relationships are checked while its parts
 * are read. `check` sees the sheets before anything is read from them (an .xls census).
 */
export async function readXlsx(bytes: Uint8Array, c: Collector, env: IngestEnv, check?: (book: Workbook) => void): Promise<void> {
  const book = openWorkbook(bytes, c.file);
  check?.(book);
  for (const part of book.unused) c.warn(`${c.file}: the archive holds ${part}, which no sheet of the workbook uses; not read`);
  const kinds = titlesGiveWay(book.sheets.map((g) => classifySheet(g, env.tableSet)));
  if (!kinds.some((k) => k.kind === 'table' || k.kind === 'metadata')) {
    const names = book.sheets.map((g) => quote(g.name)).join(', ');
    throw new MchError('file-unreadable', `${c.file}: no sheet of the workbook is a questionnaire table (sheets: ${names}); name each table's sheet by its number, such as "T04"`, { where: c.file });
  }
  // Cover first: a file of another country is refused before anything is read from it
  for (const [i, g] of book.sheets.entries()) if (kinds[i]!.kind === 'cover') readCover(g, c, env.category.partner);
  for (const [i, g] of book.sheets.entries()) {
    const kind = kinds[i]!;
    if (g.hidden) c.hidden.push(g.name);
    if (kind.kind === 'metadata') readMetadata(g, c, env.tableSet);
    else if (kind.kind === 'table') {
      if (kind.said) c.warn(`${c.file}, sheet "${g.name}": ${kind.said}`);
      c.tables.add(kind.table);
      readTableSheet(g, tableById(env.tableSet, kind.table)!, { c, ...env.sheet });
    } else if (kind.kind === 'ignored') {
      c.ignored.push(g.name);
      const numbers = numberCells(g);
      if (kind.said) c.warn(`${c.file}, sheet "${g.name}": ${kind.said}${numbers ? ` (it holds ${numbers} numbers)` : ''}`);
      else if (numbers > 0) c.warn(`${c.file}, sheet "${g.name}": not read, as its name gives no table number (such as "T04") and its title names no table, yet it holds ${numbers} numbers`);
    }
  }
}

/** Cells holding a number: what an unread sheet may hold of a table. */
function numberCells(g: Workbook['sheets'][number]): number {
  let n = 0;
  for (const cells of g.rows.values()) for (const cell of cells.values()) if (cell.number !== undefined && !cell.mergedCopy) n++;
  return n;
}

function openWorkbook(bytes: Uint8Array, file: string): Workbook {
  try {
    return loadWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    throw new MchError('file-unreadable', `${file} cannot be read as an Excel workbook: ${e.message}${placeText(e.place, e.message)}`, { where: e.place ? `${file}#${e.place}` : file, cause: e });
  }
}

/** Where in the workbook, as a reader looks for it (`sheet "T04", cell C7`; a part of the archive as it is), unless the message says it. */
function placeText(place: string, message: string): string {
  if (!place) return '';
  const at = /^(.+)!([^!]+)$/u.exec(place);
  // a message that names a part or a sheet of its own says where already
  if (!at) return /xl\/|sheet "/u.test(message) || message.includes(place.replace(/:\d+$/u, '')) ? '' : ` (in ${place})`;
  const [, sheet, ref] = at;
  if (message.includes(`"${sheet}"`)) return '';
  return ` (sheet "${sheet}", ${/^(?:row|column) /u.test(ref!) ? ref : /:/u.test(ref!) ? `range ${ref}` : `cell ${ref}`})`;
}
