// A second writer of .xlsx files, part by part (sheet XML, shared strings, zip) with no spreadsheet
// library: the planted-errors round is read as a file exceljs did not write.
import { zipArchive } from '@mch/core';
import type { CellValue, SheetModel } from './sheet-model';

const NS = 'http://schemas.openxmlformats.org';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function column(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(v: CellValue, ref: string, strings: Map<string, number>): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  let i = strings.get(v);
  if (i === undefined) {
    i = strings.size;
    strings.set(v, i);
  }
  return `<c r="${ref}" t="s"><v>${i}</v></c>`;
}

function sheetXml(sheet: SheetModel, strings: Map<string, number>): string {
  const rows = sheet.rows
    .map((cells, r) => {
      const body = cells.map((v, c) => cellXml(v, `${column(c + 1)}${r + 1}`, strings)).join('');
      return body ? `<row r="${r + 1}">${body}</row>` : '';
    })
    .join('');
  const merges = sheet.merges.filter(([t, l, b, r]) => r > l || b > t).map(([t, l, b, r]) => `<mergeCell ref="${column(l)}${t}:${column(r)}${b}"/>`);
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${mergeXml}</worksheet>`;
}

/** The workbook's parts: content types, relationships, workbook, sheets, shared strings. */
function parts(sheets: readonly SheetModel[]): [string, string][] {
  const strings = new Map<string, number>();
  const sheetParts = sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, strings)]);
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const list = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${list}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS}/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  return [['[Content_Types].xml', types], ['_rels/.rels', rels], ['xl/workbook.xml', workbook], ['xl/_rels/workbook.xml.rels', wbRels], ...sheetParts, ['xl/sharedStrings.xml', shared]];
}

/** Writes sheet models as an .xlsx file by hand: deflated zip entries, fixed dates, so the bytes never vary. */
export function writeOoxmlWorkbook(sheets: readonly SheetModel[]): Uint8Array {
  return zipArchive(parts(sheets), { dosDate: DOS_DATE });
}

// 1980-01-01 00:00 in MS-DOS time: no clock in the file
const DOS_DATE = 0x21;

