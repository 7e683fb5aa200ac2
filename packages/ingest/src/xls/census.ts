import { MchError } from '@mch/core';
import { quote } from '../cells/text';
import type { Workbook } from '../xlsx/grid';
import { CfbDamaged, readCompoundFile } from './cfb';
import { type XlsCensus, takeCensus } from './biff';

/**
 * Takes the census of an .xls before LibreOffice sees it: a damaged compound file or record chain,
 * or a password, refuses the file here (LibreOffice would drop what it cannot read, silently).
 */
export function censusOf(bytes: Uint8Array, file: string): XlsCensus {
  const damaged = (why: string) => new MchError('file-unreadable', `${file} cannot be read: the .xls workbook is damaged (${why}); open it in Excel and save it again, or ask the country for a new copy`, { where: file });
  let census: XlsCensus;
  try {
    const cfb = readCompoundFile(bytes);
    const stream = cfb.read('Workbook') ?? cfb.read('Book');
    if (!stream) throw new CfbDamaged('it holds no workbook stream');
    census = takeCensus(stream);
  } catch (e) {
    if (e instanceof CfbDamaged) throw damaged(e.message);
    throw e;
  }
  if (census.encrypted) throw new MchError('file-unreadable', `${file} cannot be read: the workbook is password-protected; ask the country for an unprotected copy`, { where: file });
  return census;
}

/** After the conversion: every worksheet of the .xls is there, holding every non-blank cell it held. */
export function checkConversion(census: XlsCensus, book: Workbook, file: string): void {
  const lost = (what: string, where: string) =>
    new MchError('file-unreadable', `${file}: LibreOffice read ${what} of the .xls; the file may be damaged: open it in Excel and save it as .xlsx`, { where: `${file}#${where}` });
  const worksheets = census.sheets.filter((s) => s.kind === 'worksheet');
  for (const s of worksheets) {
    const g = book.sheets.find((x) => x.name === s.name);
    if (!g) throw lost(`no sheet ${quote(s.name)}`, s.name);
    let cells = 0;
    for (const row of g.rows.values()) for (const cell of row.values()) if (!cell.mergedCopy || cell.underMerge !== undefined) cells++;
    if (cells < s.cells) throw lost(`${cells} of the ${s.cells} cells of sheet ${quote(s.name)}`, s.name);
  }
}
