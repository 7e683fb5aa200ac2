// exceljs's two classes mch writes and reads workbooks with, without the rest of the package.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

// The package's entry also loads its streaming reader (unzipper and what it needs), which mch
// never uses (ingest reads the sheet XML itself): 145 ms of every start of `mch check` and `mch
// release` on this machine, against 80 ms for the two classes below. These are the very modules
// the entry itself requires (exceljs 4.4 lib/exceljs.nodejs.js), so the classes are the same.

// Each is loaded when first asked for, not when this module is imported: a command that writes no
// workbook (`mch verify`, `mch diff`, a `mch check` whose feedback workbooks are all cached) never
// loads exceljs, some 150 ms of its start.

/** exceljs's Workbook: read a workbook whole, change it, write it back (feedback, reproduce). */
export function excelWorkbook(): typeof ExcelJS.Workbook {
  return require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
}

/** exceljs's streaming writer (`ExcelJS.stream.xlsx.WorkbookWriter`): rows written and let go. */
export function excelStreamWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  return require('exceljs/lib/stream/xlsx/workbook-writer') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}
