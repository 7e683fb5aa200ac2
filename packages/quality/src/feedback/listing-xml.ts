// The rows of the "MCH findings" sheet as sheet XML, spliced into the workbook exceljs wrote with
// the header row alone: a listing of a few hundred thousand findings is text, never cell objects.

/** Longest text a cell may hold in Excel; a longer one makes the workbook unreadable to it. */
const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 cannot hold (controls but tab and line ends, unpaired surrogates, U+FFFE/F), and text that reads as OOXML's `_xHHHH_` escape. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/gu;

/** Any character cellText changes, or starts a change at. */
const SPECIAL = /[&<>_\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** A cell's text as sheet XML: escaped, a character XML cannot hold written as OOXML's `_xHHHH_` (as Excel does). */
export function cellText(text: string): string {
  // most texts hold none of it: one test, no replacing
  if (text.length <= MAX_CELL_TEXT && !SPECIAL.test(text)) return text;
  const cut = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  return cut
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A1 column letters of the 0-based column `i`. */
function column(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** One row of sheet XML: numbers as numbers, text inline, empty text no cell at all. */
export function rowXml(r: number, values: readonly (string | number)[]): string {
  let out = `<row r="${r}">`;
  values.forEach((v, i) => {
    const ref = `${column(i)}${r}`;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out += `<c r="${ref}"><v>${v}</v></c>`;
    } else if (v !== '') out += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${cellText(v)}</t></is></c>`;
  });
  return `${out}</row>`;
}

/** Rows of XML gathered before they are encoded: a piece of about a megabyte. */
const PIECE_CHARS = 1 << 20;

/**
 * The sheet XML exceljs wrote for the listing (its header row alone) with `rows` added below the
 * header, from row 2, and its dimension widened to them: in pieces of about a megabyte, each made
 * as the reader asks (deflatePieces), so the listing is never whole in memory.
 */
export function* withRows(sheet: Uint8Array, rows: Iterable<readonly (string | number)[]>, width: number, count: number): Generator<Buffer> {
  const xml = Buffer.from(sheet).toString('utf8');
  const end = xml.lastIndexOf('</sheetData>');
  if (end < 0) throw new Error('the listing sheet exceljs wrote has no </sheetData>');
  yield Buffer.from(xml.slice(0, end).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${column(width - 1)}${count + 1}"/>`), 'utf8');
  let piece = '';
  let r = 1;
  for (const row of rows) {
    piece += rowXml(++r, row);
    if (piece.length >= PIECE_CHARS) {
      yield Buffer.from(piece, 'utf8');
      piece = '';
    }
  }
  if (r !== count + 1) throw new Error(`the listing has ${r - 1} rows, not the ${count} its dimension says`);
  yield Buffer.from(piece + xml.slice(end), 'utf8');
}

/**
 * The archive path of the worksheet named `name`, from the workbook part and its relationships
 * as exceljs writes them (`xl/workbook.xml`, `xl/_rels/workbook.xml.rels`).
 */
export function worksheetPath(workbookXml: string, relsXml: string, name: string): string {
  const escaped = cellText(name).replace(/"/g, '&quot;');
  const sheet = [...workbookXml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]).find((s) => s.includes(`name="${escaped}"`));
  const id = sheet?.match(/\br:id="([^"]+)"/)?.[1];
  const rel = id && [...relsXml.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const target = rel ? rel.match(/\bTarget="([^"]+)"/)?.[1] : undefined;
  if (!target) throw new Error(`the workbook exceljs wrote has no sheet "${name}"`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}
